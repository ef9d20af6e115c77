package org.huitong.pipeline;

import org.huitong.batches.BatchStatus;
import org.huitong.i18n.LocalizedText;

/** Running counts of a batch, added up chunk by chunk, and the file-level error if any. */
final class BatchTally {

    private final long batchId;
    private long read;
    private long published;
    private long unchanged;
    private long quarantined;
    private long deleted;
    private Violation fileError;

    BatchTally(long batchId) {
        this.batchId = batchId;
    }

    void add(ChunkCommitter.Counts counts) {
        read += counts.read();
        published += counts.published();
        unchanged += counts.unchanged();
        quarantined += counts.quarantined();
    }

    void addDeleted(long count) {
        deleted += count;
    }

    void fileError(Violation violation) {
        fileError = violation;
    }

    long read() {
        return read;
    }

    long published() {
        return published;
    }

    long unchanged() {
        return unchanged;
    }

    long quarantined() {
        return quarantined;
    }

    long deleted() {
        return deleted;
    }

    String errorCode() {
        return fileError == null ? null : fileError.code();
    }

    LocalizedText error() {
        return fileError == null ? null : fileError.message();
    }

    BatchOutcome outcome(BatchStatus status) {
        return new BatchOutcome(batchId, status, read, published, unchanged, quarantined, deleted);
    }
}
