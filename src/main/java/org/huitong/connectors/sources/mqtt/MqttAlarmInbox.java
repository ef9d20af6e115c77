package org.huitong.connectors.sources.mqtt;

import java.util.List;
import java.util.Map;
import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Messages received from MQTT brokers and not yet processed, in the {@code mqtt_alarm_inbox} table. */
@Repository
public class MqttAlarmInbox {

    /** One stored message, in the order it was received. */
    public record Message(long id, String topic, String payload, java.time.Instant receivedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public MqttAlarmInbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message; it commits before the method returns, so the caller may acknowledge it. */
    public void add(String connectorId, String topic, String payload) {
        jdbc.update("INSERT INTO mqtt_alarm_inbox (connector_id, topic, payload, received_at)"
                        + " VALUES (:connector, :topic, :payload, :receivedAt)",
                new MapSqlParameterSource()
                        .addValue("connector", connectorId)
                        .addValue("topic", topic)
                        .addValue("payload", payload)
                        .addValue("receivedAt", JdbcTimestamps.now()));
    }

    /** Returns up to {@code limit} of the connector's oldest messages, oldest first. */
    public List<Message> oldest(String connectorId, int limit) {
        return jdbc.query("SELECT id, topic, payload, received_at FROM mqtt_alarm_inbox"
                        + " WHERE connector_id = :connector ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                Map.of("connector", connectorId),
                (row, n) -> new Message(row.getLong("id"), row.getString("topic"), row.getString("payload"),
                        JdbcTimestamps.read(row, "received_at")));
    }

    /** Deletes processed messages; call it in the transaction that records their sequences. */
    public void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("DELETE FROM mqtt_alarm_inbox WHERE id IN (:ids)", Map.of("ids", ids));
        }
    }
}
