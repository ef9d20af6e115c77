package org.huitong.connectors.sources.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;

/**
 * A department database that a test reads with {@code jdbc-poll}: how to connect, and the
 * dialect differences the tests need.
 *
 * @param host the host and port written in connector URLs
 * @param timestampType the column type of a timestamp with microseconds
 */
record SourceDatabase(String scheme, String host, int port, String database, String username,
                      String timestampType) {

    static SourceDatabase postgres(int port, String database) {
        return new SourceDatabase("postgresql", "127.0.0.1", port, database, "postgres", "TIMESTAMP(6)");
    }

    static SourceDatabase mariadb() {
        return new SourceDatabase("mariadb", "127.0.0.1", 3306, "test", "root", "DATETIME(6)");
    }

    String url() {
        return url(port);
    }

    /** Returns the URL through another port on this machine, such as a {@link LoopbackProxy}. */
    String url(int viaPort) {
        return "jdbc:" + scheme + "://" + host + ":" + viaPort + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), username, "");
    }

    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Source database statement failed: " + e.getMessage(), e);
        }
    }

    /** Creates an institutions table: the columns of record type elder.institution plus id and updated_at. */
    void createInstitutions(String table) {
        execute("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, uscc VARCHAR(18) NOT NULL,"
                        + " name VARCHAR(100) NOT NULL, kind VARCHAR(20) NOT NULL, division_code VARCHAR(6) NOT NULL,"
                        + " updated_at " + timestampType + " NULL)");
    }

    /** Inserts institutions {@code first..last} (ids and USCC serials) with the given timestamp literal. */
    void insert(String table, int first, int last, String timestamp) {
        execute(insertStatement(table, first, last, timestamp));
    }

    static String insertStatement(String table, int first, int last, String timestamp) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table
                + " (id, uscc, name, kind, division_code, updated_at) VALUES ");
        for (int id = first; id <= last; id++) {
            sql.append(id == first ? "" : ", ").append('(').append(id).append(", '")
                    .append(SyntheticIds.uscc(id)).append("', '养老机构").append(id).append("', '养老机构', '620102', ")
                    .append(timestamp == null ? "NULL" : "'" + timestamp + "'").append(')');
        }
        return sql.toString();
    }

    static List<String> usccs(int first, int last) {
        return java.util.stream.IntStream.rangeClosed(first, last).mapToObj(SyntheticIds::uscc).toList();
    }
}
