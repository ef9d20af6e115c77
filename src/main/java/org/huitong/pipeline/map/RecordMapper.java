package org.huitong.pipeline.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.i18n.Messages;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.read.SourceValue;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps source records onto the fields of one record type.
 *
 * <p>{@link #bind(List)} decides once per file which column feeds which field (see
 * {@link HeaderMatcher}); {@link #map(SourceRecord, HeaderBinding)} then converts each
 * record's values with {@link FieldConverter}. Every conversion fault becomes a violation
 * naming the field and the source column; the other fields of the record are still mapped.
 */
public final class RecordMapper {

    private static final Logger LOG = LoggerFactory.getLogger(RecordMapper.class);
    private static final Messages MESSAGES = Messages.load("i18n/mapping");

    /** Document type code of the resident identity card in the shared schemas' {@code idType}. */
    private static final String CITIZEN_ID_CARD = "01";

    private final RecordTypeSpec spec;
    private final HeaderMatcher matcher;

    /** Creates a mapper that binds columns by the fields' titles, codes, names and aliases. */
    public RecordMapper(RecordTypeSpec spec) {
        this(spec, Map.of());
    }

    /**
     * Creates a mapper with a connector's explicit mapping, which takes precedence.
     *
     * @param explicitMapping field name by source column
     * @throws IllegalArgumentException if the mapping names a field the record type lacks
     */
    public RecordMapper(RecordTypeSpec spec, Map<String, String> explicitMapping) {
        this.spec = spec;
        this.matcher = new HeaderMatcher(spec, explicitMapping, MESSAGES);
    }

    /** Binds the columns of a file's header; see {@link HeaderMatcher} for the rules. */
    public HeaderBinding bind(List<String> headers) {
        HeaderBinding binding = matcher.bind(headers);
        LOG.debug("Bound {} of {} columns to {}; {} binding faults", binding.fieldByColumn().size(),
                headers.size(), spec.type(), binding.violations().size());
        return binding;
    }

    /**
     * Maps one record. Columns of the record that the binding does not know, for example a
     * key that first appears in a later JSON record, are ignored.
     */
    public MappedRecord map(SourceRecord record, HeaderBinding binding) {
        ObjectNode data = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        Map<String, String> columnByField = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, String> columnOfField = invert(binding.fieldByColumn());

        for (FieldSpec field : spec.fields()) {
            String column = columnOfField.get(field.name());
            if (column == null) {
                continue;
            }
            columnByField.put(field.name(), column);

            SourceValue value = record.values().get(column);
            if (value == null) {
                continue;
            }
            try {
                JsonNode converted = FieldConverter.convert(field, value);
                if (converted != null) {
                    data.set(field.name(), converted);
                }
            } catch (ValueRejectedException e) {
                violations.add(toViolation(e, field, column, value));
            }
        }

        upgradeCitizenIds(data);
        if (!violations.isEmpty()) {
            LOG.debug("Record {} of {} has {} mapping faults", record.number(), spec.type(), violations.size());
        }
        return new MappedRecord(record, data, columnByField, violations);
    }

    /**
     * Turns a 15-digit identity document number into its 18-character form where the record's
     * document type is the citizen ID card. The converter cannot do it, because it converts
     * one value at a time, and a passport number must stay as it is.
     */
    private void upgradeCitizenIds(ObjectNode data) {
        for (FieldSpec field : spec.fields()) {
            if (field.documentTypeField() == null || !data.path(field.name()).isTextual()) {
                continue;
            }
            if (CITIZEN_ID_CARD.equals(data.path(field.documentTypeField()).asText(null))) {
                data.put(field.name(), CitizenIdNormalizer.normalize(data.get(field.name()).asText()));
            }
        }
    }

    private static Map<String, String> invert(Map<String, String> fieldByColumn) {
        Map<String, String> columnOfField = new LinkedHashMap<>();
        fieldByColumn.forEach((column, field) -> columnOfField.put(field, column));
        return columnOfField;
    }

    private static Violation toViolation(ValueRejectedException e, FieldSpec field, String column, SourceValue value) {
        List<Object> args = new ArrayList<>();
        args.add(column);
        args.add(HeaderMatcher.label(field));
        args.add(value.display());
        e.details().forEach(detail -> args.add(String.valueOf(detail)));
        return Violation.of(MESSAGES, e.code(), field.name(), column, args.toArray());
    }
}
