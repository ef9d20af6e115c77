package org.huitong.quarantine;

import java.util.List;

/** Stores quarantined records with their violations. Joins the caller's Spring transaction. */
public interface QuarantineRepository {

    void saveAll(List<QuarantinedRecord> records);

    /**
     * Quarantined records, oldest first; {@code null} filters mean any.
     */
    List<QuarantinedRecord> find(String connectorId, Long batchId, int offset, int limit);

    long count(String connectorId, Long batchId);
}
