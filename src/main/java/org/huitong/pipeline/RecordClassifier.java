package org.huitong.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.MappedRecord;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.quarantine.QuarantinedRecord;

/**
 * Maps and validates one source record and puts it in the chunk, as valid or quarantined with
 * every violation found by reading, mapping and validation.
 */
final class RecordClassifier {

    private final BatchContext batch;
    private final RecordMapper mapper;
    private final HeaderBinding binding;
    private final RecordValidator validator;

    RecordClassifier(BatchContext batch, RecordMapper mapper, HeaderBinding binding,
                     RecordValidator validator) {
        this.batch = batch;
        this.mapper = mapper;
        this.binding = binding;
        this.validator = validator;
    }

    void classify(SourceRecord record, Chunk chunk) {
        MappedRecord mapped = mapper.map(record, binding);
        List<Violation> violations = new ArrayList<>(record.violations());
        violations.addAll(mapped.violations());
        violations.addAll(schemaViolations(mapped));

        if (violations.isEmpty()) {
            chunk.addValid(new Chunk.Valid(record, mapped.data(),
                    RecordContent.businessKey(mapped.data(), batch.spec().keyFields()),
                    RecordContent.contentHash(mapped.data())));
        } else {
            chunk.addQuarantined(new QuarantinedRecord(0, batch.batchId(), batch.connectorId(),
                    batch.spec().type(), batch.sourceFile(), record.number(), record.firstLine(),
                    record.lastLine(), record.displayValues(), violations, Instant.now()));
        }
    }

    /**
     * Schema violations, leaving out those about a field that mapping already rejected: a
     * field whose date could not be parsed is absent from the data, and "required" would only
     * repeat the same fault.
     */
    private List<Violation> schemaViolations(MappedRecord mapped) {
        Set<String> rejectedFields = new HashSet<>();
        mapped.violations().forEach(v -> rejectedFields.add(v.field()));
        return validator.validate(batch.spec(), mapped.data(), mapped.columnByField()).stream()
                .filter(v -> v.field() == null || !rejectedFields.contains(v.field()))
                .toList();
    }
}
