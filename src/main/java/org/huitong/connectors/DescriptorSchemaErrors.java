package org.huitong.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns networknt validation errors of a descriptor (or of a template's parameters) into
 * {@link DescriptorError}s that name the faulty field by its dotted path, such as
 * {@code source.parameters.charset}.
 */
final class DescriptorSchemaErrors {

    private DescriptorSchemaErrors() {
    }

    /**
     * Translates errors found in the JSON node at {@code prefix}.
     *
     * @param prefix the path of the validated node, empty for the whole descriptor
     * @param rootSchema the schema document, to list the known properties in a message
     */
    static List<DescriptorError> translate(List<Error> errors, String prefix, JsonNode rootSchema) {
        List<DescriptorError> translated = new ArrayList<>();
        for (Error error : errors) {
            translated.add(translate(error, prefix, rootSchema));
        }
        return translated;
    }

    private static DescriptorError translate(Error error, String prefix, JsonNode rootSchema) {
        String path = path(prefix, error.getInstanceLocation());
        JsonNode schema = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> new DescriptorError(join(path, error.getProperty()), "required");
            case "additionalProperties" -> new DescriptorError(join(path, error.getProperty()),
                    "property-unknown", knownProperties(rootSchema, error.getInstanceLocation()));
            case "type" -> new DescriptorError(path, "type", shown(error.getInstanceNode()), typeNames(schema));
            case "enum", "const" -> new DescriptorError(path, "enum", shown(error.getInstanceNode()), schema.toString());
            case "pattern" -> patternError(path, error);
            case "minLength" -> new DescriptorError(path, "min-length", schema.asText());
            case "maxLength" -> new DescriptorError(path, "max-length", schema.asText());
            case "minimum", "exclusiveMinimum" -> new DescriptorError(path, "minimum", schema.asText());
            case "maximum", "exclusiveMaximum" -> new DescriptorError(path, "maximum", schema.asText());
            case "maxProperties" -> new DescriptorError(path, "max-entries", schema.asText());
            case "minProperties" -> new DescriptorError(path, "min-entries", schema.asText());
            default -> new DescriptorError(path, "invalid", error.getKeyword());
        };
    }

    private static DescriptorError patternError(String path, Error error) {
        String value = shown(error.getInstanceNode());
        String pattern = error.getSchemaNode().asText();
        if (pattern.startsWith("^[a-z0-9][a-z0-9-]")) {
            return new DescriptorError(path, "identifier", value);
        }
        return new DescriptorError(path, "pattern", value, pattern);
    }

    private static String path(String prefix, NodePath location) {
        StringBuilder path = new StringBuilder(prefix);
        if (location == null) {
            return path.toString();
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.toString();
    }

    private static String join(String path, String property) {
        if (property == null) {
            return path;
        }
        return path.isEmpty() ? property : path + "." + property;
    }

    /** Returns the instance value for a message, cut to 100 characters. */
    private static String shown(JsonNode instance) {
        if (instance == null) {
            return "";
        }
        String text = instance.isTextual() ? instance.asText() : instance.toString();
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static String typeNames(JsonNode schema) {
        if (schema.isArray()) {
            List<String> names = new ArrayList<>();
            schema.forEach(name -> names.add(name.asText()));
            return String.join(" / ", names);
        }
        return schema.asText();
    }

    /**
     * Lists the properties that the schema declares for the object at {@code location}, for an
     * unknown-property message. Only local references ({@code #/$defs/...}) are followed.
     */
    private static String knownProperties(JsonNode rootSchema, NodePath location) {
        JsonNode node = resolve(rootSchema, rootSchema);
        for (int i = 0; location != null && i < location.getNameCount(); i++) {
            node = resolve(rootSchema, node.path("properties").path(location.getName(i)));
        }
        TreeSet<String> names = new TreeSet<>();
        Iterator<String> fields = node.path("properties").fieldNames();
        fields.forEachRemaining(names::add);
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static JsonNode resolve(JsonNode rootSchema, JsonNode node) {
        String reference = node.path("$ref").asText("");
        return reference.startsWith("#/") ? rootSchema.at(reference.substring(1)) : node;
    }
}
