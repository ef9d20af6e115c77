package org.huitong.pipeline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.i18n.LocalizedText;
import org.huitong.pipeline.Violation;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.HubFormats;
import org.huitong.schema.RecordTypeSpec;

/**
 * Turns a networknt validation error into a {@link Violation} with a stable code and a message
 * that names the source column. Values of personal fields ({@code x-personal}) are hidden, and
 * a failed identifier format gives the specific reason without the value.
 */
final class SchemaErrorTranslator {

    private final ViolationMessages messages;

    SchemaErrorTranslator(ViolationMessages messages) {
        this.messages = messages;
    }

    Violation translate(Error error, RecordTypeSpec spec, Map<String, String> columnByField) {
        String field = fieldOf(error);
        Optional<FieldSpec> fieldSpec = field == null ? Optional.empty() : spec.field(field);
        String column = field == null || columnByField == null ? null : columnByField.get(field);
        Object where = where(field, fieldSpec, column);
        Object value = shownValue(error.getInstanceNode(), fieldSpec);

        return switch (error.getKeyword()) {
            case "required" -> messages.create(ValidationCodes.SCHEMA_REQUIRED, field, column, where);
            case "dependentRequired" -> messages.create(ValidationCodes.SCHEMA_DEPENDENT_REQUIRED, field, column, where,
                    requiringField(error, spec, columnByField));
            case "type" -> messages.create(ValidationCodes.SCHEMA_TYPE, field, column, where, typeName(error));
            case "enum", "const" -> messages.create(ValidationCodes.SCHEMA_ENUM, field, column, where, value,
                    allowedValues(error.getSchemaNode()));
            case "pattern" -> messages.create(ValidationCodes.SCHEMA_PATTERN, field, column, where, value);
            case "maxLength" -> messages.create(ValidationCodes.SCHEMA_MAX_LENGTH, field, column, where,
                    error.getSchemaNode().asText(), codePoints(error.getInstanceNode()));
            case "minLength" -> messages.create(ValidationCodes.SCHEMA_MIN_LENGTH, field, column, where);
            case "minimum", "exclusiveMinimum" -> messages.create(ValidationCodes.SCHEMA_MINIMUM, field, column, where,
                    value, plain(error.getSchemaNode()));
            case "maximum", "exclusiveMaximum" -> messages.create(ValidationCodes.SCHEMA_MAXIMUM, field, column, where,
                    value, plain(error.getSchemaNode()));
            case "multipleOf" -> messages.create(ValidationCodes.SCHEMA_DECIMAL_PLACES, field, column, where, value,
                    String.valueOf(Math.max(0, error.getSchemaNode().decimalValue().stripTrailingZeros().scale())));
            case "minItems" -> messages.create(ValidationCodes.SCHEMA_MIN_ITEMS, field, column, where);
            case "uniqueItems" -> messages.create(ValidationCodes.SCHEMA_DUPLICATE_ITEMS, field, column, where);
            case "additionalProperties", "unevaluatedProperties" ->
                    messages.create(ValidationCodes.SCHEMA_UNKNOWN_FIELD, field, column, where);
            case "format" -> formatViolation(error, field, column, where);
            default -> messages.create(ValidationCodes.SCHEMA_INVALID, field, column, where, error.getKeyword());
        };
    }

    private Violation formatViolation(Error error, String field, String column, Object where) {
        String format = error.getSchemaNode().asText();
        String text = error.getInstanceNode() == null ? null : error.getInstanceNode().asText();

        // Re-run the identifier check to name the specific fault, such as a wrong check character.
        Optional<String> identifierCode = HubFormats.identifierProblem(format, text).map(problem -> problem.code());
        if (identifierCode.isPresent()) {
            return messages.create(identifierCode.get(), field, column, where);
        }
        String code = switch (format) {
            case "date" -> ValidationCodes.FORMAT_DATE;
            case "date-time" -> ValidationCodes.FORMAT_DATE_TIME;
            case HubFormats.PHONE -> ValidationCodes.FORMAT_PHONE;
            default -> ValidationCodes.FORMAT_INVALID;
        };
        return messages.create(code, field, column, where, format);
    }

    /** Returns the top-level property an error concerns, or {@code null} for the whole record. */
    private static String fieldOf(Error error) {
        Object[] arguments = error.getArguments();
        if ("dependentRequired".equals(error.getKeyword()) && arguments != null && arguments.length > 0) {
            // networknt 2.0.8 passes [missing property, property that requires it].
            return String.valueOf(arguments[0]);
        }
        if (error.getProperty() != null) {
            return error.getProperty();
        }
        if (error.getInstanceLocation() != null && error.getInstanceLocation().getNameCount() > 0) {
            return error.getInstanceLocation().getName(0);
        }
        return null;
    }

    private Object where(String field, Optional<FieldSpec> fieldSpec, String column) {
        if (column != null) {
            return column;
        }
        if (field == null) {
            return messages.text("label.record");
        }
        String title = fieldSpec.map(FieldSpec::title).orElse(null);
        return title == null ? field : title + " (" + field + ")";
    }

    /** Returns the instance value for a message, or a "hidden" text for personal fields. */
    private Object shownValue(JsonNode instance, Optional<FieldSpec> fieldSpec) {
        if (fieldSpec.map(FieldSpec::personal).isPresent()) {
            return messages.text("label.hidden");
        }
        if (instance == null) {
            return "";
        }
        return instance.isNumber() ? instance.decimalValue().toPlainString() : instance.asText();
    }

    /** Returns where the field is whose presence makes the missing one required. */
    private Object requiringField(Error error, RecordTypeSpec spec, Map<String, String> columnByField) {
        String requiring = error.getProperty();
        String column = columnByField == null || requiring == null ? null : columnByField.get(requiring);
        return where(requiring, requiring == null ? Optional.empty() : spec.field(requiring), column);
    }

    private LocalizedText typeName(Error error) {
        Object[] arguments = error.getArguments();
        String expected = arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : "other";
        return switch (expected) {
            case "string", "number", "integer", "array", "boolean", "object" -> messages.text("jsontype." + expected);
            default -> messages.text("jsontype.other");
        };
    }

    private static LocalizedText allowedValues(JsonNode schemaNode) {
        List<String> values = new ArrayList<>();
        if (schemaNode.isArray()) {
            schemaNode.forEach(value -> values.add(value.asText()));
        } else {
            values.add(schemaNode.asText());
        }
        return new LocalizedText(String.join("、", values), String.join(", ", values));
    }

    private static String plain(JsonNode number) {
        return number.isNumber() ? number.decimalValue().stripTrailingZeros().toPlainString() : number.asText();
    }

    private static String codePoints(JsonNode instance) {
        String text = instance == null ? "" : instance.asText();
        return String.valueOf(text.codePointCount(0, text.length()));
    }
}
