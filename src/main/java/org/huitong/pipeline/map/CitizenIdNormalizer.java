package org.huitong.pipeline.map;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises citizen identity numbers (GB 11643-1999) as they arrive from departments.
 *
 * <p>A lower-case check character {@code x} becomes {@code X}. A 15-digit first-generation
 * number becomes an 18-character one: {@code 19} is inserted before its two-digit birth year
 * (such numbers were issued only for births in the 1900s) and the ISO 7064 MOD 11-2 check
 * character is appended. Other values are only upper-cased; checking them is the
 * validator's job.
 */
public final class CitizenIdNormalizer {

    private static final Pattern FIRST_GENERATION = Pattern.compile("\\d{15}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private CitizenIdNormalizer() {
    }

    /** Returns the normalised form of an already NFKC-normalised and trimmed number. */
    public static String normalize(String number) {
        String upper = number.toUpperCase(Locale.ROOT);
        if (!FIRST_GENERATION.matcher(upper).matches()) {
            return upper;
        }

        String first17 = upper.substring(0, 6) + "19" + upper.substring(6);
        return first17 + checkCharacter(first17);
    }

    /** Computes the MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += Character.digit(first17.charAt(i), 10) * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
