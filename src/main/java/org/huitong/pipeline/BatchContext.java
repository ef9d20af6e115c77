package org.huitong.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.exchange.OutboundRecord;
import org.huitong.records.SnapshotRecords;
import org.huitong.schema.RecordTypeSpec;

/** The connector, record type, batch id and file that every record of one batch shares. */
record BatchContext(ConnectorDescriptor connector, RecordTypeSpec spec, long batchId,
                    String sourceFile) {

    String connectorId() {
        return connector.id();
    }

    OutboundRecord outbound(Chunk.Valid record, int version) {
        return new OutboundRecord(spec.type(), spec.schemaId(), record.businessKey(), version,
                record.contentHash(), record.data(), connector.department().code(),
                connector.id(), batchId, sourceFile, record.source().firstLine(),
                record.source().lastLine(), false, record.dataJson());
    }

    /** Returns the deletion event of a record that this batch's snapshot no longer had. */
    OutboundRecord deletion(String businessKey, int version, ObjectNode lastData) {
        return new OutboundRecord(spec.type(), spec.schemaId(), businessKey, version, SnapshotRecords.DELETED_HASH,
                lastData, connector.department().code(), connector.id(), batchId, sourceFile, 0, 0, true);
    }
}
