package org.huitong.pipeline;

import org.huitong.batches.BatchStatus;

/** How a batch ended, with its counts. */
public record BatchOutcome(long batchId, BatchStatus status, long read, long published,
                           long unchanged, long quarantined) {
}
