package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void matchesPythonUuid5OfJoinedValues() {
        OutboundRecord record = TestRecords.license("91620102MA71234567-XK2024001", 2);

        // uuid.uuid5(NAMESPACE, "\x1f".join(["credit.license", key, "2", hash])) in Python 3.11
        assertThat(EventId.of(record).value()).isEqualTo(UUID.fromString("828a7a70-0a9f-547a-b55e-d71c7b06e1ca"));
    }

    @Test
    void sameVersionGivesSameId() {
        assertThat(EventId.of(TestRecords.license("XK-1", 1))).isEqualTo(EventId.of(TestRecords.license("XK-1", 1)));
    }

    @Test
    void otherVersionGivesOtherId() {
        assertThat(EventId.of(TestRecords.license("XK-1", 2))).isNotEqualTo(EventId.of(TestRecords.license("XK-1", 1)));
    }

    @Test
    void otherKeyGivesOtherId() {
        assertThat(EventId.of(TestRecords.license("XK-2", 1))).isNotEqualTo(EventId.of(TestRecords.license("XK-1", 1)));
    }

    @Test
    void isVersionFiveIetfVariant() {
        UUID id = EventId.of(TestRecords.license("XK-1", 1)).value();

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
