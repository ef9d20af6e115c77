package org.huitong.quarantine;

import java.util.List;

/** Stores quarantined records with their violations. Joins the caller's Spring transaction. */
public interface QuarantineRepository {

    void saveAll(List<QuarantinedRecord> records);

    /**
     * Quarantined records, oldest first; {@code null} filters mean any.
     */
    default List<QuarantinedRecord> find(String connectorId, Long batchId, int offset, int limit) {
        return find(connectorId, batchId, null, offset, limit);
    }

    /**
     * Returns quarantined records of one connector, batch and department when those are given.
     *
     * @param departmentCode {@code null} for every department
     */
    List<QuarantinedRecord> find(String connectorId, Long batchId, String departmentCode, int offset, int limit);

    default long count(String connectorId, Long batchId) {
        return count(connectorId, batchId, null);
    }

    long count(String connectorId, Long batchId, String departmentCode);
}
