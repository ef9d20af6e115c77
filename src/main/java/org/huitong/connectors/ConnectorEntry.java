package org.huitong.connectors;

import java.nio.file.Path;
import java.util.List;
import org.huitong.i18n.LocalizedText;

/**
 * A descriptor file as loaded: the descriptor when it is valid, or the errors that kept it out.
 *
 * @param id the connector id, or the file name when the descriptor could not be read
 * @param descriptor {@code null} when {@code errors} is not empty
 * @param errors what is wrong with the descriptor, each naming the path of the field
 */
public record ConnectorEntry(String id, Path file, ConnectorDescriptor descriptor,
                             List<LocalizedText> errors) {

    public ConnectorEntry {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
