package org.huitong.pipeline.read;

import org.huitong.i18n.Messages;
import org.huitong.pipeline.Violation;

/** Builds the read area's violations and file rejections from the {@code i18n/read} bundle. */
final class ReadViolations {

    private static final Messages MESSAGES = Messages.load("i18n/read");

    private ReadViolations() {
    }

    /**
     * Builds a violation of one record. Arguments are passed as text, so that line numbers
     * and counts appear without digit grouping.
     */
    static Violation violation(String code, String sourceColumn, Object... args) {
        return Violation.of(MESSAGES, code, null, sourceColumn, asText(args));
    }

    /** Builds the exception that stops reading a file at {@code line} (0 when not opened). */
    static FileRejectedException rejection(String code, long line, Throwable cause, Object... args) {
        return new FileRejectedException(violation(code, null, args), line, cause);
    }

    private static Object[] asText(Object[] args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return text;
    }
}
