package org.huitong.connectors;

/**
 * State of a connector as the API shows it. {@code docs/connectors.md} draws the transitions.
 *
 * <ul>
 *   <li>{@code CREATED}: registered; its route is built once the hub has started.
 *   <li>{@code STARTING}: its route is being started.
 *   <li>{@code RUNNING}: its route reads the source and the last batch was within tolerance.
 *   <li>{@code DEGRADED}: running, but reading the source fails and is retried with backoff, or
 *       the last batch quarantined more records than the connector tolerates, or failed. It
 *       returns to RUNNING by itself once a poll or a batch succeeds.
 *   <li>{@code STALE}: running, but no batch arrived within the connector's expected interval.
 *   <li>{@code PAUSED}: a person paused it; its route is suspended and keeps its place.
 *   <li>{@code STOPPED}: a person stopped it; its route is stopped until started again.
 *   <li>{@code FAILED}: its route could not be built; the reason says why. Fix the descriptor or
 *       the environment, then start or restart it.
 *   <li>{@code INVALID}: its descriptor has errors, so it has no route.
 * </ul>
 */
public enum ConnectorState {
    CREATED, STARTING, RUNNING, DEGRADED, STALE, PAUSED, STOPPED, FAILED, INVALID
}
