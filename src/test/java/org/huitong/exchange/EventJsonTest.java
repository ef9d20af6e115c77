package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Comparison of the directly written event text with the CloudEvents SDK's text for the same event. */
class EventJsonTest {

    private static final CloudEventMessages SDK_WRITER = new CloudEventMessages();
    private static final EventFormat SDK_FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    static Stream<Arguments> records() {
        OutboundRecord license = TestRecords.license("XK2024001", 3);
        OutboundRecord awkward = new OutboundRecord("elder.person", "urn:huitong:schema:elder.person:1",
                "key \"quoted\" \\ back\u0001\u2028𠮷", 1, "0".repeat(64),
                TestRecords.json("{\"name\": \"张三\\u0000\", \"note\": \"line\\nbreak\", \"amount\": 1E+3}"),
                "市场 监管", "a/b?c#d", Long.MAX_VALUE, "名单 \"终\".xlsx", 1, 1_000_000);
        OutboundRecord deleted = new OutboundRecord("credit.penalty", "https://schemas.example/p/1.json",
                "CF-1", 7, "f".repeat(64), TestRecords.json("{}"), "SCJGJ", "samr-penalty", 5, "cf.csv", 2, 2, true);
        return Stream.of(
                Arguments.of("license", license, Instant.parse("2024-03-05T08:30:00.123Z")),
                Arguments.of("escapes and surrogates", awkward, Instant.parse("2026-12-05T00:00:00Z")),
                Arguments.of("deletion, nanosecond time", deleted, Instant.parse("2026-12-05T08:00:00.000000001Z")));
    }

    private static String written(OutboundRecord record, Instant time) {
        return EventJson.write(record, EventId.of(record).toString(), time);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void matchesSdkJson(String name, OutboundRecord record, Instant time) throws Exception {
        String sdk = SDK_WRITER.toJson(RecordEvents.toCloudEvent(record, time));

        assertThat(TestRecords.EXACT_JSON.readTree(written(record, time)))
                .isEqualTo(TestRecords.EXACT_JSON.readTree(sdk));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void sdkReadsSameEvent(String name, OutboundRecord record, Instant time) {
        CloudEvent expected = RecordEvents.toCloudEvent(record, time);

        CloudEvent parsed = SDK_FORMAT.deserialize(written(record, time).getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.getAttributeNames()).containsExactlyInAnyOrderElementsOf(expected.getAttributeNames());
        for (String attribute : expected.getAttributeNames()) {
            assertThat(parsed.getAttribute(attribute)).as(attribute).isEqualTo(expected.getAttribute(attribute));
        }
        assertThat(parsed.getExtensionNames()).containsExactlyInAnyOrderElementsOf(expected.getExtensionNames());
        for (String extension : expected.getExtensionNames()) {
            assertThat(parsed.getExtension(extension)).as(extension).isEqualTo(expected.getExtension(extension));
        }
        assertThat(parsed.getData()).isNotNull();
    }

    @Test
    void keepsDataTextUnchanged() {
        OutboundRecord record = TestRecords.license("XK2024002", 1);

        String json = written(record, Instant.EPOCH);

        assertThat(json).endsWith(",\"data\":" + record.dataJson() + "}");
        assertThat(json).contains("\"feeRate\":0.00000010");
    }

    @Test
    void rejectsInvalidSchemaId() {
        OutboundRecord record = new OutboundRecord("credit.license", "not a uri", "K", 1, "0".repeat(64),
                TestRecords.json("{}"), "SCJGJ", "c", 1, "f.csv", 1, 1);

        assertThatThrownBy(() -> written(record, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidRecordType() {
        OutboundRecord record = new OutboundRecord("credit.#", "urn:x", "K", 1, "0".repeat(64),
                TestRecords.json("{}"), "SCJGJ", "c", 1, "f.csv", 1, 1);

        assertThatThrownBy(() -> written(record, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credit.#");
    }
}
