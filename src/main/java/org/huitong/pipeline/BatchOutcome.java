package org.huitong.pipeline;

import org.huitong.batches.BatchStatus;

/**
 * The final status of a batch, with its counts.
 *
 * @param deleted records deleted because a full snapshot no longer had them
 */
public record BatchOutcome(long batchId, BatchStatus status, long read, long published,
                           long unchanged, long quarantined, long deleted) {
}
