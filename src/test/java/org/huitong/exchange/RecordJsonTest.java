package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordJsonTest {

    @Test
    void writesPlainDecimalsAndChinese() {
        String json = RecordJson.write(TestRecords.json("""
                {"name": "兰州 某某公司", "fee": 0.00000010, "capital": 1.2E+3, "count": 7, "tags": ["a", "b"]}"""));

        assertThat(json).isEqualTo("{\"name\":\"兰州 某某公司\",\"fee\":0.00000010,\"capital\":1200,\"count\":7,"
                + "\"tags\":[\"a\",\"b\"]}");
    }

    @Test
    void eventDataIsRecordJson() {
        OutboundRecord record = TestRecords.license("XK2024001", 1);

        String event = new CloudEventMessages().toJson(RecordEvents.toCloudEvent(record, java.time.Instant.EPOCH));

        assertThat(record.dataJson()).isEqualTo(RecordJson.write(record.data()));
        assertThat(event).endsWith(",\"data\":" + record.dataJson() + "}");
    }
}
