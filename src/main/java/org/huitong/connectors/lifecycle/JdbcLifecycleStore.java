package org.huitong.connectors.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huitong.connectors.ConnectorState;
import org.huitong.i18n.LocalizedText;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores the state each connector was asked to be in ({@code connector_controls}) and every
 * state change ({@code connector_state_changes}).
 */
@Repository
public class JdbcLifecycleStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcLifecycleStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The state a person asked a connector to be in, who asked and when. */
    public record Control(DesiredState state, String changedBy, java.time.Instant changedAt) {
    }

    /** Returns the control of every connector that has one; connectors without one run. */
    public Map<String, Control> controls() {
        Map<String, Control> controls = new HashMap<>();
        jdbc.query("SELECT connector_id, desired_state, changed_by, changed_at FROM connector_controls", row -> {
            controls.put(row.getString("connector_id"), new Control(
                    DesiredState.valueOf(row.getString("desired_state")), row.getString("changed_by"),
                    JdbcTimestamps.read(row, "changed_at")));
        });
        return controls;
    }

    public void setDesiredState(String connectorId, DesiredState state, String actor) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", connectorId)
                .addValue("state", state.name())
                .addValue("now", JdbcTimestamps.now())
                .addValue("actor", actor);
        int updated = jdbc.update("UPDATE connector_controls SET desired_state = :state, changed_at = :now,"
                + " changed_by = :actor WHERE connector_id = :id", parameters);
        if (updated == 0) {
            jdbc.update("INSERT INTO connector_controls (connector_id, desired_state, changed_at, changed_by)"
                    + " VALUES (:id, :state, :now, :actor)", parameters);
        }
    }

    public void clearDesiredState(String connectorId) {
        jdbc.update("DELETE FROM connector_controls WHERE connector_id = :id",
                new MapSqlParameterSource("id", connectorId));
    }

    public void recordChange(String connectorId, ConnectorState from, ConnectorState to,
                             LocalizedText reason, String actor) {
        jdbc.update("INSERT INTO connector_state_changes (connector_id, changed_at, from_state, to_state,"
                        + " reason_zh, reason_en, actor) VALUES (:id, :now, :from, :to, :zh, :en, :actor)",
                new MapSqlParameterSource("id", connectorId)
                        .addValue("now", JdbcTimestamps.now())
                        .addValue("from", from == null ? null : from.name())
                        .addValue("to", to.name())
                        .addValue("zh", reason == null ? null : reason.zh())
                        .addValue("en", reason == null ? null : reason.en())
                        .addValue("actor", actor));
    }

    /** Returns a connector's state changes, newest first. */
    public List<StateChange> history(String connectorId, int offset, int limit) {
        Paging.requireValid(offset, limit);
        return jdbc.query("SELECT id, connector_id, changed_at, from_state, to_state, reason_zh, reason_en,"
                        + " actor FROM connector_state_changes WHERE connector_id = :id ORDER BY id DESC"
                        + " LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("id", connectorId).addValue("limit", limit).addValue("offset", offset),
                JdbcLifecycleStore::map);
    }

    /** Returns the newest recorded state change of every connector. */
    public Map<String, StateChange> latest() {
        Map<String, StateChange> latest = new HashMap<>();
        jdbc.query("SELECT c.id, c.connector_id, c.changed_at, c.from_state, c.to_state, c.reason_zh,"
                + " c.reason_en, c.actor FROM connector_state_changes c JOIN (SELECT connector_id,"
                + " MAX(id) AS id FROM connector_state_changes GROUP BY connector_id) m ON m.id = c.id",
                (ResultSet row) -> {
                    StateChange change = map(row, 0);
                    latest.put(change.connectorId(), change);
                });
        return latest;
    }

    private static StateChange map(ResultSet row, int rowNumber) throws SQLException {
        String from = row.getString("from_state");
        return new StateChange(row.getLong("id"), row.getString("connector_id"),
                JdbcTimestamps.read(row, "changed_at"), from == null ? null : ConnectorState.valueOf(from),
                ConnectorState.valueOf(row.getString("to_state")), row.getString("reason_zh"),
                row.getString("reason_en"), row.getString("actor"));
    }
}
