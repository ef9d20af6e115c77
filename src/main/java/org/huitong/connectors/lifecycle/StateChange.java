package org.huitong.connectors.lifecycle;

import java.time.Instant;
import org.huitong.connectors.ConnectorState;

/**
 * One change of a connector's state.
 *
 * @param from the previous state, or {@code null} for the first record of a connector
 * @param reasonZh why, in Chinese
 * @param reasonEn why, in English
 * @param actor the user who asked for it, or {@code system} for a change the hub observed
 */
public record StateChange(long id, String connectorId, Instant at, ConnectorState from, ConnectorState to,
                          String reasonZh, String reasonEn, String actor) {
}
