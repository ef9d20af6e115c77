package org.huitong.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.i18n.LocalizedText;
import org.huitong.pipeline.Violation;
import org.huitong.quarantine.JdbcQuarantineRepository;
import org.huitong.quarantine.QuarantinedRecord;
import org.huitong.testsupport.MachineServices;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's migrations and repositories on the PostgreSQL server of this machine, a newer major
 * version than the embedded one. Skipped with a message when that server is not running.
 */
class MachinePostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "huitong_test_" + System.nanoTime();

    private static MigratedDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        MachineServices.require("PostgreSQL", "127.0.0.1", 5432);
        execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        database = MigratedDatabase.machinePostgres(DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
            execute("DROP DATABASE " + DATABASE);
        }
    }

    @Test
    void recordStoreKeepsLatestVersion() {
        long batch = new JdbcBatchRepository(database.jdbc()).start("c1", "a.csv", "0".repeat(64), 1);
        JdbcRecordStore store = new JdbcRecordStore(database.jdbc());

        store.saveLatest(List.of(new RecordVersion("credit.license", "兰市监许〔2024〕1号|X", 1, "h1", "{}", "c1", batch)));
        store.saveLatest(List.of(new RecordVersion("credit.license", "兰市监许〔2024〕1号|X", 2, "h2", "{}", "c1", batch)));

        assertThat(store.findLatest("credit.license", List.of("兰市监许〔2024〕1号|X")))
                .containsEntry("兰市监许〔2024〕1号|X", new StoredVersion(2, "h2"));
    }

    @Test
    void quarantineKeepsFourByteCharacters() {
        long batch = new JdbcBatchRepository(database.jdbc()).start("c2", "b.csv", "0".repeat(64), 1);
        JdbcQuarantineRepository quarantine = new JdbcQuarantineRepository(database.jdbc());
        Violation violation = new Violation("SCHEMA_REQUIRED", "name", "姓名",
                new LocalizedText("缺少“姓名”。", "姓名 is missing."));

        quarantine.saveAll(List.of(new QuarantinedRecord(0, batch, "c2", "elder.person", "b.csv", 1, 2, 2,
                Map.of("姓名", "𠮷田"), List.of(violation), Instant.now())));

        QuarantinedRecord stored = quarantine.find("c2", batch, 0, 10).get(0);
        assertThat(stored.rawValues()).containsEntry("姓名", "𠮷田");
        assertThat(stored.violations()).containsExactly(violation);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
