package org.huitong.security.apikeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.huitong.security.HubRole;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores API keys in the {@code api_key} table; the key hash never leaves this class. */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS = "id, name, key_prefix, role, department_code, created_by, created_at,"
            + " last_used_at, expires_at, revoked_at, subscriber_id";

    private final NamedParameterJdbcTemplate jdbc;

    public ApiKeyRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a key and returns its id. */
    public long insert(String name, String keyPrefix, String keyHash, HubRole role, String departmentCode,
                       String createdBy, Instant expiresAt) {
        return insert(name, keyPrefix, keyHash, role, departmentCode, null, createdBy, expiresAt);
    }

    /** Inserts a key of a subscribing system, or of a hub user when {@code subscriberId} is null. */
    public long insert(String name, String keyPrefix, String keyHash, HubRole role, String departmentCode,
                       String subscriberId, String createdBy, Instant expiresAt) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("name", name)
                .addValue("subscriber", subscriberId)
                .addValue("prefix", keyPrefix)
                .addValue("hash", keyHash)
                .addValue("role", role.name())
                .addValue("department", departmentCode)
                .addValue("createdBy", createdBy)
                .addValue("now", JdbcTimestamps.now())
                .addValue("expiresAt", JdbcTimestamps.toParameter(expiresAt));
        KeyHolder keyHolder = new GeneratedKeyHolder();

        jdbc.update("INSERT INTO api_key (name, key_prefix, key_hash, role, department_code, subscriber_id,"
                + " created_by, created_at, expires_at)"
                + " VALUES (:name, :prefix, :hash, :role, :department, :subscriber, :createdBy, :now, :expiresAt)",
                parameters, keyHolder, new String[] {"id"});
        return keyHolder.getKeyAs(Long.class);
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE id = :id", new MapSqlParameterSource("id", id),
                (row, n) -> map(row)).stream().findFirst();
    }

    /**
     * Finds the key with this SHA-256 hash. The lookup compares hashes, not keys, so its timing
     * reveals nothing about the stored keys.
     */
    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash",
                new MapSqlParameterSource("hash", keyHash), (row, n) -> map(row)).stream().findFirst();
    }

    /** Returns keys newest first, of one department or, with a null department, of all. */
    public List<ApiKey> find(String departmentCode, int offset, int limit) {
        Paging.requireValid(offset, limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key" + where(departmentCode)
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("department", departmentCode).addValue("limit", limit)
                        .addValue("offset", offset), (row, n) -> map(row));
    }

    public long count(String departmentCode) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM api_key" + where(departmentCode),
                new MapSqlParameterSource("department", departmentCode), Long.class);
        return count == null ? 0 : count;
    }

    /** Revokes every key of a subscriber that is not revoked yet and returns how many. */
    public int revokeForSubscriber(String subscriberId) {
        return jdbc.update("UPDATE api_key SET revoked_at = :now WHERE subscriber_id = :subscriber"
                + " AND revoked_at IS NULL",
                new MapSqlParameterSource("subscriber", subscriberId).addValue("now", JdbcTimestamps.now()));
    }

    /** Revokes a key unless it already is; returns false if it was revoked before. */
    public boolean revoke(long id) {
        return jdbc.update("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("now", JdbcTimestamps.now())) == 1;
    }

    /**
     * Records a use of the key, at most once per minute, so that busy keys do not write a row
     * on every request.
     */
    public void markUsed(long id, Instant now) {
        jdbc.update("UPDATE api_key SET last_used_at = :now WHERE id = :id"
                + " AND (last_used_at IS NULL OR last_used_at < :staleBefore)",
                new MapSqlParameterSource("id", id)
                        .addValue("now", JdbcTimestamps.toParameter(now))
                        .addValue("staleBefore", JdbcTimestamps.toParameter(now.minusSeconds(60))));
    }

    private static String where(String departmentCode) {
        return departmentCode == null ? "" : " WHERE department_code = :department";
    }

    private static ApiKey map(ResultSet row) throws SQLException {
        return new ApiKey(row.getLong("id"), row.getString("name"), row.getString("key_prefix"),
                HubRole.valueOf(row.getString("role")), row.getString("department_code"),
                row.getString("created_by"), JdbcTimestamps.read(row, "created_at"),
                JdbcTimestamps.read(row, "last_used_at"), JdbcTimestamps.read(row, "expires_at"),
                JdbcTimestamps.read(row, "revoked_at"), row.getString("subscriber_id"));
    }
}
