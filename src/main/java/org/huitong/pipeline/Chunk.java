package org.huitong.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.quarantine.QuarantinedRecord;

/**
 * Records of one batch waiting to be committed together: those that passed validation and
 * those bound for the quarantine. Every record read lands in exactly one of the two lists.
 */
final class Chunk {

    /**
     * A record that passed validation, with its business key, content hash, and its JSON text
     * as {@link org.huitong.exchange.RecordJson} writes it.
     */
    record Valid(SourceRecord source, ObjectNode data, String businessKey, String contentHash,
                 String dataJson) {
    }

    private final List<Valid> valid = new ArrayList<>();
    private final List<QuarantinedRecord> quarantined = new ArrayList<>();

    void addValid(Valid record) {
        valid.add(record);
    }

    void addQuarantined(QuarantinedRecord record) {
        quarantined.add(record);
    }

    List<Valid> valid() {
        return valid;
    }

    List<QuarantinedRecord> quarantined() {
        return quarantined;
    }

    int size() {
        return valid.size() + quarantined.size();
    }

    /** Records read into this chunk; a file-level quarantine entry is not a record read. */
    long recordsRead() {
        return valid.size() + quarantined.stream().filter(q -> q.recordNumber() > 0).count();
    }

    void clear() {
        valid.clear();
        quarantined.clear();
    }
}
