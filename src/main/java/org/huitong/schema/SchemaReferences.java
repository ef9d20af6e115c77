package org.huitong.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and resolves {@code $ref} values among the schema documents loaded from disk. */
final class SchemaReferences {

    private SchemaReferences() {
    }

    /**
     * Returns the node a {@code $ref} points to: a fragment-only reference ({@code #/$defs/x})
     * within the document {@code baseId}, or {@code ID#POINTER} within another loaded document.
     * Empty if the document or the pointer does not exist; nothing is ever fetched.
     */
    static Optional<JsonNode> target(String ref, String baseId, Map<String, JsonNode> documentsById) {
        int hash = ref.indexOf('#');
        String documentId = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode document = documentsById.get(documentId.isEmpty() ? baseId : documentId);

        if (document == null) {
            return Optional.empty();
        }
        JsonNode target = document.at(pointer);
        return target.isMissingNode() ? Optional.empty() : Optional.of(target);
    }

    /** Returns every {@code $ref} value in a schema document, at any depth. */
    static List<String> all(JsonNode document) {
        List<String> refs = new ArrayList<>();
        collect(document, refs);
        return refs;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isTextual()) {
                    refs.add(entry.getValue().asText());
                } else {
                    collect(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, refs));
        }
    }
}
