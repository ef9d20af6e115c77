package org.huitong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces, at any depth, the value of every object field whose name looks like a secret with
 * {@code "***"}. It is a safety net: callers still leave template-specific secrets out.
 */
final class AuditRedaction {

    static final String MASK = "***";

    /** Field names that contain one of these words, in any letter case, are redacted. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|secret|token|apikey|api_key|credential|privatekey", Pattern.CASE_INSENSITIVE);

    private AuditRedaction() {
    }

    /** Redacts {@code node} in place and returns it. */
    static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (SECRET_NAME.matcher(field.getKey()).find()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(AuditRedaction::redact);
        }
        return node;
    }
}
