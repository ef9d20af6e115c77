package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

class RecordEventsTest {

    private static final Instant PUBLISHED = Instant.parse("2024-03-05T08:30:00.123Z");

    private final OutboundRecord record = TestRecords.license("XK2024001", 3);
    private final CloudEvent event = RecordEvents.toCloudEvent(record, PUBLISHED);

    @Test
    void setsContextAttributes() {
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo(EventId.of(record).toString());
        assertThat(event.getSource()).isEqualTo(URI.create("/huitong/departments/SCJGJ/connectors/scjg-xk-csv"));
        assertThat(event.getType()).isEqualTo("cn.huitong.credit.license");
        assertThat(event.getSubject()).isEqualTo("XK2024001");
        assertThat(event.getDataSchema()).isEqualTo(URI.create(record.schemaId()));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2024, 3, 5, 8, 30, 0, 123_000_000, ZoneOffset.UTC));
    }

    @Test
    void setsLineageExtensions() {
        assertThat(event.getExtension("recordversion")).isEqualTo(3);
        assertThat(event.getExtension("batchid")).isEqualTo("42");
        assertThat(event.getExtension("sourcefile")).isEqualTo("许可_2024-03.csv");
        assertThat(event.getExtension("sourcelines")).isEqualTo("12-13");
        assertThat(event.getExtension("department")).isEqualTo("SCJGJ");
        assertThat(event.getExtension("connector")).isEqualTo("scjg-xk-csv");
    }

    @Test
    void encodesUnsafeCharactersInSource() {
        OutboundRecord unusual = new OutboundRecord("credit.license", "urn:huitong:credit.license:1", "K1", 1,
                "00", TestRecords.json("{}"), "市场 监管", "a/b", 1, "f.csv", 1, 1);

        URI source = RecordEvents.toCloudEvent(unusual, PUBLISHED).getSource();

        assertThat(source.getRawPath()).isEqualTo("/huitong/departments/%E5%B8%82%E5%9C%BA%20%E7%9B%91%E7%AE%A1/connectors/a%2Fb");
    }

    @Test
    void structuredJsonKeepsDecimalsExact() throws Exception {
        String json = new CloudEventMessages().toJson(event);

        assertThat(json).contains("\"registeredCapital\":12345678901234567.8900");
        assertThat(json).contains("\"feeRate\":0.00000010");
        assertThat(TestRecords.EXACT_JSON.readTree(json).get("data")).isEqualTo(record.data());
    }

    @Test
    void structuredJsonRoundTripsThroughSdk() {
        String json = new CloudEventMessages().toJson(event);

        CloudEvent parsed = EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(parsed.getId()).isEqualTo(event.getId());
        assertThat(parsed.getType()).isEqualTo(event.getType());
        assertThat(parsed.getTime()).isEqualTo(event.getTime());
        assertThat(parsed.getExtension("sourcelines")).isEqualTo("12-13");
    }
}
