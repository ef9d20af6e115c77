package org.huitong.pipeline.read;

import org.huitong.pipeline.Violation;

/**
 * A fault that stops reading a file, or its remainder: no charset decodes it, it is not the
 * format its name says, its header is unusable, or its syntax breaks at {@link #line()}.
 */
public class FileRejectedException extends RuntimeException {

    private final transient Violation violation;
    private final long line;

    /**
     * @param line the first 1-based physical line or row that could not be read (for an
     *     unclosed quote, the line where the quoted field starts), or 0 when the file could not
     *     be opened at all
     */
    public FileRejectedException(Violation violation, long line, Throwable cause) {
        super(violation.code() + " at line " + line + ": " + violation.message().en(), cause);
        this.violation = violation;
        this.line = line;
    }

    public Violation violation() {
        return violation;
    }

    public long line() {
        return line;
    }
}
