package org.huitong.schema;

import java.util.List;
import java.util.Optional;

/**
 * A shared record type at one schema version.
 *
 * @param type record type, for example {@code credit.license}
 * @param version schema version, for example {@code 1}
 * @param schemaId the schema's {@code $id}, published as the CloudEvents {@code dataschema}
 * @param fields the schema's properties in declaration order
 * @param keyFields the fields that together form the business key ({@code x-key}), in order
 */
public record RecordTypeSpec(String type, String version, String schemaId,
                             List<FieldSpec> fields, List<String> keyFields) {

    public RecordTypeSpec {
        fields = List.copyOf(fields);
        keyFields = List.copyOf(keyFields);
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
