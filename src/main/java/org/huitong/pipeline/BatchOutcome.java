package org.huitong.pipeline;

import org.huitong.batches.BatchStatus;

/** The final status of a batch, with its counts. */
public record BatchOutcome(long batchId, BatchStatus status, long read, long published,
                           long unchanged, long quarantined) {
}
