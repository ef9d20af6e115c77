package org.huitong.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a record type's fields and key from its schema document and annotations. */
final class FieldSpecReader {

    private final Map<String, JsonNode> documentsById;

    FieldSpecReader(Map<String, JsonNode> documentsById) {
        this.documentsById = documentsById;
    }

    RecordTypeSpec read(String type, String version, JsonNode document, String source) {
        String schemaId = document.path("$id").asText();
        Set<String> required = textSet(document.path("required"));
        List<FieldSpec> fields = new ArrayList<>();

        document.path("properties").properties().forEach(property -> {
            JsonNode resolved = resolve(property.getValue(), schemaId, source);
            fields.add(toField(property.getKey(), resolved, required.contains(property.getKey()), schemaId, source));
        });

        List<String> keyFields = textList(document.path("x-key"));
        Set<String> names = new HashSet<>();
        fields.forEach(field -> names.add(field.name()));
        checkKey(keyFields, names, required, source);
        checkDocumentTypes(fields, names, source);
        return new RecordTypeSpec(type, version, schemaId, fields, keyFields);
    }

    private FieldSpec toField(String name, JsonNode property, boolean required, String schemaId, String source) {
        String type = property.path("type").asText(null);
        JsonNode items = "array".equals(type) ? resolve(property.path("items"), schemaId, source) : null;
        JsonNode formatSource = items != null ? items : property;
        JsonNode legacySource = property.has("x-legacy-values") || items == null ? property : items;

        return new FieldSpec(name,
                property.path("title").asText(null),
                property.path("x-code").asText(null),
                textList(property.path("x-aliases")),
                type,
                formatSource.path("format").asText(null),
                required,
                property.path("x-sharing").asText(null),
                property.path("x-personal").asText(null),
                textMap(legacySource.path("x-legacy-values")),
                textListMap(legacySource.path("x-legacy-ambiguous")),
                property.path("x-document-type").asText(null));
    }

    private static Map<String, List<String>> textListMap(JsonNode node) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), textList(entry.getValue())));
        return map;
    }

    /**
     * Returns the property with the keywords of its {@code $ref} target merged underneath, so
     * that {@code type} and {@code format} of a shared definition show through. The property's
     * own keywords win.
     */
    private JsonNode resolve(JsonNode property, String schemaId, String source) {
        if (!property.isObject() || !property.has("$ref")) {
            return property;
        }
        JsonNode target = SchemaReferences.target(property.get("$ref").asText(), schemaId, documentsById)
                .orElseThrow(() -> new SchemaLoadException(source + ": $ref " + property.get("$ref").asText()
                        + " does not resolve to a schema in the schema directory"));

        ObjectNode merged = resolve(target, schemaId, source).deepCopy();
        property.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
        merged.remove("$ref");
        return merged;
    }

    private static void checkKey(List<String> keyFields, Set<String> names, Set<String> required, String source) {
        if (keyFields.isEmpty()) {
            throw new SchemaLoadException(source + ": x-key is missing or empty; list the business-key fields in order");
        }
        for (String key : keyFields) {
            if (!names.contains(key) || !required.contains(key)) {
                throw new SchemaLoadException(source + ": key field " + key + " must be a property listed in required");
            }
        }
    }

    private static void checkDocumentTypes(List<FieldSpec> fields, Set<String> names, String source) {
        for (FieldSpec field : fields) {
            if (field.documentTypeField() != null && !names.contains(field.documentTypeField())) {
                throw new SchemaLoadException(source + ": x-document-type of " + field.name() + " names "
                        + field.documentTypeField() + ", which is not a property; name the field that contains the document type");
            }
        }
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> textSet(JsonNode array) {
        return new HashSet<>(textList(array));
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
