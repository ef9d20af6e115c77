package org.huitong.pipeline.map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.read.SourceRecord;

/**
 * A source record mapped onto a record type's fields.
 *
 * @param source the record as read, kept for lineage and quarantine
 * @param data the normalised record: only fields that had a non-blank value, with JSON types
 *     from the schema (exact decimals as {@code DecimalNode})
 * @param columnByField the source column each field came from, for naming it in violations
 * @param violations mapping faults (for example an impossible date); a record with any is
 *     quarantined without schema validation of the faulty fields
 */
public record MappedRecord(SourceRecord source, ObjectNode data, Map<String, String> columnByField,
                           List<Violation> violations) {
}
