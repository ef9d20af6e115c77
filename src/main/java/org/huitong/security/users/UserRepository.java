package org.huitong.security.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.huitong.jdbc.JdbcTimestamps;
import org.huitong.jdbc.Paging;
import org.huitong.security.HubRole;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores built-in users in the {@code hub_user} table. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, password_hash, role, department_code, enabled,"
            + " created_at, created_by, updated_at";

    private final NamedParameterJdbcTemplate jdbc;

    public UserRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_user WHERE username = :username",
                new MapSqlParameterSource("username", username), (row, n) -> map(row)).stream().findFirst();
    }

    /** Returns users ordered by name. */
    public List<UserAccount> findAll(int offset, int limit) {
        Paging.requireValid(offset, limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_user ORDER BY username LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset), (row, n) -> map(row));
    }

    public long count() {
        Long count = jdbc.getJdbcOperations().queryForObject("SELECT COUNT(*) FROM hub_user", Long.class);
        return count == null ? 0 : count;
    }

    /** Counts enabled administrators, so that the last one is never disabled or demoted. */
    public long countEnabledAdmins() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE enabled AND role = :role",
                new MapSqlParameterSource("role", HubRole.ADMIN.name()), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Inserts a user.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the name is taken
     */
    public void insert(String username, String passwordHash, HubRole role, String departmentCode, String createdBy) {
        jdbc.update("INSERT INTO hub_user (username, password_hash, role, department_code, enabled, created_at,"
                + " created_by) VALUES (:username, :hash, :role, :department, TRUE, :now, :createdBy)",
                new MapSqlParameterSource("username", username)
                        .addValue("hash", passwordHash)
                        .addValue("role", role.name())
                        .addValue("department", departmentCode)
                        .addValue("now", JdbcTimestamps.now())
                        .addValue("createdBy", createdBy));
    }

    /** Sets role, department and enabled flag; returns false if the user does not exist. */
    public boolean update(String username, HubRole role, String departmentCode, boolean enabled) {
        return jdbc.update("UPDATE hub_user SET role = :role, department_code = :department, enabled = :enabled,"
                + " updated_at = :now WHERE username = :username",
                new MapSqlParameterSource("username", username)
                        .addValue("role", role.name())
                        .addValue("department", departmentCode)
                        .addValue("enabled", enabled)
                        .addValue("now", JdbcTimestamps.now())) == 1;
    }

    /** Replaces the password hash; returns false if the user does not exist. */
    public boolean updatePassword(String username, String passwordHash) {
        return jdbc.update("UPDATE hub_user SET password_hash = :hash, updated_at = :now WHERE username = :username",
                new MapSqlParameterSource("username", username)
                        .addValue("hash", passwordHash)
                        .addValue("now", JdbcTimestamps.now())) == 1;
    }

    private static UserAccount map(ResultSet row) throws SQLException {
        return new UserAccount(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                HubRole.valueOf(row.getString("role")), row.getString("department_code"),
                row.getBoolean("enabled"), JdbcTimestamps.read(row, "created_at"), row.getString("created_by"),
                JdbcTimestamps.read(row, "updated_at"));
    }
}
