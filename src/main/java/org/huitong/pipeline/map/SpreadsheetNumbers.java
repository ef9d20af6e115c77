package org.huitong.pipeline.map;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.huitong.pipeline.read.SourceValue;

/**
 * Turns a number that arrived in a text field back into text, or detects that a spreadsheet
 * has already damaged it.
 *
 * <p>Excel keeps 15 significant digits and shows long numbers in exponent notation, so an
 * 18-digit identifier typed into a General cell becomes {@code 6.20102E+17} or loses its last
 * digits, and a code such as {@code 010010} loses its leading zeros. Such values are rejected
 * with {@code MAP_SPREADSHEET_PRECISION_LOST}, because the true value cannot be recovered.
 * A whole number that is safe (for example an 11-digit phone number) becomes its plain digits.
 */
final class SpreadsheetNumbers {

    /** Maximum significant digits that survive a spreadsheet's IEEE double and its display. */
    static final int SPREADSHEET_DIGITS = 15;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private SpreadsheetNumbers() {
    }

    /**
     * Returns the text of {@code number} for a string field of the given {@code format}.
     *
     * @throws ValueRejectedException with {@code MAP_SPREADSHEET_PRECISION_LOST}
     */
    static String toText(SourceValue.Number number, String format) throws ValueRejectedException {
        String displayed = TextNormalizer.normalize(number.displayed());
        if (displayed.contains("E") || displayed.contains("e")) {
            throw new ValueRejectedException("MAP_SPREADSHEET_PRECISION_LOST");
        }

        BigDecimal value = number.value().stripTrailingZeros();
        int integerDigits = Math.max(value.precision() - value.scale(), 0);
        if (number.fromSpreadsheet() && integerDigits > SPREADSHEET_DIGITS) {
            throw new ValueRejectedException("MAP_SPREADSHEET_PRECISION_LOST");
        }

        String text = sameNumber(displayed, value) ? displayed : plain(value);
        if (CodeFormats.isCode(format) && text.length() < CodeFormats.minLength(format)) {
            throw new ValueRejectedException("MAP_SPREADSHEET_PRECISION_LOST");
        }
        return text;
    }

    /**
     * Returns whether the displayed text is plain digits of the same value, as with a cell
     * formatted {@code 000000} that shows its leading zeros. The caller then keeps that text.
     */
    private static boolean sameNumber(String displayed, BigDecimal value) {
        return DIGITS.matcher(displayed).matches() && new BigDecimal(displayed).compareTo(value) == 0;
    }

    private static String plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
