package org.huitong.batches;

/**
 * Outcome of one source file's batch.
 *
 * <ul>
 *   <li>{@code RUNNING}: records are being read and published.
 *   <li>{@code COMPLETED}: every record was read and ended published, unchanged or quarantined.
 *   <li>{@code PARTIAL}: reading stopped early (for example an unterminated quote); the records
 *       before the stop were processed and the unread rest is quarantined as one entry.
 *   <li>{@code REJECTED}: the file could not be read at all (for example no charset decodes it);
 *       it is quarantined as one entry.
 *   <li>{@code FAILED}: the broker or the database failed; the file stays in the inbox and is
 *       processed again, and records already committed count as unchanged then.
 *   <li>{@code INTERRUPTED}: the hub stopped while the batch ran; the file is processed again.
 * </ul>
 */
public enum BatchStatus {
    RUNNING, COMPLETED, PARTIAL, REJECTED, FAILED, INTERRUPTED
}
