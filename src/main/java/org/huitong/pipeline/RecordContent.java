package org.huitong.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** Business keys and content hashes of mapped records. */
public final class RecordContent {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private RecordContent() {
    }

    /**
     * Joins the key fields' values with {@code |}. A {@code |} or {@code \} inside a value is
     * escaped with {@code \}, so two different keys never join to the same text.
     */
    public static String businessKey(ObjectNode data, List<String> keyFields) {
        StringBuilder key = new StringBuilder();
        for (String field : keyFields) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            JsonNode value = data.get(field);
            String text = value == null ? "" : value.asText();
            key.append(text.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return key.toString();
    }

    /**
     * SHA-256 (hex) of the record's canonical form: object keys sorted, decimals without
     * trailing zeros, so {@code 0.20} and {@code 0.2} give the same hash.
     */
    public static String contentHash(ObjectNode data) {
        String canonical = canonical(data).toString();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode copy = NODES.objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return NODES.textNode(value.toPlainString());
        }
        return node;
    }
}
