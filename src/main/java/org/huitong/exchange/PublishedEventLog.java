package org.huitong.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.huitong.jdbc.JdbcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The log of published events in table {@code published_events}, which the REST catch-up feed
 * reads. {@link JmsExchangePublisher} appends each event with the exact text it sends, in the
 * caller's database transaction, and a scheduled purge deletes events older than
 * {@code huitong.exchange.event-log.retention} (default 90 days).
 *
 * <p>NOTE: {@code seq} is assigned at insert, but chunks of different connectors commit in any
 * order. A reader that has seen seq 101 may still see seq 100 appear a moment later, when the
 * chunk that inserted it commits. A feed that stores the last seq it returned can therefore skip
 * such an event. To avoid that, it has to re-read a short window behind its position or wait for
 * older transactions to finish.
 *
 * <p>If the database commit fails after the broker committed, the chunk is published again
 * later and the broker drops the repeated messages. The log then contains the second copy of
 * those events: the same id, subject and data, but the later {@code time}.
 */
@Component
public class PublishedEventLog {

    /** Most events one {@link #readAfter} call returns. */
    public static final int MAX_READ_LIMIT = 1_000;

    /**
     * How much older than its predecessor in seq order an event can be. A chunk reads the time
     * just before it inserts its events and gets their seq, so two chunks publishing at once can
     * interleave by that moment. A minute leaves a wide margin.
     */
    static final long ORDER_TOLERANCE_SECONDS = 60;

