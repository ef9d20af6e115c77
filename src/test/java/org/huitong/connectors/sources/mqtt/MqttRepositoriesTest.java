package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The MQTT inbox and device sequence tables on H2 and PostgreSQL. */
class MqttRepositoriesTest extends BothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void inboxReturnsOldestFirstAndDeletes(MigratedDatabase database) {
        MqttAlarmInbox inbox = new MqttAlarmInbox(database.deleteAllRows().jdbc());
        inbox.add("c1", "alarms/a", "{\"n\": 1}");
        inbox.add("c1", "alarms/a", "{\"n\": 2}");
        inbox.add("c2", "alarms/b", "{\"n\": 3}");
        inbox.add("c1", "alarms/a", "告警 4");

        List<MqttAlarmInbox.Message> first = inbox.oldest("c1", 2);

        assertThat(first).extracting(MqttAlarmInbox.Message::payload).containsExactly("{\"n\": 1}", "{\"n\": 2}");
        inbox.delete(first.stream().map(MqttAlarmInbox.Message::id).toList());
        assertThat(inbox.oldest("c1", 10)).extracting(MqttAlarmInbox.Message::payload).containsExactly("告警 4");
        assertThat(inbox.oldest("c2", 10)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sequencesAndGapsRoundTrip(MigratedDatabase database) {
        DeviceSequences sequences = new DeviceSequences(database.deleteAllRows().jdbc());
        Instant detected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SequenceFilter first = new SequenceFilter(sequences.load("c1", List.of("A")));
        first.accept("A", 1, detected);
        first.accept("A", 5, detected);
        first.accept("A", 5, detected);
        database.transactions().executeWithoutResult(status -> sequences.save("c1", first.changedDevices()));

        Map<String, SequenceFilter.Device> stored = sequences.load("c1", List.of("A", "B"));

        assertThat(stored).containsOnlyKeys("A");
        assertThat(stored.get("A").lastSequence).isEqualTo(5);
        assertThat(stored.get("A").duplicates).isEqualTo(1);
        assertThat(stored.get("A").gaps).containsExactly(new SequenceFilter.Gap(2, 4, detected));

        SequenceFilter second = new SequenceFilter(stored);
        second.accept("A", 3, Instant.now());
        sequences.save("c1", second.changedDevices());
        List<DeviceSequences.GapView> gaps = sequences.gaps("c1", 0, 10);

        assertThat(gaps).extracting(gap -> gap.firstMissing() + "-" + gap.lastMissing())
                .containsExactlyInAnyOrder("2-2", "4-4");
        assertThat(gaps).allSatisfy(gap -> assertThat(gap.detectedAt()).isEqualTo(detected));
        assertThat(sequences.gaps("c1", 1, 10)).hasSize(1);
        assertThat(sequences.gaps("c2", 0, 10)).isEmpty();
    }
}
