package org.huitong.pipeline.map;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Parses decimal numbers written as text into exact {@link BigDecimal}s.
 *
 * <p>Accepted after NFKC normalisation (so full-width digits work): an optional sign, digits,
 * and an optional fraction, with or without comma thousands separators in groups of three
 * ({@code 1234.50}, {@code 1,234.50}, {@code -0.2}). Anything else, including units such as
 * {@code 元} and exponents, is rejected, because guessing could store a wrong amount.
 */
public final class NumberParser {

    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private NumberParser() {
    }

    /** Parses normalised text; the scale of the result keeps trailing zeros ({@code 1.50}). */
    public static BigDecimal parse(String text) throws ValueRejectedException {
        if (PLAIN.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (GROUPED.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        throw new ValueRejectedException("MAP_NOT_A_NUMBER");
    }
}
