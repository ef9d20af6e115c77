package org.huitong.connectors.sources.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Watermarks of incremental database sources, in the hub database. {@link #save} joins the
 * caller's transaction, so a watermark commits together with the chunk of records it covers.
 */
@Component
public class WatermarkStore {

    private final JdbcTemplate jdbc;

    public WatermarkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Watermark> find(String connectorId) {
        List<Watermark> found = jdbc.query("SELECT timestamp_value, timestamp_type, key_value, key_type"
                        + " FROM source_watermarks WHERE connector_id = ?",
                (row, number) -> new Watermark(
                        Watermark.decode(row.getString(1), row.getString(2)),
                        Watermark.decode(row.getString(3), row.getString(4))),
                connectorId);
        return found.stream().findFirst();
    }

    public void save(String connectorId, Watermark watermark, long batchId) {
        String timestamp = Watermark.encode(watermark.timestamp());
        String timestampType = Watermark.typeOf(watermark.timestamp());
        String key = Watermark.encode(watermark.key());
        String keyType = Watermark.typeOf(watermark.key());
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("UPDATE source_watermarks SET timestamp_value = ?, timestamp_type = ?,"
                        + " key_value = ?, key_type = ?, updated_at = ?, batch_id = ? WHERE connector_id = ?",
                timestamp, timestampType, key, keyType, now, batchId, connectorId);
        if (updated == 0) {
            jdbc.update("INSERT INTO source_watermarks (connector_id, timestamp_value, timestamp_type,"
                            + " key_value, key_type, updated_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    connectorId, timestamp, timestampType, key, keyType, now, batchId);
        }
    }

    /** Forgets the watermark, so the next poll reads the whole table again. */
    public void delete(String connectorId) {
        jdbc.update("DELETE FROM source_watermarks WHERE connector_id = ?", connectorId);
    }
}
