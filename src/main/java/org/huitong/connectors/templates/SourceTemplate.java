package org.huitong.connectors.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A source template: a Camel route template in {@code routes/NAME.yaml} and the JSON Schema of
 * its connector parameters in {@code routes/NAME.parameters.json}.
 *
 * <p>A parameter marked {@code "writeOnly": true} is a secret: the hub stores it encrypted,
 * never returns it and never logs it. A template marked {@code "x-polling": true} reads its
 * source on the descriptor's {@code schedule}.
 *
 * @param parameterSchema the schema document, as published by the API
 */
public record SourceTemplate(String name, JsonNode parameterSchema, Schema schema) {

    /** Returns the names of the secret parameters. */
    public Set<String> secretParameters() {
        Set<String> secrets = new TreeSet<>();
        parameterSchema.path("properties").fields().forEachRemaining(property -> {
            if (property.getValue().path("writeOnly").asBoolean(false)) {
                secrets.add(property.getKey());
            }
        });
        return secrets;
    }

    /** Tells whether the template reads its source on a schedule. */
    public boolean polling() {
        return parameterSchema.path("x-polling").asBoolean(false);
    }

    /** Returns the declared parameter names. */
    public Set<String> parameterNames() {
        Set<String> names = new TreeSet<>();
        parameterSchema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Returns each parameter's declared default value as text. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameterSchema.path("properties").fields().forEachRemaining(property -> {
            JsonNode value = property.getValue().get("default");
            if (value != null && !value.isNull()) {
                defaults.put(property.getKey(), value.asText());
            }
        });
        return defaults;
    }

    /** Validates parameters, already {@linkplain #coerce coerced}, against the schema. */
    public List<Error> validate(ObjectNode parameters) {
        return schema.validate(parameters);
    }

    /**
     * Returns a copy of the parameters in which text that spells a declared integer, number or
     * boolean is converted to that type. YAML authors often quote such values ({@code "true"},
     * {@code "2000"}), and the hub hands every parameter to Camel as text anyway.
     */
    public ObjectNode coerce(ObjectNode parameters) {
        ObjectNode coerced = parameters.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode declared = parameterSchema.path("properties").path(field.getKey()).path("type");
            if (field.getValue().isTextual()) {
                JsonNode converted = convert(field.getValue().asText(), declared.asText(""));
                if (converted != null) {
                    coerced.set(field.getKey(), converted);
                }
            }
        }
        return coerced;
    }

    private static JsonNode convert(String text, String type) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        switch (type) {
            case "boolean":
                if (text.equals("true") || text.equals("false")) {
                    return nodes.booleanNode(Boolean.parseBoolean(text));
                }
                return null;
            case "integer":
                return text.matches("^-?[0-9]{1,18}$") ? nodes.numberNode(Long.parseLong(text)) : null;
            case "number":
                return text.matches("^-?[0-9]{1,18}(\\.[0-9]{1,18})?$")
                        ? nodes.numberNode(new java.math.BigDecimal(text)) : null;
            default:
                return null;
        }
    }
}
