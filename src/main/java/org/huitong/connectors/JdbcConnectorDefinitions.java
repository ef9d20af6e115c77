package org.huitong.connectors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores descriptors created through the API in the {@code connector_definitions} table. */
@Repository
public class JdbcConnectorDefinitions {

    private static final String COLUMNS =
            "id, department_code, descriptor, revision, created_at, created_by, updated_at, updated_by";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcConnectorDefinitions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredDefinition> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_definitions ORDER BY id",
                JdbcConnectorDefinitions::map);
    }

    public Optional<StoredDefinition> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM connector_definitions WHERE id = :id",
                new MapSqlParameterSource("id", id), JdbcConnectorDefinitions::map).stream().findFirst();
    }

    public void insert(String id, String departmentCode, String descriptorJson, String actor) {
        var now = JdbcTimestamps.now();
        jdbc.update("INSERT INTO connector_definitions (" + COLUMNS + ") VALUES (:id, :department,"
                        + " :descriptor, 1, :now, :actor, :now, :actor)",
                new MapSqlParameterSource("id", id)
                        .addValue("department", departmentCode)
                        .addValue("descriptor", descriptorJson)
                        .addValue("now", now)
                        .addValue("actor", actor));
    }

    /**
     * Replaces a stored descriptor.
     *
     * @return whether a row with that id and revision existed and was replaced
     */
    public boolean update(String id, long revision, String departmentCode, String descriptorJson, String actor) {
        return jdbc.update("UPDATE connector_definitions SET department_code = :department,"
                        + " descriptor = :descriptor, revision = revision + 1, updated_at = :now,"
                        + " updated_by = :actor WHERE id = :id AND revision = :revision",
                new MapSqlParameterSource("id", id)
                        .addValue("revision", revision)
                        .addValue("department", departmentCode)
                        .addValue("descriptor", descriptorJson)
                        .addValue("now", JdbcTimestamps.now())
                        .addValue("actor", actor)) == 1;
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM connector_definitions WHERE id = :id",
                new MapSqlParameterSource("id", id)) == 1;
    }

    private static StoredDefinition map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredDefinition(row.getString("id"), row.getString("department_code"),
                row.getString("descriptor"), row.getLong("revision"),
                JdbcTimestamps.read(row, "created_at"), row.getString("created_by"),
                JdbcTimestamps.read(row, "updated_at"), row.getString("updated_by"));
    }
}
