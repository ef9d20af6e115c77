package org.huitong.connectors.lifecycle;

import java.time.Instant;
import org.huitong.connectors.ConnectorState;
import org.huitong.i18n.LocalizedText;

/**
 * A connector's state as computed now.
 *
 * @param reason why the connector is in this state, or {@code null} when RUNNING as expected
 * @param since when the underlying condition began, when known; else {@code null}
 */
public record ObservedState(ConnectorState state, LocalizedText reason, Instant since) {
}
