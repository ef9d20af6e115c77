package org.huitong.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores subscribers in the {@code subscribers} table; the password hash never leaves this class. */
@Repository
public class SubscriberRepository {

    private static final String COLUMNS = "id, name, department_code, contact, description, enabled, created_at,"
            + " created_by";

    private final NamedParameterJdbcTemplate jdbc;

    public SubscriberRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Subscriber subscriber, String brokerPasswordHash) {
        jdbc.update("INSERT INTO subscribers (id, name, department_code, contact, description,"
                + " broker_password_hash, enabled, created_at, created_by) VALUES (:id, :name, :department,"
                + " :contact, :description, :hash, :enabled, :createdAt, :createdBy)",
                new MapSqlParameterSource("id", subscriber.id())
                        .addValue("name", subscriber.name())
                        .addValue("department", subscriber.departmentCode())
                        .addValue("contact", subscriber.contact())
                        .addValue("description", subscriber.description())
                        .addValue("hash", brokerPasswordHash)
                        .addValue("enabled", subscriber.enabled())
                        .addValue("createdAt", JdbcTimestamps.toParameter(subscriber.createdAt()))
                        .addValue("createdBy", subscriber.createdBy()));
    }

    public Optional<Subscriber> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subscribers WHERE id = :id",
                new MapSqlParameterSource("id", id), (row, n) -> map(row)).stream().findFirst();
    }

    /** Returns subscribers ordered by id, of one department or, with a null department, of all. */
    public List<Subscriber> list(String departmentCode) {
        String where = departmentCode == null ? "" : " WHERE department_code = :department";
        return jdbc.query("SELECT " + COLUMNS + " FROM subscribers" + where + " ORDER BY id",
                new MapSqlParameterSource("department", departmentCode), (row, n) -> map(row));
    }

    /** Returns the broker password hash of an enabled subscriber. */
    public Optional<String> brokerPasswordHash(String id) {
        return jdbc.queryForList("SELECT broker_password_hash FROM subscribers WHERE id = :id AND enabled",
                new MapSqlParameterSource("id", id), String.class).stream().findFirst();
    }

    public void updateBrokerPassword(String id, String brokerPasswordHash) {
        jdbc.update("UPDATE subscribers SET broker_password_hash = :hash, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("hash", brokerPasswordHash)
                        .addValue("now", JdbcTimestamps.now()));
    }

    public void updateEnabled(String id, boolean enabled) {
        jdbc.update("UPDATE subscribers SET enabled = :enabled, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("enabled", enabled)
                        .addValue("now", JdbcTimestamps.now()));
    }

    private static Subscriber map(ResultSet row) throws SQLException {
        return new Subscriber(row.getString("id"), row.getString("name"), row.getString("department_code"),
                row.getString("contact"), row.getString("description"), row.getBoolean("enabled"),
                JdbcTimestamps.read(row, "created_at"), row.getString("created_by"));
    }
}
