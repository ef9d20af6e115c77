package org.huitong.connectors;

import java.util.List;
import org.huitong.batches.Batch;

/**
 * A connector as the API returns it.
 *
 * @param file the descriptor file it was loaded from
 * @param inbox the folder its files are dropped into, or {@code null} when invalid
 * @param errors descriptor errors, each naming the field path, or why its route could not be
 *     created; empty when the connector is valid and its route exists
 * @param lastBatch its newest batch, or {@code null} if it has none yet
 */
public record ConnectorView(String id, String file, ConnectorState state, String departmentCode,
                            String departmentName, String departmentNameEn, String recordType,
                            String schemaVersion, String template, String inbox,
                            List<String> errors, Batch lastBatch) {
}
