package org.huitong.connectors.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hub on PostgreSQL whose {@code source_watermarks} table has a trigger that raises an error
 * when the watermark of the third chunk (key 150) is written, while a control row exists. The
 * trigger runs at the write or, deferred, at COMMIT, after the chunk's broker transaction
 * committed. Either way, once the fault is cleared, every source row is stored and delivered
 * exactly once.
 */
class WatermarkCommitFailureTest {

    private static final String CONNECTOR = "jdbc-watermark-fault";
    private static final int ROWS = 400;
    private static final int CHUNK_SIZE = 50;
    private static final int COMMITTED_BEFORE_FAILURE = 100;
    private static final int THIRD_CHUNK_END = 150;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private static final String CREATE_FUNCTION = """
            CREATE FUNCTION fail_for_fault_watermark() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM fault_watermarks WHERE key_value = NEW.key_value) THEN
                    RAISE EXCEPTION 'Test fault for the watermark of batch %', NEW.batch_id;
                END IF;
                RETURN NULL;
            END
            $$""";

    @TempDir
    Path root;

    @Test
    void commitFailureAfterBrokerCommitRepeatsNothing() throws Exception {
        failThenRecover("DEFERRABLE INITIALLY DEFERRED", THIRD_CHUNK_END);
    }

    @Test
    void watermarkWriteFailurePublishesChunkOnce() throws Exception {
        failThenRecover("NOT DEFERRABLE", COMMITTED_BEFORE_FAILURE);
    }

    private void failThenRecover(String triggerTiming, int deliveredBeforeRecovery) throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        EmbeddedPostgresSupport.Database hubDatabase = EmbeddedPostgresSupport.createDatabase();
        JdbcTemplate hubJdbc = new JdbcTemplate(hubDatabase.dataSource());
        SourceDatabase source = sourceWithRows();
        Files.writeString(environment.connectorsDir().resolve(CONNECTOR + ".yaml"), descriptor(source));

        try (RunningHub hub = RunningHub.start(environment, Map.of(
                "spring.datasource.url", hubDatabase.jdbcUrl(),
                "spring.datasource.username", hubDatabase.username(),
                "spring.datasource.password", hubDatabase.password()));
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(environment.brokerUrl(),
                     "watermark-fault-test", JdbcPollScenarios.ADDRESS, "watermark-fault")) {
            hub.bean(org.huitong.connectors.lifecycle.ConnectorRuntime.class).stop(CONNECTOR, "test");
            installFault(hubJdbc, triggerTiming);
            hub.bean(org.huitong.connectors.lifecycle.ConnectorRuntime.class).start(CONNECTOR, "test");

            Batch failed = hub.awaitFirstBatch(CONNECTOR, BatchStatus.FAILED);
            List<JsonNode> delivered = new ArrayList<>(subscriber.drain(QUIET_PERIOD));

            assertThat(failed.errorMessageEn()).contains("database failed");
            assertThat(failed.read()).isEqualTo(COMMITTED_BEFORE_FAILURE);
            assertThat(stored(hubJdbc)).isEqualTo(COMMITTED_BEFORE_FAILURE);
            assertThat(hubJdbc.queryForObject("SELECT key_value FROM source_watermarks", String.class))
                    .isEqualTo(String.valueOf(COMMITTED_BEFORE_FAILURE));
            assertThat(JdbcPollScenarios.subjects(delivered))
                    .containsExactlyInAnyOrderElementsOf(SourceDatabase.usccs(1, deliveredBeforeRecovery));

            hubJdbc.update("DELETE FROM fault_watermarks");
            hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            delivered.addAll(subscriber.drain(QUIET_PERIOD));

            assertThat(delivered).extracting(event -> event.get("id").asText()).doesNotHaveDuplicates();
            assertThat(JdbcPollScenarios.subjects(delivered))
                    .containsExactlyInAnyOrderElementsOf(SourceDatabase.usccs(1, ROWS));
            assertThat(stored(hubJdbc)).isEqualTo(ROWS);
            assertThat(hubJdbc.queryForObject("SELECT MAX(version) FROM stored_records", Integer.class)).isEqualTo(1);
            assertThat(hubJdbc.queryForObject("SELECT key_value FROM source_watermarks", String.class))
                    .isEqualTo(String.valueOf(ROWS));
        }
    }

    private static SourceDatabase sourceWithRows() {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        SourceDatabase source = SourceDatabase.postgres(EmbeddedPostgresSupport.server().getPort(), name);
        source.createInstitutions("institutions");
        LocalDateTime start = LocalDateTime.of(2026, 3, 1, 8, 0);
        String[] inserts = new String[ROWS];
        for (int id = 1; id <= ROWS; id++) {
            inserts[id - 1] = SourceDatabase.insertStatement("institutions", id, id,
                    start.plusSeconds(id).toString().replace('T', ' '));
        }
        source.execute(inserts);
        return source;
    }

    private static String descriptor(SourceDatabase source) {
        return JdbcPollScenarios.connector(CONNECTOR, source.url(), source.username(),
                "table: institutions, timestampColumn: updated_at, keyColumn: id, overlap: PT0S",
                "options: {chunkSize: " + CHUNK_SIZE + "}");
    }

    private static void installFault(JdbcTemplate hubJdbc, String triggerTiming) {
        hubJdbc.execute("CREATE TABLE fault_watermarks (key_value VARCHAR(400) PRIMARY KEY)");
        hubJdbc.execute(CREATE_FUNCTION);
        hubJdbc.execute("CREATE CONSTRAINT TRIGGER fail_for_fault_watermark AFTER INSERT OR UPDATE"
                + " ON source_watermarks " + triggerTiming
                + " FOR EACH ROW EXECUTE FUNCTION fail_for_fault_watermark()");
        hubJdbc.update("INSERT INTO fault_watermarks (key_value) VALUES (?)", String.valueOf(THIRD_CHUNK_END));
    }

    private static long stored(JdbcTemplate hubJdbc) {
        return hubJdbc.queryForObject("SELECT COUNT(*) FROM stored_records", Long.class);
    }
}
