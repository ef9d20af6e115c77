package org.huitong.pipeline.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** Creates the Jackson factories of the JSON readers. */
final class JsonFactories {

    private JsonFactories() {
    }

    /**
     * Returns a factory whose parsers reject a single string longer than {@code maxRecordChars},
     * so that one runaway value cannot fill memory before the record length is checked.
     */
    static JsonFactory create(int maxRecordChars) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(maxRecordChars)
                .build();
        return JsonFactory.builder().streamReadConstraints(constraints).build();
    }
}
