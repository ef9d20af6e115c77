package org.huitong.connectors;

import java.util.List;

/** A descriptor sent to the API has errors; the API answers 400 with each error and its path. */
public class InvalidDescriptorException extends RuntimeException {

    private final transient List<DescriptorError> errors;

    public InvalidDescriptorException(List<DescriptorError> errors) {
        super("Invalid connector descriptor: " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<DescriptorError> errors() {
        return errors;
    }
}
