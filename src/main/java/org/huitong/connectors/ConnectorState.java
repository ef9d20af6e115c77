package org.huitong.connectors;

import org.apache.camel.ServiceStatus;

/**
 * State of a connector as the API shows it.
 *
 * <ul>
 *   <li>{@code INVALID}: its descriptor has errors, so it has no route.
 *   <li>{@code FAILED}: its route could not be created, and the error gives the reason.
 *   <li>{@code STARTING}: its route is being started.
 *   <li>{@code RUNNING}: its route polls the inbox.
 *   <li>{@code PAUSED}: its route is suspended.
 *   <li>{@code STOPPED}: its route is stopped, or the hub is shutting down.
 * </ul>
 */
public enum ConnectorState {
    INVALID, FAILED, STARTING, RUNNING, PAUSED, STOPPED;

    static ConnectorState of(ServiceStatus status) {
        if (status == null) {
            return STOPPED;
        }
        return switch (status) {
            case Initializing, Initialized, Starting -> STARTING;
            case Started -> RUNNING;
            case Suspending, Suspended -> PAUSED;
            default -> STOPPED;
        };
    }
}
