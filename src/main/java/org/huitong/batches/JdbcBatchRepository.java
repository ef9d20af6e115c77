package org.huitong.batches;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huitong.i18n.LocalizedText;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores batches in the {@code batches} table through JDBC. */
@Repository
public class JdbcBatchRepository implements BatchRepository {

    private static final String COLUMNS = "id, connector_id, source_file, file_sha256, file_size, status,"
            + " read_count, published_count, unchanged_count, quarantined_count, deleted_count, started_at,"
            + " finished_at, error_code, error_message_zh, error_message_en";

    private static final RowMapper<Batch> BATCH_MAPPER = JdbcBatchRepository::mapBatch;

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcBatchRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long start(String connectorId, String sourceFile, String fileSha256, long fileSize) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("connectorId", Objects.requireNonNull(connectorId, "connectorId"))
                .addValue("sourceFile", Objects.requireNonNull(sourceFile, "sourceFile"))
                .addValue("fileSha256", Objects.requireNonNull(fileSha256, "fileSha256"))
                .addValue("fileSize", fileSize)
                .addValue("status", BatchStatus.RUNNING.name())
                .addValue("startedAt", JdbcTimestamps.now());
        KeyHolder keyHolder = new GeneratedKeyHolder();

        jdbc.update("INSERT INTO batches (connector_id, source_file, file_sha256, file_size, status,"
                + " started_at) VALUES (:connectorId, :sourceFile, :fileSha256, :fileSize, :status, :startedAt)",
                parameters, keyHolder, new String[] {"id"});

        return Objects.requireNonNull(keyHolder.getKeyAs(Long.class), "generated batch id");
    }

    @Override
    public void addCounts(long batchId, long read, long published, long unchanged, long quarantined) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("id", batchId)
                .addValue("read", read)
                .addValue("published", published)
                .addValue("unchanged", unchanged)
                .addValue("quarantined", quarantined);

        int updated = jdbc.update("UPDATE batches SET read_count = read_count + :read,"
                + " published_count = published_count + :published,"
                + " unchanged_count = unchanged_count + :unchanged,"
                + " quarantined_count = quarantined_count + :quarantined WHERE id = :id", parameters);

        requireUpdated(batchId, updated);
    }

    @Override
    public void addDeleted(long batchId, long deleted) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", batchId).addValue("deleted", deleted);
        int updated = jdbc.update("UPDATE batches SET deleted_count = deleted_count + :deleted WHERE id = :id",
                parameters);
        requireUpdated(batchId, updated);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code status} is {@code RUNNING}, which is not a final status
     */
    @Override
    public void finish(long batchId, BatchStatus status, String errorCode, LocalizedText error) {
        if (Objects.requireNonNull(status, "status") == BatchStatus.RUNNING) {
            throw new IllegalArgumentException("Batch " + batchId + " cannot finish as RUNNING."
                    + " Use a final status such as COMPLETED or FAILED.");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("id", batchId)
                .addValue("status", status.name())
                .addValue("finishedAt", JdbcTimestamps.now())
                .addValue("errorCode", errorCode)
                .addValue("errorZh", error == null ? null : error.zh())
                .addValue("errorEn", error == null ? null : error.en());

        int updated = jdbc.update("UPDATE batches SET status = :status, finished_at = :finishedAt,"
                + " error_code = :errorCode, error_message_zh = :errorZh, error_message_en = :errorEn"
                + " WHERE id = :id", parameters);

        requireUpdated(batchId, updated);
    }

    @Override
    public Optional<Batch> findById(long batchId) {
        List<Batch> found = jdbc.query("SELECT " + COLUMNS + " FROM batches WHERE id = :id",
                Map.of("id", batchId), BATCH_MAPPER);
        return found.stream().findFirst();
    }

    @Override
    public List<Batch> find(String connectorId, int offset, int limit) {
        return find(connectorId, null, offset, limit);
    }

    @Override
    public List<Batch> find(String connectorId, String departmentCode, int offset, int limit) {
        Paging.requireValid(offset, limit);
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("connectorId", connectorId)
                .addValue("departmentCode", departmentCode)
                .addValue("offset", offset)
                .addValue("limit", limit);
        List<String> conditions = new java.util.ArrayList<>();
        if (connectorId != null) {
            conditions.add("connector_id = :connectorId");
        }
        if (departmentCode != null) {
            conditions.add("connector_id IN (SELECT connector_id FROM connector_departments WHERE department_code = :departmentCode)");
        }
        String filter = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        return jdbc.query("SELECT " + COLUMNS + " FROM batches" + filter
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset", parameters, BATCH_MAPPER);
    }

    /** {@inheritDoc} The map iterates in connector id order. */
    @Override
    public Map<String, Batch> latestByConnector() {
        List<Batch> latest = jdbc.query("SELECT " + COLUMNS + " FROM batches"
                + " WHERE id IN (SELECT MAX(id) FROM batches GROUP BY connector_id)"
                + " ORDER BY connector_id", BATCH_MAPPER);

        Map<String, Batch> byConnector = new LinkedHashMap<>();
        for (Batch batch : latest) {
            byConnector.put(batch.connectorId(), batch);
        }
        return byConnector;
    }

    /** {@inheritDoc} Their finish time is set to the current time. */
    @Override
    public int markRunningInterrupted() {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("interrupted", BatchStatus.INTERRUPTED.name())
                .addValue("running", BatchStatus.RUNNING.name())
                .addValue("finishedAt", JdbcTimestamps.now());

        return jdbc.update("UPDATE batches SET status = :interrupted, finished_at = :finishedAt"
                + " WHERE status = :running", parameters);
    }

    private static void requireUpdated(long batchId, int updatedRows) {
        if (updatedRows == 0) {
            throw new EmptyResultDataAccessException("Batch " + batchId + " not found", 1);
        }
    }

    private static Batch mapBatch(ResultSet row, int rowNumber) throws SQLException {
        return new Batch(
                row.getLong("id"),
                row.getString("connector_id"),
                row.getString("source_file"),
                row.getString("file_sha256"),
                row.getLong("file_size"),
                BatchStatus.valueOf(row.getString("status")),
                row.getLong("read_count"),
                row.getLong("published_count"),
                row.getLong("unchanged_count"),
                row.getLong("quarantined_count"),
                row.getLong("deleted_count"),
                JdbcTimestamps.read(row, "started_at"),
                JdbcTimestamps.read(row, "finished_at"),
                row.getString("error_code"),
                row.getString("error_message_zh"),
                row.getString("error_message_en"));
    }
}