    /** Rows one purge statement deletes, so that no single transaction grows with the backlog. */
    static final int PURGE_BATCH_SIZE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PublishedEventLog.class);

    private static final String INSERT = """
            INSERT INTO published_events
                (event_id, record_type, subject, record_version, department, division, published_at, event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String COLUMNS =
            "seq, event_id, record_type, subject, record_version, department, division, published_at, event";

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    public PublishedEventLog(NamedParameterJdbcTemplate jdbc, ExchangeProperties properties,
                             ObjectProvider<Clock> clock) {
        this(jdbc, properties.getEventLog().getRetention(), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * @throws IllegalArgumentException if the retention is not positive
     */
    public PublishedEventLog(NamedParameterJdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("huitong.exchange.event-log.retention is " + retention
                    + "; set a positive duration such as 90d or P90D");
        }
    }

    /**
     * Appends the events of one publish call with a JDBC batch insert. Inside a transaction the
     * rows commit or roll back with it; without one, each row commits at once.
     */
    void append(List<PreparedEvent> events, Instant publishedAt) {
        OffsetDateTime time = JdbcTimestamps.toParameter(publishedAt);

        // Positional parameters, because named ones cost a map per row and a lookup per value on
        // the thread that publishes.
        jdbc.getJdbcOperations().batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            OutboundRecord record = event.record();
            statement.setString(1, event.id());
            statement.setString(2, record.recordType());
            statement.setString(3, record.businessKey());
            statement.setInt(4, record.version());
            statement.setString(5, record.department());
            statement.setString(6, event.division());
            statement.setObject(7, time);
            statement.setString(8, event.json());
        });
    }

    /**
     * Returns up to {@code limit} events of a record type with a seq greater than
     * {@code afterSeq}, in seq order. Pass 0 to read from the oldest kept event.
     *
     * @throws IllegalArgumentException if {@code limit} is not between 1 and
     *     {@value #MAX_READ_LIMIT}
     */
    public List<LoggedEvent> readAfter(String recordType, long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_READ_LIMIT) {
            throw new IllegalArgumentException("limit is " + limit + "; read between 1 and " + MAX_READ_LIMIT
                    + " events at a time");
        }
        // Ordering by both columns of the (record_type, seq) index lets H2 2.3 read the index in
        // order and stop at the limit. With ORDER BY seq alone it sorted every later event.
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM published_events
                WHERE record_type = :recordType AND seq > :afterSeq
                ORDER BY record_type, seq
                LIMIT :limit""",
                new MapSqlParameterSource("recordType", recordType).addValue("afterSeq", afterSeq)
                        .addValue("limit", limit),
                PublishedEventLog::loggedEvent);
    }

    /** Returns the greatest seq of a record type's events, or 0 if the log has none. */
    public long lastSeq(String recordType) {
        Long last = jdbc.queryForObject("SELECT MAX(seq) FROM published_events WHERE record_type = :recordType",
                new MapSqlParameterSource("recordType", recordType), Long.class);
        return last == null ? 0 : last;
    }

    /**
     * Returns the seq just before the {@code count} newest events of a record type up to
     * {@code upToSeq}, so that {@code readAfter(recordType, result, limit)} starts with the oldest
     * of them; 0 when the type has no more than {@code count} such events.
     *
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public long seqBeforeNewest(String recordType, int count, long upToSeq) {
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + "; ask for 1 or more events");
        }
        List<Long> oldest = jdbc.queryForList("""
                SELECT seq FROM published_events
                WHERE record_type = :recordType AND seq <= :upToSeq
                ORDER BY record_type DESC, seq DESC
                LIMIT 1 OFFSET :offset""",
                new MapSqlParameterSource("recordType", recordType).addValue("upToSeq", upToSeq)
                        .addValue("offset", count - 1),
                Long.class);
        return oldest.isEmpty() ? 0 : oldest.get(0) - 1;
    }

    /**
     * Returns the seq of the first event of a record type published at or after {@code time}. If
     * there is none, returns a seq greater than every event logged so far, so that
     * {@code readAfter(recordType, result - 1, limit)} returns only events published later.
     *
     * <p>A binary search over seq finds where events published {@value #ORDER_TOLERANCE_SECONDS}
     * seconds before {@code time} begin, and an index scan from there finds the exact event.
     */
    public long firstSeqAtOrAfter(String recordType, Instant time) {
        long from = searchSeq(time.minusSeconds(ORDER_TOLERANCE_SECONDS));
        List<Long> first = jdbc.queryForList("""
                SELECT seq FROM published_events
                WHERE record_type = :recordType AND seq >= :from AND published_at >= :time
                ORDER BY record_type, seq
                LIMIT 1""",
                new MapSqlParameterSource("recordType", recordType).addValue("from", from)
                        .addValue("time", JdbcTimestamps.toParameter(time)),
                Long.class);
        if (!first.isEmpty()) {
            return first.get(0);
        }
        Long last = jdbc.getJdbcOperations().queryForObject("SELECT MAX(seq) FROM published_events", Long.class);
        return last == null ? 1 : last + 1;
    }

    /**
     * Returns the smallest seq from which on every event was published at or after {@code time},
     * by binary search over the primary key, or one more than the greatest seq if no event was.
     * Publication times grow with seq, except where two chunks published at once interleave.
     * Callers allow {@value #ORDER_TOLERANCE_SECONDS} seconds for that.
     */
    private long searchSeq(Instant time) {
        Map<String, Object> range = jdbc.getJdbcOperations().queryForMap(
                "SELECT MIN(seq) AS low, MAX(seq) AS high FROM published_events");
        if (range.get("low") == null) {
            return 1;
        }
        long low = ((Number) range.get("low")).longValue();
        long high = ((Number) range.get("high")).longValue();
        long found = high + 1;
        while (low <= high) {
            long middle = low + (high - low) / 2;
            Position next = jdbc.queryForObject(
                    "SELECT seq, published_at FROM published_events WHERE seq >= :middle ORDER BY seq LIMIT 1",
                    new MapSqlParameterSource("middle", middle),
                    (row, number) -> new Position(row.getLong("seq"), JdbcTimestamps.read(row, "published_at")));
            if (next.publishedAt().isBefore(time)) {
                low = next.seq() + 1;
            } else {
                found = next.seq();
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * Deletes events published before the retention period, {@value #PURGE_BATCH_SIZE} rows per
     * statement, and returns how many it deleted. A binary search over seq bounds the rows each
     * statement examines.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${huitong.exchange.event-log.purge-interval:PT1H}")
    public long purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        long end = searchSeq(cutoff.plusSeconds(ORDER_TOLERANCE_SECONDS));
        MapSqlParameterSource parameters = new MapSqlParameterSource("cutoff", JdbcTimestamps.toParameter(cutoff))
                .addValue("end", end)
                .addValue("limit", PURGE_BATCH_SIZE);
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM published_events WHERE seq IN (
                        SELECT seq FROM published_events WHERE seq < :end AND published_at < :cutoff
                        ORDER BY seq LIMIT :limit)""",
                    parameters);
            total += deleted;
        } while (deleted == PURGE_BATCH_SIZE);

        log.info("Deleted {} published events older than {} (retention {})", total, cutoff, retention);
        return total;
    }

    /** An event's seq and publication time. */
    private record Position(long seq, Instant publishedAt) {
    }

    private static LoggedEvent loggedEvent(ResultSet row, int rowNumber) throws SQLException {
        return new LoggedEvent(row.getLong("seq"), row.getString("event_id"), row.getString("record_type"),
                row.getString("subject"), row.getInt("record_version"), row.getString("department"),
                row.getString("division"), JdbcTimestamps.read(row, "published_at"), row.getString("event"));
    }
}
