package org.huitong.batches;

import java.util.List;
import java.util.Optional;
import org.huitong.i18n.LocalizedText;

/**
 * Stores batches. Every method joins the caller's Spring transaction when there is one, so a
 * chunk's count update commits or rolls back with the chunk's record-store and quarantine writes.
 */
public interface BatchRepository {

    /** Inserts a RUNNING batch and returns its id. */
    long start(String connectorId, String sourceFile, String fileSha256, long fileSize);

    /** Adds one chunk's counts to the batch. */
    void addCounts(long batchId, long read, long published, long unchanged, long quarantined);

    /** Adds records deleted because a full snapshot no longer had them; joins the caller's transaction. */
    void addDeleted(long batchId, long deleted);

    /** Sets the final status, the finish time and, unless {@code null}, the error. */
    void finish(long batchId, BatchStatus status, String errorCode, LocalizedText error);

    Optional<Batch> findById(long batchId);

    /** Batches newest first; {@code connectorId} {@code null} means all connectors. */
    List<Batch> find(String connectorId, int offset, int limit);

    /**
     * Returns batches newest first, of one connector and one department when those are given.
     *
     * @param departmentCode {@code null} for every department
     */
    List<Batch> find(String connectorId, String departmentCode, int offset, int limit);

    /** The newest batch of each connector, keyed by connector id. */
    java.util.Map<String, Batch> latestByConnector();

    /** Marks every RUNNING batch INTERRUPTED; called once at start-up. Returns how many. */
    int markRunningInterrupted();
}
