package org.huitong.subscriptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.huitong.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Applies the sharing classes of the national rules for government data to a requested grant.
 * Each schema field carries one: {@code open} fields are shared with any user,
 * {@code conditional} fields only after the providing department approves the user, and
 * {@code restricted} fields are not shared at all. Personal fields ({@code x-personal}) are
 * delivered masked; receiving one in clear also needs the provider's approval, even when the
 * field is open.
 */
@Component
public class SharingPolicy {

    private final SchemaRegistry schemas;

    public SharingPolicy(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** The grant of a valid request, and whether a provider must approve it first. */
    public record Evaluation(List<String> fields, List<String> clearFields, boolean needsApproval) {
    }

    /**
     * Checks a request against the latest schema of its record type.
     *
     * @throws InvalidRequestException naming the unknown record type, the unknown, restricted or
     *     duplicated fields, or the clear fields that are not personal or not requested
     */
    public Evaluation evaluate(String recordType, List<String> fields, List<String> clearFields) {
        RecordTypeSpec spec = latest(recordType);
        Set<String> requested = new LinkedHashSet<>(fields);
        if (requested.size() != fields.size()) {
            throw new InvalidRequestException("subscription.fields.duplicate", duplicates(fields));
        }

        List<String> unknown = new ArrayList<>();
        List<String> restricted = new ArrayList<>();
        boolean conditional = false;
        for (String name : requested) {
            FieldSpec field = spec.field(name).orElse(null);
            if (field == null) {
                unknown.add(name);
            } else if ("restricted".equals(field.sharing())) {
                restricted.add(name);
            } else if ("conditional".equals(field.sharing())) {
                conditional = true;
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("subscription.fields.unknown", String.join(", ", unknown),
                    recordType, fieldNames(spec));
        }
        if (!restricted.isEmpty()) {
            throw new InvalidRequestException("subscription.fields.restricted", String.join(", ", restricted),
                    recordType);
        }

        List<String> clear = checkClearFields(spec, requested, clearFields);
        return new Evaluation(ordered(spec, requested), clear, conditional || !clear.isEmpty());
    }

    private static List<String> checkClearFields(RecordTypeSpec spec, Set<String> requested, List<String> clearFields) {
        List<String> invalid = new ArrayList<>();
        for (String name : clearFields) {
            boolean personal = spec.field(name).map(field -> field.personal() != null).orElse(false);
            if (!requested.contains(name) || !personal) {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException("subscription.clear-fields.invalid", String.join(", ", invalid));
        }
        return ordered(spec, new LinkedHashSet<>(clearFields));
    }

    /** Returns the latest version of a record type. */
    public RecordTypeSpec latest(String recordType) {
        return schemas.all().stream()
                .filter(spec -> spec.type().equals(recordType))
                .max(Comparator.comparing(spec -> Integer.parseInt(spec.version())))
                .orElseThrow(() -> new InvalidRequestException("subscription.record-type.unknown",
                        String.valueOf(recordType), String.join(", ", recordTypes())));
    }

    private List<String> recordTypes() {
        return schemas.all().stream().map(RecordTypeSpec::type).distinct().sorted().toList();
    }

    private static List<String> ordered(RecordTypeSpec spec, Set<String> names) {
        return spec.fields().stream().map(FieldSpec::name).filter(names::contains).toList();
    }

    private static String fieldNames(RecordTypeSpec spec) {
        return String.join(", ", spec.fields().stream()
                .filter(field -> !"restricted".equals(field.sharing()))
                .map(FieldSpec::name).toList());
    }

    private static String duplicates(List<String> fields) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String field : fields) {
            if (!seen.add(field)) {
                repeated.add(field);
            }
        }
        return String.join(", ", repeated);
    }
}
