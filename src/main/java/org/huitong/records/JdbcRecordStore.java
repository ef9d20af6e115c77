package org.huitong.records;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps the latest version of every record in the {@code stored_records} table through JDBC.
 * Lookups send at most {@value #MAX_KEYS_PER_QUERY} keys in one {@code IN} list, and saves run as
 * one JDBC batch.
 */
@Repository
public class JdbcRecordStore implements RecordStore {

    static final int MAX_KEYS_PER_QUERY = 500;

    private final NamedParameterJdbcTemplate jdbc;

    private volatile UpsertStatement upsert;

    public JdbcRecordStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, StoredVersion> findLatest(String recordType, Collection<String> businessKeys) {
        Objects.requireNonNull(recordType, "recordType");
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(businessKeys));
        Map<String, StoredVersion> found = new HashMap<>();

        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(from + MAX_KEYS_PER_QUERY, keys.size()));
            MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("keys", chunk);

            // The primary key starts with business_key, so both databases serve the IN list from it.
            // The record type is checked here: with it in the WHERE clause, H2 once chose a scan of
            // every row of the type, when the primary key started with record_type.
            jdbc.query("SELECT record_type, business_key, version, content_hash FROM stored_records"
                    + " WHERE business_key IN (:keys)", parameters,
                    row -> {
                        if (recordType.equals(row.getString("record_type"))) {
                            found.put(row.getString("business_key"),
                                    new StoredVersion(row.getInt("version"), row.getString("content_hash")));
                        }
                    });
        }
        return found;
    }

    /**
     * {@inheritDoc} When the list contains one business key more than once, the last entry wins.
     */
    @Override
    public void saveLatest(List<RecordVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        OffsetDateTime updatedAt = JdbcTimestamps.now();

        // Positional parameters, because named ones cost a map per row and a lookup per value.
        // Together with the event log's insert, that was an eighth of the publishing thread's profile.
        jdbc.getJdbcOperations().batchUpdate(upsert().sql(), versions, versions.size(), (statement, version) -> {
            statement.setString(1, version.recordType());
            statement.setString(2, version.businessKey());
            statement.setInt(3, version.version());
            statement.setString(4, version.contentHash());
            statement.setString(5, version.payload());
            statement.setString(6, version.connectorId());
            statement.setLong(7, version.batchId());
            statement.setObject(8, updatedAt);
        });
    }

    private UpsertStatement upsert() {
        UpsertStatement statement = upsert;
        if (statement == null) {
            ConnectionCallback<String> readProductName =
                    connection -> connection.getMetaData().getDatabaseProductName();
            String productName = jdbc.getJdbcOperations().execute(readProductName);
            statement = UpsertStatement.forProductName(productName);
            upsert = statement;
        }
        return statement;
    }
}
