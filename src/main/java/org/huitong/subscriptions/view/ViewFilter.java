package org.huitong.subscriptions.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.huitong.exchange.CloudEventMessages;
import org.huitong.exchange.RecordEvents;
import org.huitong.subscriptions.SubscriptionFilter;

/**
 * A subscription filter prepared for many events: sets for the departments and accepted values,
 * checked division prefixes.
 */
final class ViewFilter {

    private final Set<String> departments;
    private final List<String> divisionPrefixes;
    private final Map<String, Set<String>> acceptedValues;

    /**
     * @throws IllegalArgumentException if a division prefix is not 1 to 12 digits
     */
    ViewFilter(String subscriptionId, SubscriptionFilter filter) {
        this.departments = Set.copyOf(filter.departments());
        this.divisionPrefixes = DivisionPrefixes.checked(subscriptionId, filter.divisions());
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        filter.fields().forEach((field, values) -> accepted.put(field, Set.copyOf(values)));
        this.acceptedValues = Map.copyOf(accepted);
    }

    List<String> divisionPrefixes() {
        return divisionPrefixes;
    }

    /** Returns whether the event passes every condition of the filter. */
    boolean accepts(JsonNode cloudEvent, JsonNode data) {
        return acceptsDepartment(cloudEvent) && acceptsDivision(data) && acceptsFieldValues(data);
    }

    private boolean acceptsDepartment(JsonNode cloudEvent) {
        if (departments.isEmpty()) {
            return true;
        }
        JsonNode department = cloudEvent.get(RecordEvents.DEPARTMENT);
        return department != null && department.isTextual() && departments.contains(department.textValue());
    }

    /** Checks the division prefixes; a record without a text {@code divisionCode} fails them. */
    private boolean acceptsDivision(JsonNode data) {
        if (divisionPrefixes.isEmpty()) {
            return true;
        }
        JsonNode division = data.get(CloudEventMessages.DIVISION_FIELD);
        if (division == null || !division.isTextual()) {
            return false;
        }
        String code = division.textValue();
        for (String prefix : divisionPrefixes) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares each filtered field's value as text with its accepted values. An array field
     * matches when one of its elements does; a missing or null field never matches.
     *
     * <p>NOTE: a decimal matches its published text only if the caller parsed the event with
     * {@code USE_BIG_DECIMAL_FOR_FLOATS} and without {@code STRIP_TRAILING_BIGDECIMAL_ZEROES}
     * (Jackson's default strips them, so 120.50 would compare as 120.5).
     */
    private boolean acceptsFieldValues(JsonNode data) {
        for (Map.Entry<String, Set<String>> condition : acceptedValues.entrySet()) {
            JsonNode value = data.get(condition.getKey());
            if (!matches(value, condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode value, Set<String> accepted) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matches(element, accepted)) {
                    return true;
                }
            }
            return false;
        }
        return accepted.contains(text(value));
    }

    /** Returns a value's text as it appears in the published JSON (decimals written plain). */
    private static String text(JsonNode value) {
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
