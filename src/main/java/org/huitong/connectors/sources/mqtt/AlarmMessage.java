package org.huitong.connectors.sources.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.RecordMapper;

/**
 * One MQTT message prepared for a batch: its payload as one line of JSON Lines, and the device id
 * and sequence number read from it, when it has usable ones.
 *
 * @param line the payload as one line; a payload that is no JSON keeps its text, with line
 *     breaks replaced by spaces, so the pipeline quarantines it with the text visible
 * @param deviceId the device id, or {@code null}
 * @param sequence the sequence number, or {@code null}
 */
record AlarmMessage(String line, String deviceId, Long sequence) {

    static final String DEVICE_FIELD = "deviceId";
    static final String SEQUENCE_FIELD = "sequence";

    private static final int MAX_DEVICE_ID_LENGTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    boolean identified() {
        return deviceId != null && sequence != null;
    }

    /**
     * Parses a payload. The device id and sequence number are found with the connector's
     * mapping and the record type's aliases, as the pipeline maps them.
     */
    static AlarmMessage parse(String payload, RecordMapper mapper) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new AlarmMessage(payload.replaceAll("[\\r\\n]+", " "), null, null);
        }
        if (root == null || !root.isObject()) {
            return new AlarmMessage(payload.replaceAll("[\\r\\n]+", " "), null, null);
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        HeaderBinding binding = mapper.bind(keys);
        return new AlarmMessage(root.toString(), deviceId(root, binding), sequence(root, binding));
    }

    private static String deviceId(JsonNode root, HeaderBinding binding) {
        JsonNode value = valueOf(root, binding, DEVICE_FIELD);
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            return null;
        }
        String id = value.asText().strip();
        return id.isEmpty() || id.length() > MAX_DEVICE_ID_LENGTH ? null : id;
    }

    private static Long sequence(JsonNode root, HeaderBinding binding) {
        JsonNode value = valueOf(root, binding, SEQUENCE_FIELD);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().strip().matches("[0-9]{1,15}")) {
            return Long.parseLong(value.asText().strip());
        }
        return null;
    }

    private static JsonNode valueOf(JsonNode root, HeaderBinding binding, String field) {
        for (Map.Entry<String, String> entry : binding.fieldByColumn().entrySet()) {
            if (entry.getValue().equals(field)) {
                return root.get(entry.getKey());
            }
        }
        return null;
    }
}
