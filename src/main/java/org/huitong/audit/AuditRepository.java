package org.huitong.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inserts into and searches the {@code audit_event} table. It has no update or delete method:
 * the table is append-only, and on PostgreSQL a trigger rejects changes.
 */
@Repository
public class AuditRepository {

    private static final String COLUMNS = "id, occurred_at, actor, actor_role, action, target_type, target_id,"
            + " department_code, outcome, reason, before_state, after_state, remote_address";

    private final NamedParameterJdbcTemplate jdbc;

    private final ObjectMapper json;

    public AuditRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts an event; its id and time are ignored, because the database assigns the id. */
    public void insert(AuditEvent event) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("at", JdbcTimestamps.toParameter(event.at()))
                .addValue("actor", event.actor())
                .addValue("actorRole", event.actorRole())
                .addValue("action", event.action())
                .addValue("targetType", event.targetType())
                .addValue("targetId", event.targetId())
                .addValue("department", event.departmentCode())
                .addValue("outcome", event.outcome())
                .addValue("reason", event.reason())
                .addValue("before", event.before() == null ? null : event.before().toString())
                .addValue("after", event.after() == null ? null : event.after().toString())
                .addValue("remoteAddress", event.remoteAddress());

        jdbc.update("INSERT INTO audit_event (occurred_at, actor, actor_role, action, target_type, target_id,"
                + " department_code, outcome, reason, before_state, after_state, remote_address) VALUES (:at,"
                + " :actor, :actorRole, :action, :targetType, :targetId, :department, :outcome, :reason,"
                + " :before, :after, :remoteAddress)", parameters);
    }

    /** Returns matching events, newest first. */
    public List<AuditEvent> find(AuditQuery query, int offset, int limit) {
        Paging.requireValid(offset, limit);
        MapSqlParameterSource parameters = parameters(query).addValue("offset", offset).addValue("limit", limit);

        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event" + where(query)
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset", parameters, (row, n) -> map(row));
    }

    public long count(AuditQuery query) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where(query),
                parameters(query), Long.class);
        return count == null ? 0 : count;
    }

    private static String where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("actor = :actor");
        }
        if (query.action() != null) {
            conditions.add("action = :action");
        }
        if (query.targetType() != null) {
            conditions.add("target_type = :targetType");
        }
        if (query.targetId() != null) {
            conditions.add("target_id = :targetId");
        }
        if (query.departmentCode() != null) {
            conditions.add("department_code = :department");
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static MapSqlParameterSource parameters(AuditQuery query) {
        return new MapSqlParameterSource()
                .addValue("actor", query.actor())
                .addValue("action", query.action())
                .addValue("targetType", query.targetType())
                .addValue("targetId", query.targetId())
                .addValue("department", query.departmentCode())
                .addValue("from", JdbcTimestamps.toParameter(query.from()))
                .addValue("to", JdbcTimestamps.toParameter(query.to()));
    }

    private AuditEvent map(ResultSet row) throws SQLException {
        Instant at = JdbcTimestamps.read(row, "occurred_at");
        return new AuditEvent(row.getLong("id"), at, row.getString("actor"), row.getString("actor_role"),
                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                row.getString("department_code"), row.getString("outcome"), row.getString("reason"),
                parse(row.getString("before_state")), parse(row.getString("after_state")),
                row.getString("remote_address"));
    }

    private JsonNode parse(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit_event contains an invalid JSON value", e);
        }
    }
}
