package org.huitong.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.MappedRecord;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.schema.RecordTypeSpec;

/**
 * Maps and validates the records of one file, one at a time, collecting every violation found
 * by reading, mapping and validation.
 */
public final class RecordChecker {

    private final RecordTypeSpec spec;
    private final RecordMapper mapper;
    private HeaderBinding binding;
    private final RecordValidator validator;

    /**
     * @param binding the binding of the file's header, already checked to be usable
     */
    public RecordChecker(RecordTypeSpec spec, RecordMapper mapper, HeaderBinding binding,
                         RecordValidator validator) {
        this.spec = spec;
        this.mapper = mapper;
        this.binding = binding;
        this.validator = validator;
    }

    /**
     * The outcome of one record.
     *
     * @param data the mapped record, or {@code null} when reading already failed for it
     * @param violations every fault; empty when the record is valid
     */
    public record Result(SourceRecord source, ObjectNode data, List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Result check(SourceRecord record) {
        List<Violation> violations = new ArrayList<>(record.violations());
        if (unreadable(record)) {
            return new Result(record, null, violations);
        }
        MappedRecord mapped = mapper.map(record, bindingFor(record));
        violations.addAll(mapped.violations());
        violations.addAll(schemaViolations(mapped));
        return new Result(record, mapped.data(), violations);
    }

    /**
     * Tells whether reading already failed for the whole record, as for a malformed JSON line.
     * Such a record has read violations and no field values, so mapping and validation would
     * only add a "required" fault for every field.
     */
    private boolean unreadable(SourceRecord record) {
        return !record.violations().isEmpty()
                && record.values().keySet().stream().noneMatch(binding.fieldByColumn()::containsKey);
    }

    /**
     * Returns the binding for this record. A JSON record may carry keys that earlier records
     * lacked. The binding then grows to take them in, so an optional field first seen in a
     * later record is still mapped.
     */
    private HeaderBinding bindingFor(SourceRecord record) {
        if (binding.unmappedColumns().containsAll(unboundColumns(record))) {
            return binding;
        }
        List<String> columns = new ArrayList<>(binding.fieldByColumn().keySet());
        columns.addAll(binding.unmappedColumns());
        unboundColumns(record).forEach(columns::add);
        HeaderBinding wider = mapper.bind(columns);
        if (wider.isUsable()) {
            binding = wider;
        }
        return binding;
    }

    private List<String> unboundColumns(SourceRecord record) {
        return record.values().keySet().stream()
                .filter(column -> !binding.fieldByColumn().containsKey(column))
                .toList();
    }

    /**
     * Schema violations, leaving out those about a field that mapping already rejected: a
     * field whose date could not be parsed is absent from the data, and "required" would only
     * repeat the same fault.
     */
    private List<Violation> schemaViolations(MappedRecord mapped) {
        Set<String> rejectedFields = new HashSet<>();
        mapped.violations().forEach(v -> rejectedFields.add(v.field()));
        return validator.validate(spec, mapped.data(), mapped.columnByField()).stream()
                .filter(v -> v.field() == null || !rejectedFields.contains(v.field()))
                .toList();
    }
}
