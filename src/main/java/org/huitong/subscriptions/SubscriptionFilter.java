package org.huitong.subscriptions;

import java.util.List;
import java.util.Map;

/**
 * The conditions that select the records a subscription receives. Empty lists and an empty map
 * mean no restriction, and the conditions that are present must all hold.
 *
 * @param divisions GB/T 2260 division code prefixes, for example {@code 6201} for Lanzhou; a
 *     record matches when its {@code divisionCode} starts with one of them
 * @param departments codes of providing departments; a record matches when its department is one
 *     of them
 * @param fields field name to accepted values; a record matches when each named top-level field
 *     has one of its values (compared as text)
 */
public record SubscriptionFilter(List<String> divisions, List<String> departments,
                                 Map<String, List<String>> fields) {

    /** The filter that lets every record through. */
    public static final SubscriptionFilter NONE = new SubscriptionFilter(List.of(), List.of(), Map.of());

    public SubscriptionFilter {
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
        departments = departments == null ? List.of() : List.copyOf(departments);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
