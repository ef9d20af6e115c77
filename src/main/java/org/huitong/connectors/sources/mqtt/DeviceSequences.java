package org.huitong.connectors.sources.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Device sequence numbers and their gaps, in {@code device_sequences} and {@code device_sequence_gaps}. */
@Repository
public class DeviceSequences {

    /** A range of sequence numbers that a device skipped and that has not arrived since. */
    public record GapView(String deviceId, long firstMissing, long lastMissing, long missing, Instant detectedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public DeviceSequences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the state of the given devices of a connector; devices never seen are absent. */
    Map<String, SequenceFilter.Device> load(String connectorId, Collection<String> deviceIds) {
        Map<String, SequenceFilter.Device> devices = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return devices;
        }
        MapSqlParameterSource where = new MapSqlParameterSource("connector", connectorId)
                .addValue("devices", deviceIds);
        Map<String, List<SequenceFilter.Gap>> gaps = new HashMap<>();
        jdbc.query("SELECT device_id, first_missing, last_missing, detected_at FROM device_sequence_gaps"
                + " WHERE connector_id = :connector AND device_id IN (:devices) ORDER BY first_missing", where,
                row -> {
                    gaps.computeIfAbsent(row.getString("device_id"), id -> new ArrayList<>())
                            .add(new SequenceFilter.Gap(row.getLong("first_missing"), row.getLong("last_missing"),
                                    JdbcTimestamps.read(row, "detected_at")));
                });
        jdbc.query("SELECT device_id, first_sequence, last_sequence, duplicates FROM device_sequences"
                + " WHERE connector_id = :connector AND device_id IN (:devices)", where,
                row -> {
                    String id = row.getString("device_id");
                    devices.put(id, new SequenceFilter.Device(row.getLong("first_sequence"),
                            row.getLong("last_sequence"), row.getLong("duplicates"), gaps.getOrDefault(id, List.of())));
                });
        return devices;
    }

    /** Stores the changed devices; call it in the transaction that deletes their messages. */
    void save(String connectorId, Map<String, SequenceFilter.Device> changed) {
        for (Map.Entry<String, SequenceFilter.Device> entry : changed.entrySet()) {
            SequenceFilter.Device device = entry.getValue();
            MapSqlParameterSource row = new MapSqlParameterSource("connector", connectorId)
                    .addValue("device", entry.getKey())
                    .addValue("first", device.firstSequence)
                    .addValue("last", device.lastSequence)
                    .addValue("duplicates", device.duplicates)
                    .addValue("now", JdbcTimestamps.now());
            int updated = jdbc.update("UPDATE device_sequences SET first_sequence = :first, last_sequence = :last,"
                    + " duplicates = :duplicates,"
                    + " updated_at = :now WHERE connector_id = :connector AND device_id = :device", row);
            if (updated == 0) {
                jdbc.update("INSERT INTO device_sequences (connector_id, device_id, first_sequence, last_sequence,"
                        + " duplicates, updated_at) VALUES (:connector, :device, :first, :last, :duplicates, :now)", row);
            }
            jdbc.update("DELETE FROM device_sequence_gaps WHERE connector_id = :connector AND device_id = :device",
                    row);
            for (SequenceFilter.Gap gap : device.gaps) {
                jdbc.update("INSERT INTO device_sequence_gaps (connector_id, device_id, first_missing, last_missing,"
                        + " detected_at) VALUES (:connector, :device, :first, :last, :detected)",
                        new MapSqlParameterSource("connector", connectorId)
                                .addValue("device", entry.getKey())
                                .addValue("first", gap.first())
                                .addValue("last", gap.last())
                                .addValue("detected", JdbcTimestamps.toParameter(gap.detectedAt())));
            }
        }
    }

    /** Lists a connector's open gaps, newest first. */
    public List<GapView> gaps(String connectorId, int offset, int limit) {
        return jdbc.query("SELECT device_id, first_missing, last_missing, detected_at FROM device_sequence_gaps"
                        + " WHERE connector_id = :connector ORDER BY detected_at DESC, device_id, first_missing"
                        + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
                Map.of("connector", connectorId),
                (row, n) -> new GapView(row.getString("device_id"), row.getLong("first_missing"),
                        row.getLong("last_missing"), row.getLong("last_missing") - row.getLong("first_missing") + 1,
                        JdbcTimestamps.read(row, "detected_at")));
    }
}
