package org.huitong.pipeline.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One cell or field as the source delivered it, before mapping. CSV gives only {@link Text};
 * spreadsheets and JSON keep their own types so that the mapper can tell a date cell from text
 * and detect identifiers that a spreadsheet stored as numbers.
 */
public sealed interface SourceValue {

    /** The value as a person would read it in the source, kept as the quarantine's raw value. */
    String display();

    /** Text exactly as read, not yet normalised. */
    record Text(String value) implements SourceValue {
        public String display() {
            return value;
        }
    }

    /**
     * A numeric spreadsheet cell or JSON number.
     *
     * @param value the number (a spreadsheet cell holds an IEEE double, so at most 15
     *     significant digits survive)
     * @param displayed the text the spreadsheet shows for the cell under its number format
     *     (for example {@code 6.2E+17}), or the JSON literal
     * @param fromSpreadsheet whether the value passed through a spreadsheet's double
     * @param date1904 whether the workbook counts date serial numbers from 1904-01-01 (the
     *     1904 date system of old Mac Excel) instead of from 1900; false outside spreadsheets
     */
    record Number(BigDecimal value, String displayed, boolean fromSpreadsheet, boolean date1904)
            implements SourceValue {

        /** A number from a source that uses the 1900 date system or has no dates at all. */
        public Number(BigDecimal value, String displayed, boolean fromSpreadsheet) {
            this(value, displayed, fromSpreadsheet, false);
        }

        public String display() {
            return displayed;
        }
    }

    /**
     * A spreadsheet date cell, already converted with the workbook's date system (1900 or 1904).
     *
     * @param hasTime whether the cell's number format shows a time of day
     */
    record DateTime(LocalDateTime value, boolean hasTime) implements SourceValue {
        public String display() {
            return hasTime ? value.toString() : value.toLocalDate().toString();
        }
    }

    /** A boolean spreadsheet cell or JSON boolean. */
    record Bool(boolean value) implements SourceValue {
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** A JSON array of scalars, for multi-valued fields such as penalty categories. */
    record Items(List<SourceValue> values) implements SourceValue {
        public String display() {
            return String.join("；", values.stream().map(SourceValue::display).toList());
        }
    }
}
