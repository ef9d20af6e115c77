package org.huitong.connectors;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The department of every connector the hub has registered, in {@code connector_departments}.
 * Rows are never deleted, so the batches and quarantine of a deleted connector stay visible to
 * its department and hidden from others.
 */
@Repository
public class ConnectorDepartments {

    private final NamedParameterJdbcTemplate jdbc;

    public ConnectorDepartments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records or updates the department of a connector. */
    public void record(String connectorId, String departmentCode) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", connectorId)
                .addValue("department", departmentCode);
        int updated = jdbc.update("UPDATE connector_departments SET department_code = :department"
                + " WHERE connector_id = :id AND department_code <> :department", parameters);
        if (updated == 0 && departmentOf(connectorId).isEmpty()) {
            jdbc.update("INSERT INTO connector_departments (connector_id, department_code)"
                    + " VALUES (:id, :department)", parameters);
        }
    }

    public Optional<String> departmentOf(String connectorId) {
        return jdbc.queryForList("SELECT department_code FROM connector_departments WHERE connector_id = :id",
                new MapSqlParameterSource("id", connectorId), String.class).stream().findFirst();
    }
}
