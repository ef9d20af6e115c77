package org.huitong.records;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Keeps the latest version of every record, by record type and business key. Joins the caller's
 * Spring transaction.
 */
public interface RecordStore {

    /** Latest versions of the given keys; a key never stored is absent from the result. */
    Map<String, StoredVersion> findLatest(String recordType, Collection<String> businessKeys);

    /** Inserts or replaces the latest version of each record. */
    void saveLatest(List<RecordVersion> versions);
}
