package org.huitong.pipeline.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;

/**
 * One logical record read from a source file, with its lineage.
 *
 * @param number 1-based position among the file's records (a header row is not a record)
 * @param firstLine first physical line (CSV, JSON) or row (spreadsheet) of the record, 1-based
 * @param lastLine last physical line or row; greater than {@code firstLine} when a quoted CSV
 *     field contains line breaks
 * @param values values by source column, in file order; a column the record lacks is absent
 * @param violations faults found while reading (for example extra values beyond the header);
 *     a record with any is quarantined
 */
public record SourceRecord(long number, long firstLine, long lastLine,
                           Map<String, SourceValue> values, List<Violation> violations) {

    public SourceRecord {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        violations = List.copyOf(violations);
    }

    /** Returns the raw values as display text, as a quarantined record keeps them. */
    public Map<String, String> displayValues() {
        Map<String, String> display = new LinkedHashMap<>();
        values.forEach((column, value) -> display.put(column, value == null ? null : value.display()));
        return display;
    }
}
