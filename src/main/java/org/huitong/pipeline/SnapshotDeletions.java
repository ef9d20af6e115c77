package org.huitong.pipeline;

import java.util.List;

import org.huitong.records.SnapshotRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the records that a full snapshot of their source no longer has. Each chunk of the
 * snapshot batch remembers its business keys in the chunk's transaction. After the last chunk,
 * the connector's live records whose keys were not read are deleted in chunks of the
 * connector's chunk size ({@link ChunkCommitter#commitDeletions}).
 *
 * <p>Nothing is deleted when the batch quarantined a record, because a row that failed
 * validation may be the very record that seems to be missing.
 */
@Component
class SnapshotDeletions {

    private static final Logger log = LoggerFactory.getLogger(SnapshotDeletions.class);

    private final SnapshotRecords snapshots;
    private final ChunkCommitter committer;

    SnapshotDeletions(SnapshotRecords snapshots, ChunkCommitter committer) {
        this.snapshots = snapshots;
        this.committer = committer;
    }

    /** Remembers the chunk's business keys; runs inside the chunk's transaction. */
    void remember(BatchContext batch, Chunk chunk) {
        snapshots.rememberKeys(batch.batchId(), chunk.valid().stream().map(Chunk.Valid::businessKey).toList());
    }

    /**
     * Deletes the connector's records that the completed snapshot did not contain.
     *
     * @return how many records were deleted
     */
    long deleteMissing(BatchContext batch, BatchTally tally) {
        if (tally.quarantined() > 0) {
            log.warn("Batch {}: {} records were quarantined, so records missing from this snapshot of connector {}"
                    + " are not deleted", batch.batchId(), tally.quarantined(), batch.connectorId());
            return 0;
        }
        int chunkSize = batch.connector().options().chunkSize();
        long deleted = 0;
        List<SnapshotRecords.Missing> missing = snapshots.findMissing(batch.spec().type(), batch.connectorId(),
                batch.batchId(), chunkSize);
        while (!missing.isEmpty()) {
            deleted += committer.commitDeletions(batch, missing);
            missing = snapshots.findMissing(batch.spec().type(), batch.connectorId(), batch.batchId(), chunkSize);
        }
        if (deleted > 0) {
            log.info("Batch {}: deleted {} records that the snapshot of connector {} no longer contains",
                    batch.batchId(), deleted, batch.connectorId());
        }
        return deleted;
    }

    /** Deletes the remembered keys; a failure is logged, and the rows stay until a later clean-up. */
    void forget(long batchId) {
        try {
            snapshots.forgetKeys(batchId);
        } catch (RuntimeException e) {
            log.warn("Batch {}: cannot delete its snapshot keys: {}", batchId, e.toString());
        }
    }
}
