package org.huitong.connectors;

import java.util.List;

/**
 * A registered connector as loaded from a descriptor file or the database: the descriptor when
 * it is valid, or the errors that keep it from running.
 *
 * @param id the connector id, or the file name without its extension when the descriptor has
 *     no readable id
 * @param location the descriptor file, or {@code database} for a connector created through the
 *     API
 * @param departmentCode the department the descriptor names, even when it is otherwise invalid;
 *     {@code null} only when the descriptor names none, and then only administrators see it
 * @param descriptor {@code null} when {@code errors} is not empty
 * @param revision increases with every change of the descriptor
 * @param fingerprint identifies the descriptor's content, to tell whether a reload changed it
 * @param overridesApi whether a connector of the same id created through the API is hidden
 *     because a descriptor file defines the id too
 */
public record ConnectorEntry(String id, ConnectorOrigin origin, String location, String departmentCode,
                             ConnectorDescriptor descriptor, List<DescriptorError> errors, long revision,
                             String fingerprint, boolean overridesApi) {

    public ConnectorEntry {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    ConnectorEntry overridingApi() {
        return new ConnectorEntry(id, origin, location, departmentCode, descriptor, errors, revision,
                fingerprint, true);
    }
}
