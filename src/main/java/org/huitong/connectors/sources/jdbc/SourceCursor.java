package org.huitong.connectors.sources.jdbc;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The open result of one poll's query: a read-only transaction on its own connection, streamed
 * in bounded memory.
 *
 * <p>Streaming needs driver-specific settings: PostgreSQL uses a cursor only with auto-commit
 * off and a positive fetch size; MariaDB Connector/J 3 streams with a positive fetch size;
 * MySQL Connector/J streams only with a fetch size of {@link Integer#MIN_VALUE} (row by row)
 * or with {@code useCursorFetch=true} in the URL.
 */
final class SourceCursor implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> columns = new ArrayList<>();
    private final int[] types;

    private SourceCursor(Connection connection, PreparedStatement statement, ResultSet rows) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        ResultSetMetaData metadata = rows.getMetaData();
        types = new int[metadata.getColumnCount()];
        for (int i = 1; i <= types.length; i++) {
            columns.add(metadata.getColumnLabel(i));
            types[i - 1] = metadata.getColumnType(i);
        }
    }

    /**
     * Connects and runs the query.
     *
     * @throws SQLException if the database cannot be reached or the query fails. The password
     *     is passed to the driver as a property, so it is not in the URL a message may quote.
     */
    static SourceCursor open(JdbcPollSettings settings, SourceQuery query) throws SQLException {
        return open(settings, query, 0);
    }

    /**
     * Connects and runs the query, returning at most {@code maxRows} rows.
     *
     * @param maxRows the row limit, or 0 for all rows
     */
    static SourceCursor open(JdbcPollSettings settings, SourceQuery query, int maxRows) throws SQLException {
        checkHosts(settings.url());
        Connection connection = DriverManager.getConnection(settings.url(), properties(settings));
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            PreparedStatement statement = connection.prepareStatement(query.sql(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize(connection, settings));
            statement.setQueryTimeout(settings.statementTimeoutSeconds());
            statement.setMaxRows(maxRows);
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            return new SourceCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void checkHosts(String url) throws SQLException {
        String blocked;
        try {
            blocked = JdbcUrls.blockedResolvedHost(url);
        } catch (UnknownHostException e) {
            throw new SQLException("Unknown database host: " + e.getMessage(), "08001", e);
        }
        if (blocked != null) {
            throw new SQLException("The database host " + blocked
                    + " is a link-local or cloud metadata address, which a source must not reach", "08001");
        }
    }

    private static Properties properties(JdbcPollSettings settings) {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        // PostgreSQL counts connectTimeout in seconds, MariaDB and MySQL in milliseconds.
        String url = settings.url().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        }
        return properties;
    }

    private static int fetchSize(Connection connection, JdbcPollSettings settings) throws SQLException {
        String driver = connection.getMetaData().getDriverName();
        boolean mysqlDriver = driver != null && driver.startsWith("MySQL Connector");
        if (mysqlDriver && !settings.url().contains("useCursorFetch=true")) {
            return Integer.MIN_VALUE;
        }
        return settings.fetchSize();
    }

    List<String> columns() {
        return columns;
    }

    int type(int column) {
        return types[column - 1];
    }

    /** Returns the 1-based index of a column by its label, ignoring case, or -1. */
    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i + 1;
            }
        }
        return -1;
    }

    ResultSet rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            // The transaction only read; ending it releases the cursor and snapshot on the server.
            statement.close();
            connection.rollback();
        } catch (SQLException e) {
            // The connection is closed below either way; a failed rollback changes nothing read.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to do: the connection is gone.
        }
    }
}
