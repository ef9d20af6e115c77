package org.huitong.pipeline.map;

import java.text.Normalizer;

/**
 * Normalises source text once, where it enters the hub.
 *
 * <p>NFKC folds full-width letters and digits to ASCII ({@code Ｘ} to {@code X}, {@code ９} to
 * {@code 9}) and the ideographic space U+3000 and the no-break space U+00A0 to a plain space.
 * Trimming then removes every Unicode space or whitespace character and the byte-order mark
 * U+FEFF at both ends, so a value of only U+3000 becomes empty, which the hub treats as absent.
 * Characters outside the Basic Multilingual Plane, such as {@code 𠮷}, are kept unchanged.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Returns {@code text} in NFKC with leading and trailing spaces removed; never null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return trim(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    /** Returns the normalised text, or {@code null} when it is blank, meaning absent. */
    public static String normalizeOrNull(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? null : normalized;
    }

    /** Returns whether {@code text} is null, empty or only spaces of any kind. */
    public static boolean isBlank(String text) {
        return normalize(text).isEmpty();
    }

    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
