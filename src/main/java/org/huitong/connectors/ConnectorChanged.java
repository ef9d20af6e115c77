package org.huitong.connectors;

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
}
