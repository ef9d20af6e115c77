package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceFilterTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void firstMessageOfDeviceAccepted() {
        SequenceFilter filter = new SequenceFilter(Map.of());

        assertThat(filter.accept("A", 42, NOW)).isTrue();
        assertThat(filter.changedDevices().get("A").lastSequence).isEqualTo(42);
        assertThat(filter.newGaps()).isEmpty();
    }

    @Test
    void repeatInSameBatchDropped() {
        SequenceFilter filter = new SequenceFilter(Map.of());

        assertThat(filter.accept("A", 1, NOW)).isTrue();
        assertThat(filter.accept("A", 1, NOW)).isFalse();
        assertThat(filter.duplicates()).isEqualTo(1);
        assertThat(filter.changedDevices().get("A").duplicates).isEqualTo(1);
    }

    @Test
    void repeatOfStoredSequenceDropped() {
        SequenceFilter filter = new SequenceFilter(Map.of("A", new SequenceFilter.Device(7, 3, List.of())));

        assertThat(filter.accept("A", 7, NOW)).isFalse();
        assertThat(filter.accept("A", 2, NOW)).isFalse();
        assertThat(filter.changedDevices().get("A").duplicates).isEqualTo(5);
    }

    @Test
    void jumpRecordsGap() {
        SequenceFilter filter = new SequenceFilter(Map.of("A", new SequenceFilter.Device(7, 0, List.of())));

        assertThat(filter.accept("A", 11, NOW)).isTrue();

        assertThat(filter.changedDevices().get("A").gaps).containsExactly(new SequenceFilter.Gap(8, 10, NOW));
        assertThat(filter.newGaps()).containsExactly("A 8-10");
    }

    @Test
    void lateMessageSplitsGap() {
        Instant detected = NOW.minusSeconds(60);
        SequenceFilter filter = new SequenceFilter(Map.of("A",
                new SequenceFilter.Device(20, 0, List.of(new SequenceFilter.Gap(10, 14, detected)))));

        assertThat(filter.accept("A", 12, NOW)).isTrue();

        assertThat(filter.changedDevices().get("A").gaps).containsExactly(
                new SequenceFilter.Gap(10, 11, detected), new SequenceFilter.Gap(13, 14, detected));
        assertThat(filter.changedDevices().get("A").lastSequence).isEqualTo(20);
    }

    @Test
    void lateMessagesCloseGap() {
        SequenceFilter filter = new SequenceFilter(Map.of("A",
                new SequenceFilter.Device(5, 0, List.of(new SequenceFilter.Gap(3, 4, NOW)))));

        assertThat(filter.accept("A", 3, NOW)).isTrue();
        assertThat(filter.accept("A", 4, NOW)).isTrue();
        assertThat(filter.accept("A", 4, NOW)).isFalse();

        assertThat(filter.changedDevices().get("A").gaps).isEmpty();
    }

    @Test
    void storedStateNotChanged() {
        SequenceFilter.Device stored = new SequenceFilter.Device(5, 0, List.of(new SequenceFilter.Gap(3, 4, NOW)));
        SequenceFilter filter = new SequenceFilter(Map.of("A", stored));

        filter.accept("A", 3, NOW);
        filter.accept("A", 9, NOW);

        assertThat(stored.lastSequence).isEqualTo(5);
        assertThat(stored.gaps).containsExactly(new SequenceFilter.Gap(3, 4, NOW));
    }

    @Test
    void devicesCountedSeparately() {
        SequenceFilter filter = new SequenceFilter(Map.of());

        assertThat(filter.accept("A", 1, NOW)).isTrue();
        assertThat(filter.accept("B", 1, NOW)).isTrue();
        assertThat(filter.accept("B", 3, NOW)).isTrue();

        assertThat(filter.newGaps()).containsExactly("B 2");
        assertThat(filter.changedDevices()).containsOnlyKeys("A", "B");
    }

    @Test
    void olderMessageOnFirstContactIsAccepted() {
        SequenceFilter filter = new SequenceFilter(Map.of());

        assertThat(filter.accept("A", 2, NOW)).isTrue();
        assertThat(filter.accept("A", 1, NOW)).isTrue();
        assertThat(filter.accept("A", 1, NOW)).isFalse();
        assertThat(filter.accept("A", 2, NOW)).isFalse();
        assertThat(filter.changedDevices().get("A").firstSequence).isEqualTo(1);
        assertThat(filter.duplicates()).isEqualTo(2);
    }

    @Test
    void olderMessageBelowAGapRecordsTheRangeBetween() {
        SequenceFilter filter = new SequenceFilter(Map.of());
        filter.accept("A", 10, NOW);

        assertThat(filter.accept("A", 6, NOW)).isTrue();

        assertThat(filter.newGaps()).containsExactly("A 7-9");
        assertThat(filter.accept("A", 8, NOW)).isTrue();
    }
}
