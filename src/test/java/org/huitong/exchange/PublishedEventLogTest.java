package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published-event log's append, reads and purge on H2 and PostgreSQL. */
class PublishedEventLogTest extends BothDatabasesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private static PublishedEventLog log(MigratedDatabase database) {
        return new PublishedEventLog(database.deleteAllRows().jdbc(), RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<PreparedEvent> events(String recordType, int first, int count, Instant time) {
        List<PreparedEvent> events = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            OutboundRecord record = record(recordType, "key-" + i + "|兰州𠮷", i % 2 == 0 ? "620102" : null);
            events.add(PreparedEvent.of(record, time));
        }
        return events;
    }

    private static OutboundRecord record(String recordType, String key, String division) {
        String divisionField = division == null ? "" : ", \"divisionCode\": \"" + division + "\"";
        return new OutboundRecord(recordType, "urn:huitong:schema:" + recordType + ":1", key, 2, "0".repeat(64),
                TestRecords.json("{\"name\": \"张三\", \"amount\": 0.00000010" + divisionField + "}"),
                "lz-mz", "mz-elders", 9L, "elders.csv", 3, 3);
    }

    private static void append(MigratedDatabase database, PublishedEventLog log, List<PreparedEvent> events,
                               Instant time) {
        database.transactions().executeWithoutResult(status -> log.append(events, time));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void appendedEventsReadBackExactly(MigratedDatabase database) {
        PublishedEventLog log = log(database);
        List<PreparedEvent> events = events("elder.person", 1, 3, NOW);

        append(database, log, events, NOW);
        List<LoggedEvent> read = log.readAfter("elder.person", 0, 10);

        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            PreparedEvent sent = events.get(i);
            LoggedEvent logged = read.get(i);
            assertThat(logged.event()).isEqualTo(sent.json());
            assertThat(logged.eventId()).isEqualTo(sent.id());
            assertThat(logged.subject()).isEqualTo(sent.record().businessKey());
            assertThat(logged.recordType()).isEqualTo("elder.person");
            assertThat(logged.recordVersion()).isEqualTo(2);
            assertThat(logged.department()).isEqualTo("lz-mz");
            assertThat(logged.publishedAt()).isEqualTo(NOW);
        }
        assertThat(read.get(0).division()).isNull();
        assertThat(read.get(1).division()).isEqualTo("620102");
        assertThat(read.get(0).seq()).isLessThan(read.get(1).seq());
        assertThat(read.get(1).seq()).isLessThan(read.get(2).seq());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rolledBackAppendLeavesNothing(MigratedDatabase database) {
        PublishedEventLog log = log(database);

        database.transactions().executeWithoutResult(status -> {
            log.append(events("elder.person", 1, 3, NOW), NOW);
            status.setRollbackOnly();
        });

        assertThat(log.readAfter("elder.person", 0, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readAfterPagesByRecordType(MigratedDatabase database) {
        PublishedEventLog log = log(database);
        append(database, log, events("elder.person", 1, 3, NOW), NOW);
        append(database, log, events("credit.license", 1, 2, NOW), NOW);
        append(database, log, events("elder.person", 4, 2, NOW), NOW);

        List<LoggedEvent> firstPage = log.readAfter("elder.person", 0, 2);
        List<LoggedEvent> secondPage = log.readAfter("elder.person", firstPage.get(1).seq(), 2);
        List<LoggedEvent> lastPage = log.readAfter("elder.person", secondPage.get(1).seq(), 2);

        assertThat(firstPage).extracting(LoggedEvent::subject).containsExactly("key-1|兰州𠮷", "key-2|兰州𠮷");
        assertThat(secondPage).extracting(LoggedEvent::subject).containsExactly("key-3|兰州𠮷", "key-4|兰州𠮷");
        assertThat(lastPage).extracting(LoggedEvent::subject).containsExactly("key-5|兰州𠮷");
        assertThat(log.readAfter("elder.person", lastPage.get(0).seq(), 2)).isEmpty();
        assertThat(log.readAfter("credit.license", 0, 10)).hasSize(2);
        assertThat(log.readAfter("elder.service", 0, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readLimitChecked(MigratedDatabase database) {
        PublishedEventLog log = log(database);

        assertThatThrownBy(() -> log.readAfter("elder.person", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> log.readAfter("elder.person", 0, PublishedEventLog.MAX_READ_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void newestEventsOfOneTypeUpToAPosition(MigratedDatabase database) {
        PublishedEventLog log = log(database);
        assertThat(log.lastSeq("elder.person")).isZero();
        assertThat(log.seqBeforeNewest("elder.person", 3, Long.MAX_VALUE)).isZero();

        append(database, log, events("elder.person", 1, 4, NOW), NOW);
        append(database, log, events("elder.service", 1, 2, NOW), NOW);
        append(database, log, events("elder.person", 5, 2, NOW), NOW);
        List<Long> persons = log.readAfter("elder.person", 0, 10).stream().map(LoggedEvent::seq).toList();
        long lastPerson = persons.get(persons.size() - 1);
        assertThat(log.lastSeq("elder.person")).isEqualTo(lastPerson);

        // The 3 newest persons are the last three; the services in between do not count.
        long after = log.seqBeforeNewest("elder.person", 3, lastPerson);
        assertThat(log.readAfter("elder.person", after, 10)).extracting(LoggedEvent::seq)
                .containsExactlyElementsOf(persons.subList(3, 6));
        // Up to the fourth person: persons 2 to 4.
        after = log.seqBeforeNewest("elder.person", 3, persons.get(3));
        assertThat(log.readAfter("elder.person", after, 3)).extracting(LoggedEvent::seq)
                .containsExactlyElementsOf(persons.subList(1, 4));
        // More than the log has: from the start.
        assertThat(log.seqBeforeNewest("elder.person", 100, lastPerson)).isZero();
        assertThatThrownBy(() -> log.seqBeforeNewest("elder.person", 0, lastPerson))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count is 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void firstSeqAtOrAfterTime(MigratedDatabase database) {
        PublishedEventLog log = log(database);
        Instant morning = NOW.minus(Duration.ofHours(2));
        Instant noon = NOW.minus(Duration.ofHours(1));
        append(database, log, events("elder.person", 1, 2, morning), morning);
        append(database, log, events("credit.license", 1, 1, noon), noon);
        append(database, log, events("elder.person", 3, 2, noon), noon);
        List<LoggedEvent> all = log.readAfter("elder.person", 0, 10);
        long lastSeq = log.readAfter("elder.person", all.get(3).seq() - 1, 1).get(0).seq();

        assertThat(log.firstSeqAtOrAfter("elder.person", morning.minusSeconds(1))).isEqualTo(all.get(0).seq());
        assertThat(log.firstSeqAtOrAfter("elder.person", morning)).isEqualTo(all.get(0).seq());
        assertThat(log.firstSeqAtOrAfter("elder.person", morning.plusNanos(1000))).isEqualTo(all.get(2).seq());
        assertThat(log.firstSeqAtOrAfter("elder.person", noon)).isEqualTo(all.get(2).seq());
        long afterEverything = log.firstSeqAtOrAfter("elder.person", NOW);
        assertThat(afterEverything).isGreaterThan(lastSeq);
        assertThat(log.readAfter("elder.person", afterEverything - 1, 10)).isEmpty();

        append(database, log, events("elder.person", 5, 1, NOW), NOW);
        assertThat(log.readAfter("elder.person", afterEverything - 1, 10)).extracting(LoggedEvent::subject)
                .containsExactly("key-5|兰州𠮷");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void firstSeqOfEmptyLogIsOne(MigratedDatabase database) {
        assertThat(log(database).firstSeqAtOrAfter("elder.person", NOW)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void purgeDeletesOnlyExpiredEventsInBatches(MigratedDatabase database) {
        PublishedEventLog log = log(database);
        Instant expired = NOW.minus(RETENTION).minusSeconds(1);
        Instant kept = NOW.minus(RETENTION).plusSeconds(1);
        int expiredCount = PublishedEventLog.PURGE_BATCH_SIZE + 5;
        append(database, log, events("elder.person", 1, expiredCount, expired), expired);
        append(database, log, events("elder.person", expiredCount + 1, 3, kept), kept);

        long deleted = log.purgeExpired();

        assertThat(deleted).isEqualTo(expiredCount);
        assertThat(log.readAfter("elder.person", 0, 10)).extracting(LoggedEvent::publishedAt)
                .containsExactly(kept, kept, kept);
        assertThat(log.purgeExpired()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nonPositiveRetentionRejected(MigratedDatabase database) {
        assertThatThrownBy(() -> new PublishedEventLog(database.jdbc(), Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huitong.exchange.event-log.retention");
    }
}
