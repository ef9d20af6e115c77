package org.huitong.connectors;

import java.util.List;

/**
 * The outcome of checking one descriptor.
 *
 * @param id the connector id, or {@code null} when the descriptor has none that can be read
 * @param descriptor the bound descriptor, or {@code null} when {@code errors} is not empty
 * @param errors every fault found, sorted by path
 */
public record DescriptorCheck(String id, ConnectorDescriptor descriptor, List<DescriptorError> errors) {

    public DescriptorCheck {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    static DescriptorCheck failed(String id, DescriptorError error) {
        return new DescriptorCheck(id, null, List.of(error));
    }
}
