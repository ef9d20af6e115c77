package org.huitong.records;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Compares a full snapshot of a source with the record store: the business keys that a snapshot
 * batch read go into {@code snapshot_keys}, and afterwards the connector's live records that are
 * not among them are the ones the source no longer has.
 */
@Repository
public class SnapshotRecords {

    /** The content hash of a stored record that was deleted. A record read again is new content. */
    public static final String DELETED_HASH = "deleted";

    private final NamedParameterJdbcTemplate jdbc;

    public SnapshotRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A live record of the store that a snapshot did not contain. */
    public record Missing(String businessKey, int version, String payload) {
    }

    /** Remembers business keys read by the snapshot batch; joins the caller's transaction. */
    public void rememberKeys(long batchId, Collection<String> businessKeys) {
        SqlParameterSource[] rows = businessKeys.stream()
                .map(key -> new MapSqlParameterSource("batchId", batchId).addValue("key", key))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO snapshot_keys (batch_id, business_key) VALUES (:batchId, :key)", rows);
    }

    /**
     * Returns up to {@code limit} live records of the record type, last stored by the connector,
     * whose keys the batch did not read, in business-key order.
     */
    public List<Missing> findMissing(String recordType, String connectorId, long batchId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("type", recordType)
                .addValue("connector", connectorId)
                .addValue("batchId", batchId)
                .addValue("deleted", DELETED_HASH)
                .addValue("limit", limit);
        return jdbc.query("SELECT business_key, version, payload FROM stored_records s"
                + " WHERE s.connector_id = :connector AND s.record_type = :type AND s.content_hash <> :deleted"
                + " AND NOT EXISTS (SELECT 1 FROM snapshot_keys k"
                + " WHERE k.batch_id = :batchId AND k.business_key = s.business_key)"
                + " ORDER BY s.business_key LIMIT :limit", parameters,
                (row, number) -> new Missing(row.getString("business_key"), row.getInt("version"),
                        row.getString("payload")));
    }

    /** Deletes the keys the batch remembered. */
    public void forgetKeys(long batchId) {
        jdbc.update("DELETE FROM snapshot_keys WHERE batch_id = :batchId", new MapSqlParameterSource("batchId", batchId));
    }
}
