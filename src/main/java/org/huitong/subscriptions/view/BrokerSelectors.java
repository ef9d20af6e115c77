package org.huitong.subscriptions.view;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.huitong.exchange.CloudEventMessages;

/**
 * Builds the JMS message selector of a filter over the hub's message properties, for example
 * {@code huitong_department IN ('lz-samr') AND (huitong_division LIKE '6201%')}. Field-value
 * conditions have no message property and stay with {@link RecordView#apply}.
 */
final class BrokerSelectors {

    private BrokerSelectors() {
    }

    /**
     * Returns the selector, or {@code null} when the filter restricts neither departments nor
     * divisions.
     *
     * @param divisionPrefixes prefixes already checked to be digits only
     */
    static String of(List<String> departments, List<String> divisionPrefixes) {
        List<String> conditions = new ArrayList<>();
        if (!departments.isEmpty()) {
            conditions.add(CloudEventMessages.DEPARTMENT + " IN (" + departments.stream()
                    .map(BrokerSelectors::quoted)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (!divisionPrefixes.isEmpty()) {
            conditions.add("(" + divisionPrefixes.stream()
                    .map(prefix -> CloudEventMessages.DIVISION + " LIKE " + quoted(prefix + "%"))
                    .collect(Collectors.joining(" OR ")) + ")");
        }
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    /** Returns a JMS string literal: single quotes, with each quote inside doubled. */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
