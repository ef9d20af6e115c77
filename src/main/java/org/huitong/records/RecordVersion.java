package org.huitong.records;

/**
 * A record version to store as the latest of its business key.
 *
 * @param payload the record as JSON text
 */
public record RecordVersion(String recordType, String businessKey, int version, String contentHash,
                            String payload, String connectorId, long batchId) {
}
