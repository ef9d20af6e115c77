package org.huitong.pipeline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads typed values from a record for rules; a missing or unparsable value reads as empty. */
public final class FieldValues {

    private FieldValues() {
    }

    public static Optional<String> text(ObjectNode data, String field) {
        JsonNode node = data.get(field);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** Reads an ISO {@code yyyy-MM-dd} date. */
    public static Optional<LocalDate> date(ObjectNode data, String field) {
        try {
            return text(data, field).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Reads an RFC 3339 date-time with offset. */
    public static Optional<OffsetDateTime> dateTime(ObjectNode data, String field) {
        try {
            return text(data, field).map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Reads a JSON number exactly. */
    public static Optional<BigDecimal> decimal(ObjectNode data, String field) {
        JsonNode node = data.get(field);
        return node != null && node.isNumber() ? Optional.of(node.decimalValue()) : Optional.empty();
    }

    /** Reads the text items of an array; an absent field reads as an empty list. */
    public static List<String> textItems(ObjectNode data, String field) {
        List<String> items = new ArrayList<>();
        JsonNode node = data.get(field);
        if (node != null && node.isArray()) {
            node.forEach(item -> items.add(item.asText()));
        }
        return items;
    }
}
