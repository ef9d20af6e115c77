package org.huitong.pipeline;

import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;

/**
 * One reason a record (or a whole file) was rejected.
 *
 * @param code stable, upper-case code that clients may match on, for example
 *     {@code FORMAT_USCC_CHECK_CHARACTER}; never reworded once released
 * @param field the schema field concerned, or {@code null} when the fault is not tied to one
 * @param sourceColumn the source column (header as it appears in the file), or {@code null}
 * @param message what is wrong, where and how to fix it, in Chinese and English
 */
public record Violation(String code, String field, String sourceColumn, LocalizedText message) {

    /** Message key of a violation code: {@code violation.} followed by the code. */
    public static String messageKey(String code) {
        return "violation." + code;
    }

    /** Builds a violation whose message is the bundle entry {@code violation.CODE}. */
    public static Violation of(Messages messages, String code, String field, String sourceColumn,
                               Object... args) {
        return new Violation(code, field, sourceColumn, messages.text(messageKey(code), args));
    }
}
