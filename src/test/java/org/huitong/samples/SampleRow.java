package org.huitong.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a sample file and what the hub must do with it.
 *
 * @param cells the values in header order: {@link String} (written as text),
 *     {@link java.time.LocalDate} (a date cell in XLSX, {@code yyyy-MM-dd} in CSV),
 *     {@link Number} (a numeric cell in XLSX) or {@code null} (empty); values beyond the
 *     header are written after the last column
 * @param jsonLine the whole line of a JSON Lines file, written as is; {@code null} elsewhere
 * @param violations the (code, field) pairs the record must carry; empty for a valid record
 * @param businessKey the key the hub derives for a valid record, {@code null} for a faulty one
 * @param note what is special about the row, for the README tables; {@code null} for a plain row
 * @param knownIssue a mapper or validator bug that makes a valid row fail; its
 *     {@code violations} are then the faults the hub wrongly reports
 */
public record SampleRow(List<Object> cells, String jsonLine, List<ExpectedViolation> violations,
                        String businessKey, Note note, String knownIssue) {

    public SampleRow {
        cells = cells == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        violations = List.copyOf(violations);
    }

    /** Creates a plain valid row. */
    public static SampleRow valid(String businessKey, List<Object> cells) {
        return new SampleRow(cells, null, List.of(), businessKey, null, null);
    }

    /** Creates a valid row that looks wrong but is fine after normalisation. */
    public static SampleRow trap(Note note, String businessKey, List<Object> cells) {
        return new SampleRow(cells, null, List.of(), businessKey, note, null);
    }

    /** Creates a row with a deliberate fault. */
    public static SampleRow faulty(Note note, List<ExpectedViolation> violations, List<Object> cells) {
        return new SampleRow(cells, null, violations, null, note, null);
    }

    /** Returns this row as a JSON Lines row with the given line text. */
    public SampleRow asJsonLine(String line) {
        return new SampleRow(List.of(), line, violations, businessKey, note, knownIssue);
    }

    /** Returns this valid row marked as failing because of a bug, with the faults the bug causes. */
    public SampleRow failingBecauseOf(String issue, List<ExpectedViolation> reported) {
        return new SampleRow(cells, jsonLine, reported, null, note, issue);
    }

    /** Returns whether the current code must quarantine the record. */
    public boolean quarantined() {
        return !violations.isEmpty();
    }

    /** Returns the number of line breaks inside the row's text values. */
    long lineBreaksInValues() {
        long breaks = 0;
        for (Object cell : cells) {
            if (cell instanceof String text) {
                breaks += text.chars().filter(c -> c == '\n').count();
            }
        }
        return breaks;
    }

    /** A violation the hub must report: its stable code and the schema field, or null for none. */
    public record ExpectedViolation(String code, String field) {

        public static ExpectedViolation of(String code, String field) {
            return new ExpectedViolation(code, field);
        }
    }

    /** A short description of a row's fault or trap, in English and Chinese. */
    public record Note(String en, String zh) {
    }
}
