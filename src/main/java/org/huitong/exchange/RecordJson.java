package org.huitong.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON text of a record's data, as the event's {@code data} member and the record store's
 * payload carry it. Decimals are written plain, for example {@code 0.00000010} and not
 * {@code 1.0E-7}, keeping every digit in the form the source gave, for subscribers that compare
 * text.
 */
public final class RecordJson {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build()
            .writer();

    private RecordJson() {
    }

    /** Returns the compact JSON text of {@code data}. */
    public static String write(ObjectNode data) {
        try {
            return WRITER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a record's data as JSON", e);
        }
    }
}
