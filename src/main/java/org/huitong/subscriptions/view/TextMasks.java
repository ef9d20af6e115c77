package org.huitong.subscriptions.view;

import java.util.regex.Pattern;

/**
 * The masking rules for personal text values, following common Chinese data-masking (脱敏)
 * practice. Every rule counts Unicode code points, not UTF-16 chars, so a name with a
 * supplementary character (for example 𠮷) is masked like any other. A name, citizen ID, phone or
 * bank card number too short to keep its prefix and suffix with something hidden between them is
 * starred entirely.
 */
final class TextMasks {

    /** The text that replaces a value that cannot be masked by its rule. */
    static final String WHOLE_VALUE = "***";

    /** The text that replaces the street-level part of an address. */
    static final String ADDRESS_REST = "****";

    private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int ADDRESS_PREFIX_WITHOUT_MARKER = 6;

    private TextMasks() {
    }

    /**
     * Masks a name: keeps the first character and replaces each other one with {@code *}, so
     * 张三丰 becomes 张**. A one-character name becomes {@code *}, because keeping its first
     * character would keep all of it.
     */
    static String name(String value) {
        int length = codePointCount(value);
        if (length <= 1) {
            return stars(length);
        }
        return keep(value, 1, 0);
    }

    /**
     * Masks a citizen ID: keeps the first 6 characters (the registering division) and the last 4,
     * and replaces the birth date and sequence between them with {@code *}. An 18-character ID
     * gets 8 stars, an old 15-character ID 5. A value of 10 characters or fewer is starred
     * entirely.
     */
    static String citizenId(String value) {
        return keepOrStar(value, 6, 4);
    }

    /**
     * Masks a phone number. An 11-digit mainland mobile number keeps its first 3 and last 4
     * digits (138****5678), and any other number keeps only its last 4 characters. A value of 4
     * characters or fewer is starred entirely.
     */
    static String phone(String value) {
        if (MOBILE.matcher(value).matches()) {
            return keep(value, 3, 4);
        }
        return keepOrStar(value, 0, 4);
    }

    /** Masks a bank card number: keeps the first 4 and last 4 digits. */
    static String bankCard(String value) {
        return keepOrStar(value, 4, 4);
    }

    /**
     * Masks a birth date: keeps the year, so 1950-03-04 becomes 1950-**-**. A value that does not
     * start with a 4-digit year is replaced whole.
     */
    static String birthDate(String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.length() < 4 || !YEAR.matcher(value.substring(0, 4)).matches()) {
            return WHOLE_VALUE;
        }
        return value.substring(0, 4) + "-**-**";
    }

    /**
     * Masks an address down to its county-level division, see {@link AddressPrefix}. The rest,
     * whatever its length, becomes {@code ****}.
     */
    static String address(String value) {
        if (value.isEmpty()) {
            return value;
        }
        int kept = AddressPrefix.countyLevelEnd(value);
        if (kept < 0) {
            int length = codePointCount(value);
            int prefix = Math.min(ADDRESS_PREFIX_WITHOUT_MARKER, length / 2);
            kept = value.offsetByCodePoints(0, prefix);
        }
        return value.substring(0, kept) + ADDRESS_REST;
    }

    /** Keeps the first and last characters and stars the rest; stars all if nothing would be hidden. */
    private static String keepOrStar(String value, int head, int tail) {
        int length = codePointCount(value);
        if (length <= head + tail) {
            return stars(length);
        }
        return keep(value, head, tail);
    }

    private static String keep(String value, int head, int tail) {
        int length = codePointCount(value);
        int headEnd = value.offsetByCodePoints(0, head);
        int tailStart = value.offsetByCodePoints(0, length - tail);
        return value.substring(0, headEnd) + stars(length - head - tail) + value.substring(tailStart);
    }

    private static int codePointCount(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String stars(int count) {
        return "*".repeat(count);
    }
}
