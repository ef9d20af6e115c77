package org.huitong.pipeline.map;

import java.util.Map;

/**
 * String formats that hold codes: identifiers that are upper-cased, never treated as numbers,
 * and whose digits a spreadsheet can damage.
 *
 * <p>The known formats have a minimum length, so a code that lost its leading zeros in a
 * spreadsheet is detected: {@code uscc} 18 characters (GB 32100-2015), {@code citizen-id} 15
 * (first-generation) or 18, {@code division-code} 6 (GB/T 2260; 12-digit statistical codes
 * also occur), {@code organization-code} 9 (GB 11714), {@code business-registration-number}
 * 15. Any other format ending in {@code -code} or {@code -number} is a code without a known
 * length.
 */
final class CodeFormats {

    private static final Map<String, Integer> MIN_LENGTHS = Map.of(
            "uscc", 18,
            "citizen-id", 15,
            "division-code", 6,
            "organization-code", 9,
            "business-registration-number", 15);

    private CodeFormats() {
    }

    static boolean isCode(String format) {
        return format != null
                && (MIN_LENGTHS.containsKey(format) || format.endsWith("-code") || format.endsWith("-number"));
    }

    /** Returns the shortest valid length of the format's codes, or 0 if unknown. */
    static int minLength(String format) {
        return format == null ? 0 : MIN_LENGTHS.getOrDefault(format, 0);
    }
}
