package org.huitong.pipeline.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huitong.pipeline.read.SourceValue;
import org.huitong.schema.FieldSpec;

/**
 * Converts one source value to the JSON value of a field, by the field's {@code type} and
 * {@code format}.
 *
 * <ul>
 *   <li>{@code string}: NFKC-normalised text; a legacy value becomes its current value;
 *       {@code date} and {@code date-time} through {@link DateParser}; {@code citizen-id}
 *       through {@link CitizenIdNormalizer}; other code formats upper-cased. A number
 *       becomes text through {@link SpreadsheetNumbers}.</li>
 *   <li>{@code number}: an exact {@link DecimalNode}; text through {@link NumberParser}.</li>
 *   <li>{@code integer}: as {@code number}, and the value must be whole.</li>
 *   <li>{@code boolean}: through {@link BooleanParser}, or a spreadsheet or JSON boolean.</li>
 *   <li>{@code array}: an array of strings; text is split by {@link ListSplitter}, and each
 *       item is converted like a {@code string} with the field's format.</li>
 * </ul>
 * Blank values are absent: the converter returns {@code null}.
 */
final class FieldConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private FieldConverter() {
    }

    /** Returns the field's JSON value, or {@code null} when the source value is blank. */
    static JsonNode convert(FieldSpec field, SourceValue value) throws ValueRejectedException {
        String type = field.type() == null ? "string" : field.type();
        if (type.equals("array")) {
            return convertArray(field, value);
        }

        SourceValue single = currentValue(field, singleValue(value));
        if (single == null) {
            return null;
        }
        return switch (type) {
            case "number" -> toNumber(single);
            case "integer" -> toInteger(single);
            case "boolean" -> toBoolean(single);
            default -> toText(field, single);
        };
    }

    /**
     * Replaces a legacy text value by its current value before type conversion, so that, for
     * example, the level name 中度失能 in an integer field becomes 2.
     */
    private static SourceValue currentValue(FieldSpec field, SourceValue value) {
        if (value instanceof SourceValue.Text text && !field.legacyValues().isEmpty()) {
            String current = field.legacyValues().get(TextNormalizer.normalize(text.value()));
            return current == null ? value : new SourceValue.Text(current);
        }
        return value;
    }

    /** Unwraps a one-item list; rejects several items in a single-valued field. */
    private static SourceValue singleValue(SourceValue value) throws ValueRejectedException {
        if (!(value instanceof SourceValue.Items items)) {
            return value;
        }
        if (items.values().size() > 1) {
            throw new ValueRejectedException("MAP_MULTIPLE_VALUES");
        }
        return items.values().isEmpty() ? null : items.values().get(0);
    }

    private static JsonNode convertArray(FieldSpec field, SourceValue value) throws ValueRejectedException {
        List<SourceValue> items = new ArrayList<>();
        if (value instanceof SourceValue.Items list) {
            items.addAll(list.values());
        } else if (value instanceof SourceValue.Text text) {
            String normalized = TextNormalizer.normalize(text.value());
            java.util.Set<String> wholeValues = new java.util.HashSet<>(field.legacyValues().keySet());
            wholeValues.addAll(field.ambiguousLegacyValues().keySet());
            ListSplitter.split(normalized, wholeValues)
                    .forEach(item -> items.add(new SourceValue.Text(item)));
        } else {
            items.add(value);
        }

        ArrayNode array = NODES.arrayNode();
        for (SourceValue item : items) {
            TextNode converted = toText(field, item);
            if (converted != null) {
                array.add(converted);
            }
        }
        return array.isEmpty() ? null : array;
    }

    private static TextNode toText(FieldSpec field, SourceValue value) throws ValueRejectedException {
        String format = field.format();
        if ("date".equals(format)) {
            return isBlankText(value) ? null : TextNode.valueOf(DateParser.parseDate(value).toString());
        }
        if ("date-time".equals(format)) {
            return isBlankText(value) ? null : TextNode.valueOf(
                    DateParser.parseDateTime(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }

        if (value instanceof SourceValue.Items) {
            throw new ValueRejectedException("MAP_MULTIPLE_VALUES");
        }
        String text = value instanceof SourceValue.Number number
                ? SpreadsheetNumbers.toText(number, format)
                : TextNormalizer.normalize(value.display());
        if (text.isEmpty()) {
            return null;
        }

        List<String> choices = field.ambiguousLegacyValues().get(text);
        if (choices != null) {
            throw new ValueRejectedException("MAP_LEGACY_VALUE_AMBIGUOUS", text, String.join("、", choices));
        }
        String current = field.legacyValues().getOrDefault(text, text);
        return TextNode.valueOf(formatCode(current, field));
    }

    private static String formatCode(String text, FieldSpec field) {
        if ("citizen-id".equals(field.format())) {
            return CitizenIdNormalizer.normalize(text);
        }
        // An identity document number (x-personal citizen-id without the format, because the
        // document type decides) is upper-cased, so a citizen ID's lower-case x passes.
        // RecordMapper turns a 15-digit one into 18 characters after the document type is mapped.
        boolean documentNumber = "citizen-id".equals(field.personal());
        return documentNumber || CodeFormats.isCode(field.format()) ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static boolean isBlankText(SourceValue value) {
        return value instanceof SourceValue.Text text && TextNormalizer.isBlank(text.value());
    }

    private static BigDecimal toDecimal(SourceValue value) throws ValueRejectedException {
        if (value instanceof SourceValue.Number number) {
            return number.value();
        }
        if (value instanceof SourceValue.Text text) {
            String normalized = TextNormalizer.normalize(text.value());
            return normalized.isEmpty() ? null : NumberParser.parse(normalized);
        }
        throw new ValueRejectedException("MAP_NOT_A_NUMBER");
    }

    private static JsonNode toNumber(SourceValue value) throws ValueRejectedException {
        BigDecimal decimal = toDecimal(value);
        return decimal == null ? null : DecimalNode.valueOf(decimal);
    }

    private static JsonNode toInteger(SourceValue value) throws ValueRejectedException {
        BigDecimal decimal = toDecimal(value);
        if (decimal == null) {
            return null;
        }

        BigInteger integer;
        try {
            integer = decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ValueRejectedException("MAP_NOT_AN_INTEGER");
        }
        return integer.bitLength() < Long.SIZE ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
    }

    private static JsonNode toBoolean(SourceValue value) throws ValueRejectedException {
        if (value instanceof SourceValue.Bool bool) {
            return BooleanNode.valueOf(bool.value());
        }
        if (value instanceof SourceValue.Number number) {
            return BooleanNode.valueOf(BooleanParser.parse(number.value().stripTrailingZeros().toPlainString()));
        }
        if (value instanceof SourceValue.Text text) {
            String normalized = TextNormalizer.normalize(text.value());
            return normalized.isEmpty() ? null : BooleanNode.valueOf(BooleanParser.parse(normalized));
        }
        throw new ValueRejectedException("MAP_NOT_A_BOOLEAN");
    }
}
