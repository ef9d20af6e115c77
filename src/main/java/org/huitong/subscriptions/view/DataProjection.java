package org.huitong.subscriptions.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;

/**
 * The granted fields of one schema version in schema order, each with its mask, or without one
 * when it is delivered in clear.
 */
final class DataProjection {

    /** The {@code x-sharing} class that no subscription receives. */
    static final String RESTRICTED = "restricted";

    private final List<GrantedField> fields;

    private record GrantedField(String name, FieldMask mask) {
    }

    private DataProjection(List<GrantedField> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * Prepares the projection of {@code spec}. A restricted field is left out even if granted, and
     * a personal field is masked unless it is in {@code clearFields}.
     */
    static DataProjection of(RecordTypeSpec spec, Set<String> grantedFields, Set<String> clearFields,
                             FieldMasks masks) {
        List<GrantedField> fields = new ArrayList<>();
        for (FieldSpec field : spec.fields()) {
            if (!grantedFields.contains(field.name()) || RESTRICTED.equals(field.sharing())) {
                continue;
            }
            boolean masked = field.personal() != null && !clearFields.contains(field.name());
            fields.add(new GrantedField(field.name(), masked ? masks.forKind(field.personal()) : null));
        }
        return new DataProjection(fields);
    }

    /** Returns a new object with the granted fields of {@code data}, copied and masked. */
    ObjectNode project(JsonNode data) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (GrantedField field : fields) {
            JsonNode value = data.get(field.name());
            if (value == null) {
                continue;
            }
            projected.set(field.name(), field.mask() == null ? value.deepCopy() : field.mask().mask(value));
        }
        return projected;
    }
}
