package org.huitong.connectors.sources.push;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huitong.jdbc.JdbcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of pushes, in table {@code push_idempotency_keys}. A push claims its key
 * before it is processed and stores its response afterwards, so a retry with the same key gets
 * that response back. A key expires {@code huitong.push.idempotency-key-ttl} (default one day)
 * after its push; a claim left without a response for {@code huitong.push.claim-timeout}
 * (default ten minutes), for example by a hub that stopped mid-push, may be taken over.
 */
@Component
public class PushIdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(PushIdempotencyStore.class);

    /** Attempts to claim a key that expired or was released meanwhile. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    /** The result of {@link #claim}. */
    sealed interface Claim {
    }

    /** The key is new: process the push, then {@link #complete} or {@link #release} it. */
    record Claimed() implements Claim {
    }

    /** The key was used for the same body: return the stored response. */
    record Replay(int httpStatus, String response) implements Claim {
    }

    /** The key was used for another body. */
    record Mismatch() implements Claim {
    }

    /** A push with the key is still being processed. */
    record InProgress() implements Claim {
    }

    private record Row(String bodySha256, Integer httpStatus, String response, Instant claimedAt,
                       Instant expiresAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration ttl;
    private final Duration claimTimeout;

    public PushIdempotencyStore(NamedParameterJdbcTemplate jdbc,
                                @Value("${huitong.push.idempotency-key-ttl:P1D}") Duration ttl,
                                @Value("${huitong.push.claim-timeout:PT10M}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.claimTimeout = claimTimeout;
    }

    /** Returns how long a key is remembered after its push. */
    public Duration ttl() {
        return ttl;
    }

    /** Claims the key for a push of the body with this SHA-256, or reports its earlier use. */
    Claim claim(String connectorId, String key, String bodySha256) {
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (insert(connectorId, key, bodySha256, now)) {
                return new Claimed();
            }
            Row row = find(connectorId, key);
            if (row == null) {
                continue;
            }
            if (row.expiresAt().isBefore(now)) {
                deleteExpired(connectorId, key, now);
                continue;
            }
            if (!row.bodySha256().equals(bodySha256)) {
                return new Mismatch();
            }
            if (row.httpStatus() != null) {
                return new Replay(row.httpStatus(), row.response());
            }
            if (row.claimedAt().plus(claimTimeout).isBefore(now) && takeOver(connectorId, key, row, now)) {
                log.warn("Connector {}: took over an idempotency key left unfinished since {}", connectorId,
                        row.claimedAt());
                return new Claimed();
            }
            return new InProgress();
        }
        return new InProgress();
    }

    /** Stores the response of a claimed push. */
    void complete(String connectorId, String key, int httpStatus, String response) {
        Instant now = Instant.now();
        jdbc.update("""
                UPDATE push_idempotency_keys SET http_status = :status, response = :response, expires_at = :expires
                WHERE connector_id = :connector AND idempotency_key = :key""",
                keyParameters(connectorId, key).addValue("status", httpStatus).addValue("response", response)
                        .addValue("expires", JdbcTimestamps.toParameter(now.plus(ttl))));
    }

    /** Forgets a claimed key whose push was not processed, so a retry is processed. */
    void release(String connectorId, String key) {
        jdbc.update("""
                DELETE FROM push_idempotency_keys
                WHERE connector_id = :connector AND idempotency_key = :key AND http_status IS NULL""",
                keyParameters(connectorId, key));
    }

    /** Deletes expired keys. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${huitong.push.purge-interval:PT10M}")
    public int purgeExpired() {
        int deleted = jdbc.update("DELETE FROM push_idempotency_keys WHERE expires_at < :now",
                new MapSqlParameterSource("now", JdbcTimestamps.now()));
        if (deleted > 0) {
            log.info("Deleted {} expired push idempotency keys", deleted);
        }
        return deleted;
    }

    private boolean insert(String connectorId, String key, String bodySha256, Instant now) {
        try {
            jdbc.update("""
                    INSERT INTO push_idempotency_keys
                        (connector_id, idempotency_key, body_sha256, claimed_at, expires_at)
                    VALUES (:connector, :key, :sha, :now, :expires)""",
                    keyParameters(connectorId, key).addValue("sha", bodySha256)
                            .addValue("now", JdbcTimestamps.toParameter(now))
                            .addValue("expires", JdbcTimestamps.toParameter(now.plus(ttl))));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Row find(String connectorId, String key) {
        List<Row> rows = jdbc.query("""
                SELECT body_sha256, http_status, response, claimed_at, expires_at FROM push_idempotency_keys
                WHERE connector_id = :connector AND idempotency_key = :key""",
                keyParameters(connectorId, key), (row, number) -> new Row(row.getString("body_sha256"),
                        (Integer) row.getObject("http_status", Integer.class), row.getString("response"),
                        JdbcTimestamps.read(row, "claimed_at"), JdbcTimestamps.read(row, "expires_at")));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void deleteExpired(String connectorId, String key, Instant now) {
        jdbc.update("""
                DELETE FROM push_idempotency_keys
                WHERE connector_id = :connector AND idempotency_key = :key AND expires_at < :now""",
                keyParameters(connectorId, key).addValue("now", JdbcTimestamps.toParameter(now)));
    }

    private boolean takeOver(String connectorId, String key, Row row, Instant now) {
        return jdbc.update("""
                UPDATE push_idempotency_keys SET claimed_at = :now, expires_at = :expires
                WHERE connector_id = :connector AND idempotency_key = :key AND http_status IS NULL
                  AND claimed_at = :claimed""",
                keyParameters(connectorId, key).addValue("now", JdbcTimestamps.toParameter(now))
                        .addValue("expires", JdbcTimestamps.toParameter(now.plus(ttl)))
                        .addValue("claimed", JdbcTimestamps.toParameter(row.claimedAt()))) == 1;
    }

    private static MapSqlParameterSource keyParameters(String connectorId, String key) {
        return new MapSqlParameterSource("connector", connectorId).addValue("key", key);
    }
}
