package org.huitong.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pooled database with the hub's Flyway migrations applied, for tests that need real tables
 * without starting Spring. Repositories built on {@link #jdbc()} join transactions of
 * {@link #transactions()}, as they join the pipeline's transactions in the hub.
 *
 * <p>It is deliberately not {@link AutoCloseable}: JUnit closes {@code AutoCloseable} arguments
 * of a parameterized test after each case, and instances are shared by the cases of a class.
 */
public final class MigratedDatabase {

    /** The H2 settings of the hub's default {@code spring.datasource.url}. */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Tables that {@link #deleteAllRows()} empties; audit_event is append-only and is left alone. */
    private static final String[] TABLES_CHILDREN_FIRST = {
        "quarantine_violations", "quarantined_records", "stored_records", "batches", "api_key", "subscriptions",
        "subscribers", "hub_user",
        "push_idempotency_keys", "mqtt_alarm_inbox", "device_sequences", "device_sequence_gaps",
        "source_watermarks", "published_events", "snapshot_keys"};

    private final String name;

    private final HikariDataSource dataSource;

    private final NamedParameterJdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private MigratedDatabase(String name, String vendor, String jdbcUrl, String username) {
        this.name = name;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(username);
        dataSource.setMaximumPoolSize(4);
        migrate(dataSource, vendor);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Creates an H2 file database in {@code directory}, with the hub's default H2 settings. */
    public static MigratedDatabase h2(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("huitong").toAbsolutePath() + H2_SETTINGS;
        return new MigratedDatabase("H2", "h2", url, "huitong");
    }

    /** Creates a new database on the shared embedded PostgreSQL server. */
    public static MigratedDatabase postgres() {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        return new MigratedDatabase("PostgreSQL", "postgresql", database.jdbcUrl(), database.username());
    }

    /**
     * Migrates the existing database {@code databaseName} on the PostgreSQL server of this
     * machine (127.0.0.1:5432, user postgres). Call {@link MachineServices#require} first.
     */
    public static MigratedDatabase machinePostgres(String databaseName) {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + databaseName;
        return new MigratedDatabase("machine PostgreSQL", "postgresql", url, "postgres");
    }

    /**
     * Applies the hub's migrations with the locations of {@code spring.flyway.locations}.
     *
     * @param vendor the value Spring Boot puts in place of {@code {vendor}}: {@code h2} or {@code postgresql}
     */
    public static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** Returns a template that runs callbacks in transactions of a {@link DataSourceTransactionManager}. */
    public TransactionTemplate transactions() {
        return transactions;
    }

    /**
     * Deletes every row of the hub state, user and API key tables, so that a test starts from
     * empty tables. The audit log cannot be emptied on PostgreSQL, so tests of it filter by values
     * they made unique.
     */
    public MigratedDatabase deleteAllRows() {
        for (String table : TABLES_CHILDREN_FIRST) {
            jdbc.getJdbcOperations().update("DELETE FROM " + table);
        }
        return this;
    }

    /** Closes the connection pool. An H2 file database closes with its last connection. */
    public void close() {
        dataSource.close();
    }

    /** Returns the database product, which parameterized tests show as the case name. */
    @Override
    public String toString() {
        return name;
    }
}
