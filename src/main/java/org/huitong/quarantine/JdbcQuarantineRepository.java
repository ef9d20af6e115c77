package org.huitong.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.huitong.pipeline.Violation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores quarantined records in {@code quarantined_records}, with raw values as a JSON object and
 * violations as rows of {@code quarantine_violations}.
 */
@Repository
public class JdbcQuarantineRepository implements QuarantineRepository {

    private final NamedParameterJdbcTemplate jdbc;

    private final ViolationTable violations;

    public JdbcQuarantineRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.violations = new ViolationTable(jdbc);
    }

    /**
     * {@inheritDoc} Records and violations are inserted as two JDBC batches. The returned ids are
     * not written back because {@link QuarantinedRecord} is immutable. A {@code null}
     * {@code createdAt} is stored as the current time.
     */
    @Override
    public void saveAll(List<QuarantinedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Instant now = JdbcTimestamps.now().toInstant();
        SqlParameterSource[] rows = records.stream()
                .map(record -> parameters(record, now))
                .toArray(SqlParameterSource[]::new);
        KeyHolder keyHolder = new GeneratedKeyHolder();

        jdbc.batchUpdate("INSERT INTO quarantined_records (batch_id, connector_id, record_type, source_file,"
                + " record_number, first_line, last_line, raw_values, created_at) VALUES (:batchId,"
                + " :connectorId, :recordType, :sourceFile, :recordNumber, :firstLine, :lastLine,"
                + " :rawValues, :createdAt)", rows, keyHolder, new String[] {"id"});

        violations.insert(generatedIds(keyHolder, records.size()), records);
    }

    @Override
    public List<QuarantinedRecord> find(String connectorId, Long batchId, String departmentCode, int offset,
                                        int limit) {
        Paging.requireValid(offset, limit);
        MapSqlParameterSource parameters = filterParameters(connectorId, batchId, departmentCode)
                .addValue("offset", offset)
                .addValue("limit", limit);

        List<QuarantinedRecord> page = jdbc.query("SELECT id, batch_id, connector_id, record_type,"
                + " source_file, record_number, first_line, last_line, raw_values, created_at"
                + " FROM quarantined_records" + where(connectorId, batchId, departmentCode)
                + " ORDER BY id LIMIT :limit OFFSET :offset", parameters,
                JdbcQuarantineRepository::mapWithoutViolations);

        return withViolations(page);
    }

    @Override
    public long count(String connectorId, Long batchId, String departmentCode) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM quarantined_records"
                + where(connectorId, batchId, departmentCode),
                filterParameters(connectorId, batchId, departmentCode), Long.class);
        return Objects.requireNonNull(count, "count");
    }

    private List<QuarantinedRecord> withViolations(List<QuarantinedRecord> page) {
        List<Long> ids = page.stream().map(QuarantinedRecord::id).toList();
        Map<Long, List<Violation>> byRecord = violations.load(ids);

        List<QuarantinedRecord> complete = new ArrayList<>(page.size());
        for (QuarantinedRecord record : page) {
            complete.add(new QuarantinedRecord(record.id(), record.batchId(), record.connectorId(),
                    record.recordType(), record.sourceFile(), record.recordNumber(), record.firstLine(),
                    record.lastLine(), record.rawValues(), byRecord.getOrDefault(record.id(), List.of()),
                    record.createdAt()));
        }
        return complete;
    }

    private static String where(String connectorId, Long batchId, String departmentCode) {
        List<String> conditions = new ArrayList<>();
        if (connectorId != null) {
            conditions.add("connector_id = :connectorId");
        }
        if (batchId != null) {
            conditions.add("batch_id = :batchId");
        }
        if (departmentCode != null) {
            conditions.add("connector_id IN (SELECT connector_id FROM connector_departments WHERE department_code = :departmentCode)");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static MapSqlParameterSource filterParameters(String connectorId, Long batchId, String departmentCode) {
        return new MapSqlParameterSource()
                .addValue("connectorId", connectorId)
                .addValue("batchId", batchId)
                .addValue("departmentCode", departmentCode);
    }

    private static List<Long> generatedIds(KeyHolder keyHolder, int expected) {
        List<Map<String, Object>> keys = keyHolder.getKeyList();
        if (keys.size() != expected) {
            throw new IllegalStateException("The database returned " + keys.size()
                    + " generated ids for " + expected + " quarantined records");
        }
        return keys.stream().map(key -> ((Number) key.get("id")).longValue()).toList();
    }

    private static SqlParameterSource parameters(QuarantinedRecord record, Instant now) {
        Instant createdAt = record.createdAt() == null ? now : record.createdAt();
        return new MapSqlParameterSource()
                .addValue("batchId", record.batchId())
                .addValue("connectorId", record.connectorId())
                .addValue("recordType", record.recordType())
                .addValue("sourceFile", record.sourceFile())
                .addValue("recordNumber", record.recordNumber())
                .addValue("firstLine", record.firstLine())
                .addValue("lastLine", record.lastLine())
                .addValue("rawValues", RawValuesJson.write(record.rawValues()))
                .addValue("createdAt", JdbcTimestamps.toParameter(createdAt));
    }

    private static QuarantinedRecord mapWithoutViolations(ResultSet row, int rowNumber) throws SQLException {
        return new QuarantinedRecord(
                row.getLong("id"),
                row.getLong("batch_id"),
                row.getString("connector_id"),
                row.getString("record_type"),
                row.getString("source_file"),
                row.getLong("record_number"),
                row.getLong("first_line"),
                row.getLong("last_line"),
                RawValuesJson.read(row.getString("raw_values")),
                List.of(),
                JdbcTimestamps.read(row, "created_at"));
    }
}
