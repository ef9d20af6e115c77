package org.huitong.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated record version to publish on the exchange.
 *
 * @param recordType for example {@code credit.license}; the address is
 *     {@code exchange.} followed by the record type
 * @param schemaId the schema {@code $id}, published as {@code dataschema}
 * @param businessKey the record's business key, published as {@code subject}
 * @param version 1 for a new record, then one more for each changed content
 * @param contentHash SHA-256 (hex) of the canonical record content
 * @param data the record
 * @param department department code of the providing department
 * @param connectorId the connector that read it
 * @param batchId the batch (one source file) it came from
 * @param sourceFile file name as delivered
 * @param firstLine first physical line or row in the source file
 * @param lastLine last physical line or row in the source file
 * @param deleted true for a record that its source no longer has; {@code data} is then its last
 *     published content, so that subscribers' filters and views apply to it as before
 * @param dataJson {@code data} as {@link RecordJson} writes it: the event's {@code data} member.
 *     The pipeline writes it while it reads the next records, so that the thread that commits
 *     and publishes does not.
 */
public record OutboundRecord(String recordType, String schemaId, String businessKey, int version,
                             String contentHash, ObjectNode data, String department,
                             String connectorId, long batchId, String sourceFile, long firstLine,
                             long lastLine, boolean deleted, String dataJson) {

    /** A record whose JSON text is written from {@code data} now. */
    public OutboundRecord(String recordType, String schemaId, String businessKey, int version,
                          String contentHash, ObjectNode data, String department, String connectorId,
                          long batchId, String sourceFile, long firstLine, long lastLine, boolean deleted) {
        this(recordType, schemaId, businessKey, version, contentHash, data, department, connectorId, batchId,
                sourceFile, firstLine, lastLine, deleted, RecordJson.write(data));
    }

    /** A new or changed record. */
    public OutboundRecord(String recordType, String schemaId, String businessKey, int version,
                          String contentHash, ObjectNode data, String department, String connectorId,
                          long batchId, String sourceFile, long firstLine, long lastLine) {
        this(recordType, schemaId, businessKey, version, contentHash, data, department, connectorId, batchId,
                sourceFile, firstLine, lastLine, false);
    }
}
