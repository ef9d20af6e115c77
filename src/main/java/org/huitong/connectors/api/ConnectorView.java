package org.huitong.connectors.api;

import java.time.Instant;
import java.util.List;
import org.huitong.batches.Batch;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorOrigin;
import org.huitong.connectors.ConnectorState;

/**
 * A connector as the API returns it.
 *
 * @param origin where the descriptor comes from: a file or the API
 * @param location the descriptor file, or {@code database}
 * @param overridesApi whether a connector of the same id created through the API is hidden
 *     because a file defines it too
 * @param revision the value to send as {@code If-Match} when updating; 0 for files
 * @param stateSince when the current state began, if known
 * @param stateReason why the connector is in its state, in the request's language
 * @param inbox the folder its files are dropped into, for file-drop connectors
 * @param errors descriptor errors, each with the path of its field; empty when valid
 * @param lastBatch its newest batch, or {@code null} if it has none yet
 * @param descriptor the descriptor with secret parameters shown as {@code ********}, or
 *     {@code null} when it is invalid
 */
public record ConnectorView(String id, ConnectorOrigin origin, String location, boolean overridesApi,
                            long revision, ConnectorState state, Instant stateSince, String stateReason,
                            String departmentCode, String departmentName, String departmentNameEn,
                            String recordType, String schemaVersion, String template, String inbox,
                            String expectedInterval, List<ErrorView> errors, Batch lastBatch,
                            ConnectorDescriptor descriptor) {

    /** A descriptor error: the field's path and the message in the request's language. */
    public record ErrorView(String path, String message) {
    }
}
