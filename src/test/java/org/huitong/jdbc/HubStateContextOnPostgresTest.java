package org.huitong.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.huitong.batches.BatchStatus;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the hub-state context on embedded PostgreSQL. Before the context starts, the database is
 * migrated to version 1 and contains a RUNNING batch, as if the hub had stopped in the middle of it.
 */
class HubStateContextOnPostgresTest extends HubStateContextTest {

    private static long batchRunningBeforeStart;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration")
                .target("1").load().migrate();
        batchRunningBeforeStart = new JdbcBatchRepository(new NamedParameterJdbcTemplate(database.dataSource()))
                .start("c1", "a.csv", "0".repeat(64), 1);
        database.register(registry);
    }

    @Test
    void startupInterruptsBatchLeftRunning() {
        BatchStatus status = batches.findById(batchRunningBeforeStart).orElseThrow().status();

        assertThat(status).isEqualTo(BatchStatus.INTERRUPTED);
    }
}
