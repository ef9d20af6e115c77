package org.huitong.pipeline.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huitong.i18n.Messages;
import org.huitong.pipeline.Violation;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;

/**
 * Matches source headers to fields.
 *
 * <p>A column named in the connector's explicit mapping feeds the field given there. Any
 * other column matches a field whose title (standard Chinese name), code (such as
 * {@code XK_WSH}), name or one of its aliases equals the header; the comparison is made after
 * NFKC normalisation and ignores the case of Latin letters. A field that an explicit mapping
 * feeds takes no automatic match. A header that matches several fields
 * ({@code MAP_HEADER_AMBIGUOUS}), or two columns that feed one field
 * ({@code MAP_COLUMN_CONFLICT}), make the binding unusable.
 */
final class HeaderMatcher {

    private final RecordTypeSpec spec;
    private final Map<String, String> explicitFieldByKey = new LinkedHashMap<>();
    private final Messages messages;

    HeaderMatcher(RecordTypeSpec spec, Map<String, String> explicitMapping, Messages messages) {
        this.spec = spec;
        this.messages = messages;
        explicitMapping.forEach((column, field) -> {
            if (spec.field(field).isEmpty()) {
                throw new IllegalArgumentException(
                        "Mapping of column " + column + " names field " + field + ", which " + spec.type() + " lacks");
            }
            explicitFieldByKey.put(key(column), field);
        });
    }

    HeaderBinding bind(List<String> headers) {
        Map<String, Set<String>> candidatesByColumn = new LinkedHashMap<>();
        Set<String> explicitFields = new LinkedHashSet<>(explicitFieldByKey.values());
        for (String header : headers) {
            String explicitField = explicitFieldByKey.get(key(header));
            candidatesByColumn.put(header, explicitField != null
                    ? Set.of(explicitField)
                    : automaticCandidates(header, explicitFields));
        }

        List<Violation> violations = new ArrayList<>();
        Map<String, String> fieldByColumn = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        candidatesByColumn.forEach((column, candidates) -> {
            if (candidates.isEmpty()) {
                unmapped.add(column);
            } else if (candidates.size() > 1) {
                violations.add(Violation.of(messages, "MAP_HEADER_AMBIGUOUS", null, column, column,
                        String.join(", ", candidates)));
            } else {
                fieldByColumn.put(column, candidates.iterator().next());
            }
        });

        violations.addAll(findConflicts(fieldByColumn));
        return new HeaderBinding(fieldByColumn, unmapped, violations);
    }

    private Set<String> automaticCandidates(String header, Set<String> explicitFields) {
        String headerKey = key(header);
        Set<String> candidates = new LinkedHashSet<>();
        for (FieldSpec field : spec.fields()) {
            if (!explicitFields.contains(field.name()) && matches(field, headerKey)) {
                candidates.add(field.name());
            }
        }
        return candidates;
    }

    private static boolean matches(FieldSpec field, String headerKey) {
        if (headerKey.equals(key(field.title())) || headerKey.equals(key(field.code()))
                || headerKey.equals(key(field.name()))) {
            return true;
        }
        return field.aliases().stream().anyMatch(alias -> headerKey.equals(key(alias)));
    }

    private List<Violation> findConflicts(Map<String, String> fieldByColumn) {
        Map<String, List<String>> columnsByField = new LinkedHashMap<>();
        fieldByColumn.forEach((column, field) -> columnsByField.computeIfAbsent(field, f -> new ArrayList<>()).add(column));

        List<Violation> conflicts = new ArrayList<>();
        columnsByField.forEach((field, columns) -> {
            if (columns.size() > 1) {
                String label = label(spec.field(field).orElseThrow());
                conflicts.add(Violation.of(messages, "MAP_COLUMN_CONFLICT", field, columns.get(0), label,
                        String.join(", ", columns)));
                columns.forEach(fieldByColumn::remove);
            }
        });
        return conflicts;
    }

    /** Returns the field's name for messages: its Chinese title and its name. */
    static String label(FieldSpec field) {
        return field.title() == null ? field.name() : field.title() + " (" + field.name() + ")";
    }

    private static String key(String text) {
        return text == null ? "\u0000" : TextNormalizer.normalize(text).toUpperCase(Locale.ROOT);
    }
}
