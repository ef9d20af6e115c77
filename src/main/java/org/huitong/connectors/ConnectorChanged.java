package org.huitong.connectors;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Published by the {@link ConnectorRegistry} when a connector was added, changed or removed,
 * after the change is stored. Listeners run in the thread that made the change.
 *
 * @param before the previous entry, or {@code null} when the connector is new
 * @param after the new entry, or {@code null} when the connector was removed
 * @param actor who made the change, or {@code system} for a reloaded file
 */
public record ConnectorChanged(ConnectorEntry before, ConnectorEntry after, String actor) {

    public String id() {
        return after != null ? after.id() : before.id();
    }

    /**
     * Returns true when an update gave the connector another source template or changed one of
     * {@code parameters} of its source. A new or removed connector, or one without a readable
     * descriptor, returns false.
     */
    public boolean sourceChanged(Collection<String> parameters) {
        if (before == null || after == null || before.descriptor() == null || after.descriptor() == null) {
            return false;
        }
        ConnectorDescriptor.Source old = before.descriptor().source();
        ConnectorDescriptor.Source current = after.descriptor().source();
        if (!old.template().equals(current.template())) {
            return true;
        }
        Map<String, String> oldParameters = old.parameters();
        Map<String, String> currentParameters = current.parameters();
        return parameters.stream().anyMatch(name -> !Objects.equals(oldParameters.get(name), currentParameters.get(name)));
    }
}
