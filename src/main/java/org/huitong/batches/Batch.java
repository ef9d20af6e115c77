package org.huitong.batches;

import java.time.Instant;

/**
 * One source file's processing run and its counts. For every finished batch,
 * {@code read = published + unchanged + quarantined}.
 *
 * @param deleted records deleted because a full snapshot of their source no longer had them;
 *     not part of {@code read}
 *
 * @param fileSha256 SHA-256 (hex) of the file content
 * @param errorCode violation or failure code when the batch did not complete, else {@code null}
 * @param errorMessageZh the error in Chinese, else {@code null}
 * @param errorMessageEn the error in English, else {@code null}
 */
public record Batch(long id, String connectorId, String sourceFile, String fileSha256,
                    long fileSize, BatchStatus status, long read, long published, long unchanged,
                    long quarantined, long deleted, Instant startedAt, Instant finishedAt, String errorCode,
                    String errorMessageZh, String errorMessageEn) {
}
