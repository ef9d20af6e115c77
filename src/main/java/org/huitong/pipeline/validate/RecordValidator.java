package org.huitong.pipeline.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huitong.pipeline.Violation;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates a mapped record against its record type's JSON Schema (format assertion on), then
 * against the {@link RecordRules} of that type. Validation that cannot run fails the record
 * with {@link ValidationCodes#VALIDATION_UNAVAILABLE} and never passes it.
 */
@Component
public class RecordValidator {

    private static final Logger log = LoggerFactory.getLogger(RecordValidator.class);

    private final SchemaRegistry registry;
    private final Map<String, List<RecordRules>> rulesByType;
    private final ViolationMessages messages;
    private final SchemaErrorTranslator translator;

    @Autowired
    public RecordValidator(SchemaRegistry registry, List<RecordRules> rules) {
        this(registry, rules, ViolationMessages.standard());
    }

    public RecordValidator(SchemaRegistry registry, List<RecordRules> rules, ViolationMessages messages) {
        this.registry = registry;
        this.rulesByType = rules.stream().collect(Collectors.groupingBy(RecordRules::recordType));
        this.messages = messages;
        this.translator = new SchemaErrorTranslator(messages);
    }

    /**
     * Validates {@code data} in place: rules may fill in derived fields that are absent.
     *
     * @param columnByField the source column of each field, used to name it in messages
     * @return the violations, empty if the record is valid
     */
    public List<Violation> validate(RecordTypeSpec spec, ObjectNode data, Map<String, String> columnByField) {
        List<Violation> violations = new ArrayList<>();
        try {
            violations.addAll(schemaViolations(spec, data, columnByField));
            for (RecordRules rules : rulesByType.getOrDefault(spec.type(), List.of())) {
                rules.apply(data, columnByField, violations);
            }
        } catch (RuntimeException e) {
            log.warn("Validation of a {} record (schema version {}) could not run, so the record is rejected",
                    spec.type(), spec.version(), e);
            violations.add(messages.create(ValidationCodes.VALIDATION_UNAVAILABLE, null, null,
                    spec.type() + ":" + spec.version()));
        }

        log.debug("Validated a {} record: {} violations", spec.type(), violations.size());
        return violations;
    }

    private List<Violation> schemaViolations(RecordTypeSpec spec, ObjectNode data, Map<String, String> columnByField) {
        Schema schema = registry.schema(spec.type(), spec.version());
        List<Error> errors = schema.validate(data);

        // An if/then branch can report the same fault as the main schema; report it once.
        LinkedHashSet<Violation> violations = new LinkedHashSet<>();
        for (Error error : errors) {
            violations.add(translator.translate(error, spec, columnByField));
        }
        return List.copyOf(violations);
    }
}
