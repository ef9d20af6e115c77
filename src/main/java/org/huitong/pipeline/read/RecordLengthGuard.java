package org.huitong.pipeline.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops the CSV parser from buffering a runaway record, such as the rest of a file after an
 * unclosed quote.
 *
 * <p>The parser reads ahead through its own buffer, so this reader counts characters handed
 * to the parser since {@link #startRecord()} and fails once the count passes the limit plus
 * {@link #READ_AHEAD_CHARS}. The exact limit is checked by the CSV reader on each complete
 * record.
 */
final class RecordLengthGuard extends FilterReader {

    /** Characters the parser may buffer beyond the current record; larger than its 8 KiB buffer. */
    static final int READ_AHEAD_CHARS = 64 * 1024;

    private final long maxChars;
    private long charsRead;
    private long recordStart;

    RecordLengthGuard(Reader in, int maxRecordChars) {
        super(in);
        this.maxChars = (long) maxRecordChars + READ_AHEAD_CHARS;
    }

    /** Marks the start of the next record. */
    void startRecord() {
        recordStart = charsRead;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws RecordTooLongException {
        charsRead += n;
        if (charsRead - recordStart > maxChars) {
            throw new RecordTooLongException();
        }
    }

    /** Thrown through the parser when a record passes the limit. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("Record longer than the maximum record length");
        }
    }
}
