package org.huitong.pipeline.read;

import java.nio.charset.Charset;

/**
 * Per-connector reading options.
 *
 * @param format {@code csv}, {@code xlsx}, {@code json} (an array or JSON Lines, detected from
 *     the first non-blank character), or {@code null} to choose by file extension
 * @param charset CSV/JSON charset override; {@code null} detects: byte-order mark, then strict
 *     UTF-8, then GB18030
 * @param sheet XLSX sheet name, or {@code null} for the first sheet
 * @param delimiter CSV field delimiter
 * @param maxRecordChars longest logical record accepted, in characters; a longer one rejects
 *     the rest of the file, which protects memory against a runaway quoted field
 */
public record ReadOptions(String format, Charset charset, String sheet, char delimiter,
                          int maxRecordChars) {

    public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, ',', DEFAULT_MAX_RECORD_CHARS);
    }
}
