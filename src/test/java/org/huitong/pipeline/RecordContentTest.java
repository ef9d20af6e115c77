package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RecordContentTest {

    private static final JsonMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) EXACT_JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void hashMatchesStoredValue() {
        // The record store compares stored hashes with new ones, so a change to the canonical form
        // would publish every stored record again as a new version.
        ObjectNode data = json("{\"XK_WSH\":\"兰市监许〔2024〕1号\",\"amount\":12.50,\"items\":[1.0,{\"b\":2,\"a\":null}]}");

        assertThat(RecordContent.contentHash(data))
                .isEqualTo("fceccad8751fe012b3310f1b358cf283e669622cee3391b90280ddc7898a8bb7");
    }

    @Test
    void hashIgnoresOrderAndScale() {
        ObjectNode first = json("{\"a\":0.20,\"b\":[1,\"x\"],\"c\":{\"d\":1,\"e\":2}}");
        ObjectNode second = json("{\"c\":{\"e\":2.000,\"d\":1},\"b\":[1.0,\"x\"],\"a\":0.2}");

        assertThat(RecordContent.contentHash(first)).isEqualTo(RecordContent.contentHash(second));
    }

    @Test
    void hashDiffersForOtherContent() {
        String base = RecordContent.contentHash(json("{\"a\":\"1\",\"b\":[1,2]}"));

        assertThat(List.of("{\"a\":\"2\",\"b\":[1,2]}", "{\"a\":\"1\",\"b\":[2,1]}", "{\"a\":\"1\",\"b\":[1,2],\"c\":null}",
                "{\"a\":\"1 \",\"b\":[1,2]}", "{\"A\":\"1\",\"b\":[1,2]}"))
                .allSatisfy(other -> assertThat(RecordContent.contentHash(json(other))).as(other).isNotEqualTo(base));
    }

    @Test
    void canonicalFormSortsAndWritesPlainNumbers() {
        ObjectNode data = json("{\"b\":{\"z\":1E+3,\"a\":[-0.0,{\"y\":0.00000010,\"x\":true}]},\"Z\":\"名单\\n\",\"a\":null}");

        assertThat(RecordContent.canonical(data).toString())
                .isEqualTo("{\"Z\":\"名单\\n\",\"a\":null,\"b\":{\"a\":[\"0\",{\"x\":true,\"y\":\"0.0000001\"}],\"z\":\"1000\"}}");
    }
}
