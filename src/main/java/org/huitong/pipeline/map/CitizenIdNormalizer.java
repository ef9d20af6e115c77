package org.huitong.pipeline.map;

import org.huitong.identifiers.CitizenId;

/**
 * Normalises citizen identity numbers (GB 11643-1999) as they arrive from departments: a
 * lower-case check character {@code x} becomes {@code X}, and a 15-digit first-generation
 * number becomes its 18-character form. Checking the result is the validator's job.
 */
public final class CitizenIdNormalizer {

    private CitizenIdNormalizer() {
    }

    /** Returns the normalised form of an already NFKC-normalised and trimmed number. */
    public static String normalize(String number) {
        return CitizenId.canonicalForm(number);
    }
}
