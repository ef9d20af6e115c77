package org.huitong.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.huitong.batches.BatchRecovery;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.pipeline.Violation;
import org.huitong.i18n.LocalizedText;
import org.huitong.quarantine.JdbcQuarantineRepository;
import org.huitong.quarantine.QuarantineRepository;
import org.huitong.quarantine.QuarantinedRecord;
import org.huitong.records.JdbcRecordStore;
import org.huitong.records.RecordStore;
import org.huitong.records.RecordVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts only the hub-state beans with Spring Boot's own DataSource, Flyway and transaction
 * configuration, and the hub's {@code application.yml}. Subclasses choose the database.
 */
@SpringBootTest(classes = HubStateContextTest.HubStateConfiguration.class)
abstract class HubStateContextTest {

    @Autowired
    BatchRepository batches;

    @Autowired
    RecordStore records;

    @Autowired
    QuarantineRepository quarantine;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayAppliesVendorMigration() {
        List<String> versions = jdbc.queryForList("SELECT \"version\" FROM flyway_schema_history"
                + " WHERE success AND \"version\" IS NOT NULL ORDER BY installed_rank", String.class);

        // Only PostgreSQL gets the trigger that makes the audit log append-only (11.1).
        if (isPostgres()) {
            assertThat(versions).containsExactly("1", "1.1", "2", "3", "4", "5", "6", "10", "11", "11.1", "12", "13", "14", "15", "15.1", "16");
        } else {
            assertThat(versions).containsExactly("1", "1.1", "2", "3", "4", "5", "6", "10", "11", "12", "13", "14", "15", "15.1", "16");
        }
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    @Test
    void repositoriesJoinSpringTransaction() {
        long committedBatch = batches.start("c1", "a.csv", "0".repeat(64), 1);
        Violation violation = new Violation("REQUIRED_MISSING", "XK_WSH", "文书号",
                new LocalizedText("文书号不能为空。", "The decision number is missing."));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            batches.addCounts(committedBatch, 2, 1, 0, 1);
            records.saveLatest(List.of(new RecordVersion("xzxk", "K1", 1, "h1", "{}", "c1", committedBatch)));
            quarantine.saveAll(List.of(new QuarantinedRecord(0, committedBatch, "c1", "xzxk", "a.csv", 2, 3, 3,
                    Map.of("文书号", ""), List.of(violation), null)));
            throw new IllegalStateException("broker failed");
        })).hasMessage("broker failed");

        assertThat(batches.findById(committedBatch).orElseThrow().read()).isZero();
        assertThat(records.findLatest("xzxk", List.of("K1"))).isEmpty();
        assertThat(quarantine.count(null, committedBatch)).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class})
    @Import({JdbcBatchRepository.class, JdbcRecordStore.class, JdbcQuarantineRepository.class,
        BatchRecovery.class})
    static class HubStateConfiguration {
    }
}
