package org.huitong.connectors;

/**
 * Where a connector's descriptor comes from. When a file and the API define the same id, the
 * file wins: it is version-controlled and deployed by the operator, so a department cannot
 * override it through the API.
 */
public enum ConnectorOrigin {
    /** A descriptor file in the descriptor folder, reloaded when it changes. */
    FILE,
    /** A descriptor created through the API and stored in the hub database. */
    API
}
