package org.huitong.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a quarantined record's raw values to and from a JSON object, keeping the column order.
 * It uses its own mapper so that the stored format does not change with the application's
 * Jackson settings.
 */
final class RawValuesJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, String>> MAP_TYPE = new TypeReference<>() {
    };

    private RawValuesJson() {
    }

    static String write(Map<String, String> rawValues) {
        try {
            return MAPPER.writeValueAsString(rawValues == null ? Map.of() : rawValues);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Raw values could not be written as JSON", e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored raw values are not a JSON object of strings", e);
        }
    }
}
