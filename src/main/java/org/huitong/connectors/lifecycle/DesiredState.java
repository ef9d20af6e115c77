package org.huitong.connectors.lifecycle;

/** The state a person asked a connector to be in; it survives a restart of the hub. */
public enum DesiredState {
    RUNNING, PAUSED, STOPPED
}
