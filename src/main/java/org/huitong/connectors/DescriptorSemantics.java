package org.huitong.connectors;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.huitong.schema.UnknownRecordTypeException;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Checks what a schema cannot express about a descriptor. The target record type must exist and
 * have every mapped field, the schedule must suit the template, durations must parse, and the id
 * must not be one of the API's reserved words.
 */
@Component
public class DescriptorSemantics {

    /** Path segments under {@code /api/connectors/} that cannot be connector ids. */
    static final Set<String> RESERVED_IDS = Set.of("validate", "test", "schema", "templates");

    /**
     * Shortest expected delivery interval. Real deliveries come hours or days apart; the floor
     * only rejects zero and negative durations.
     */
    static final Duration MIN_EXPECTED_INTERVAL = Duration.ofSeconds(1);

    /** Shortest polling interval. */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

    private final SchemaRegistry schemas;
    private final SourceTemplates templates;
    private final SourceSupports supports;

    public DescriptorSemantics(SchemaRegistry schemas, SourceTemplates templates, SourceSupports supports) {
        this.schemas = schemas;
        this.templates = templates;
        this.supports = supports;
    }

    /**
     * Checks a descriptor that may still have schema errors; a part that is missing is skipped,
     * because the schema check already reports it.
     */
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        List<DescriptorError> errors = new ArrayList<>();
        if (descriptor.id() != null && RESERVED_IDS.contains(descriptor.id())) {
            errors.add(new DescriptorError("id", "reserved", descriptor.id(), String.join(", ", RESERVED_IDS)));
        }
        if (descriptor.target() != null && descriptor.target().recordType() != null
                && descriptor.target().version() != null) {
            errors.addAll(targetErrors(descriptor));
        }
        SourceTemplate template = descriptor.source() == null ? null
                : templates.find(descriptor.source().template()).orElse(null);
        if (template != null) {
            supports.find(template.name()).ifPresent(support -> errors.addAll(support.check(descriptor)));
            errors.addAll(scheduleErrors(descriptor, template));
        }
        if (descriptor.expectedInterval() != null && descriptor.expectedInterval().startsWith("P")) {
            Duration interval = parse(descriptor.expectedInterval());
            if (interval == null || interval.compareTo(MIN_EXPECTED_INTERVAL) < 0) {
                errors.add(new DescriptorError("expectedInterval", "duration-too-short",
                        descriptor.expectedInterval(), MIN_EXPECTED_INTERVAL.toString()));
            }
        }
        return errors;
    }

    private List<DescriptorError> targetErrors(ConnectorDescriptor descriptor) {
        String type = descriptor.target().recordType();
        String version = descriptor.target().version();
        RecordTypeSpec spec;
        try {
            spec = schemas.spec(type, version);
        } catch (UnknownRecordTypeException e) {
            return List.of(new DescriptorError("target", "schema-unknown", type, version));
        }
        List<DescriptorError> errors = new ArrayList<>();
        Map<String, String> columnByField = new HashMap<>();
        descriptor.mapping().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String column = entry.getKey();
            String field = entry.getValue();
            if (spec.field(field).isEmpty()) {
                errors.add(new DescriptorError("mapping." + column, "field-unknown", type, field));
            } else if (columnByField.containsKey(field)) {
                errors.add(new DescriptorError("mapping." + column, "field-mapped-twice", field,
                        columnByField.get(field)));
            } else {
                columnByField.put(field, column);
            }
        });
        return errors;
    }

    private static List<DescriptorError> scheduleErrors(ConnectorDescriptor descriptor, SourceTemplate template) {
        ConnectorDescriptor.Schedule schedule = descriptor.schedule();
        if (!template.polling()) {
            return schedule == null ? List.of()
                    : List.of(new DescriptorError("schedule", "schedule-not-polling", template.name()));
        }
        if (schedule == null) {
            return List.of(new DescriptorError("schedule", "schedule-required", template.name()));
        }
        if (schedule.interval() != null) {
            Duration interval = parse(schedule.interval());
            if (interval == null || interval.compareTo(MIN_POLL_INTERVAL) < 0) {
                return List.of(new DescriptorError("schedule.interval", "duration-too-short",
                        schedule.interval(), MIN_POLL_INTERVAL.toString()));
            }
        }
        if (schedule.cron() != null && !CronExpression.isValidExpression(schedule.cron())) {
            return List.of(new DescriptorError("schedule.cron", "cron", schedule.cron()));
        }
        return List.of();
    }

    private static Duration parse(String duration) {
        try {
            return Duration.parse(duration);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
