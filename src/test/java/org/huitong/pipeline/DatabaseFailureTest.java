package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.pipeline.ResilienceAssertions.assertBatchesReconcile;
import static org.huitong.pipeline.ResilienceAssertions.subjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.exchange.LoggedEvent;
import org.huitong.exchange.PublishedEventLog;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub on PostgreSQL, with a trigger on {@code stored_records} that raises an error for one
 * business key of the third chunk while that key is listed in a control table. The trigger runs
 * either at the insert or, deferred, at COMMIT. In both cases, once the fault is cleared, every
 * row is stored and delivered exactly once, and the batch counts add up.
 */
class DatabaseFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = "samr-licensing";
    private static final String ADDRESS = "exchange.credit.license";
    private static final int ROWS = 400;
    private static final int CHUNK_SIZE = 50;
    /** Row 120 is in the third chunk (rows 101 to 150). */
    private static final int FAILING_ROW = 120;
    private static final int COMMITTED_BEFORE_FAILURE = 100;
    private static final int THIRD_CHUNK_END = 150;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

    private static final String CREATE_CONTROL_TABLE =
            "CREATE TABLE fault_keys (business_key VARCHAR(512) PRIMARY KEY)";

    private static final String CREATE_FUNCTION = """
            CREATE FUNCTION fail_for_fault_key() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM fault_keys WHERE business_key = NEW.business_key) THEN
                    RAISE EXCEPTION 'Test fault for a stored record of batch %', NEW.batch_id;
                END IF;
                RETURN NULL;
            END
            $$""";

    @TempDir
    Path root;

    @Test
    void commitFailureAfterBrokerCommitRepeatsNothing() throws Exception {
        // A deferred constraint trigger runs at COMMIT, after the chunk's broker transaction
        // committed, so the third chunk's messages are delivered although its rows roll back.
        failThenRecover(root, "DEFERRABLE INITIALLY DEFERRED", THIRD_CHUNK_END);
    }

    @Test
    void failureBeforeBrokerCommitPublishesChunkOnce() throws Exception {
        // A trigger that is not deferred fails the chunk's insert, before anything is published.
        failThenRecover(root, "NOT DEFERRABLE", COMMITTED_BEFORE_FAILURE);
    }

    /**
     * Drops the file while the trigger fails, checks the first failed batch and what was
     * delivered so far, clears the fault and checks the final state.
     *
     * @param deliveredBeforeRecovery how many rows, from row 1 on, the subscriber receives
     *     while the fault lasts
     */
    private static void failThenRecover(Path root, String triggerTiming, int deliveredBeforeRecovery)
            throws Exception {
        Scenario scenario = new Scenario(root, triggerTiming);

        try (RunningHub hub = scenario.start();
             ExchangeSubscriber subscriber = scenario.subscribe()) {
            scenario.drop();
            Batch failed = hub.awaitFirstBatch(CONNECTOR, BatchStatus.FAILED);
            List<JsonNode> beforeRecovery = subscriber.drain(QUIET_PERIOD);

            assertFailedAfterTwoChunks(failed, scenario);
            assertThat(beforeRecovery).extracting(event -> event.get("subject").asText())
                    .containsExactlyInAnyOrderElementsOf(subjects(1, deliveredBeforeRecovery));

            scenario.clearFault();
            List<JsonNode> all = new ArrayList<>(beforeRecovery);
            Batch completed = hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            all.addAll(subscriber.drain(QUIET_PERIOD));

            assertRecovered(completed, all, scenario, hub);
        }
    }

    private static void assertFailedAfterTwoChunks(Batch failed, Scenario scenario) {
        assertThat(failed.errorCode()).isEqualTo("PIPELINE_FAILURE");
        assertThat(failed.errorMessageEn()).contains("database failed");
        assertThat(failed.read()).isEqualTo(COMMITTED_BEFORE_FAILURE);
        assertThat(failed.published()).isEqualTo(COMMITTED_BEFORE_FAILURE);
        assertThat(scenario.storedRecords()).isEqualTo(COMMITTED_BEFORE_FAILURE);
        assertThat(Files.exists(scenario.environment.inbox(CONNECTOR).resolve("licences.csv"))).isTrue();
    }

    private static void assertRecovered(Batch completed, List<JsonNode> delivered, Scenario scenario,
                                        RunningHub hub) throws Exception {
        assertThat(completed.read()).isEqualTo(ROWS);
        assertThat(completed.unchanged()).isEqualTo(COMMITTED_BEFORE_FAILURE);
        assertThat(completed.published()).isEqualTo(ROWS - COMMITTED_BEFORE_FAILURE);
        assertThat(delivered).extracting(event -> event.get("id").asText()).doesNotHaveDuplicates();
        assertThat(delivered).extracting(event -> event.get("subject").asText())
                .containsExactlyInAnyOrderElementsOf(subjects(1, ROWS));
        assertThat(scenario.storedRecords()).isEqualTo(ROWS);
        assertThat(scenario.maxStoredVersion()).isEqualTo(1);
        assertBatchesReconcile(hub.awaitFinishedBatches(CONNECTOR, 2), ROWS);
        assertLogMatchesDelivered(hub, delivered);
    }

    /**
     * Checks that the log contains each delivered event once, with the same id, subject and data.
     * Its text can differ in {@code time}, because after a commit failure behind the broker commit
     * the broker keeps the first copy and the log keeps the copy of the publish call that committed.
     */
    private static void assertLogMatchesDelivered(RunningHub hub, List<JsonNode> delivered) throws Exception {
        List<LoggedEvent> logged = hub.bean(PublishedEventLog.class)
                .readAfter("credit.license", 0, PublishedEventLog.MAX_READ_LIMIT);
        Map<String, JsonNode> deliveredById = new HashMap<>();
        delivered.forEach(event -> deliveredById.put(event.get("id").asText(), event));

        assertThat(logged).extracting(LoggedEvent::eventId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(deliveredById.keySet());
        for (LoggedEvent event : logged) {
            JsonNode text = JSON.readTree(event.event());
            JsonNode sent = deliveredById.get(event.eventId());
            assertThat(text.get("subject")).isEqualTo(sent.get("subject"));
            assertThat(text.get("data")).isEqualTo(sent.get("data"));
        }
    }

    /** One test's folders, database, fault trigger and licence file. */
    private static final class Scenario {

        private final HubTestEnvironment environment;
        private final EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        private final JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        private final String triggerTiming;
        private final Path file;

        Scenario(Path root, String triggerTiming) {
            this.environment = HubTestEnvironment.create(root);
            this.triggerTiming = triggerTiming;
            environment.setChunkSize(CONNECTOR, CHUNK_SIZE);
            file = LicenceFiles.validRows(environment.root(), ROWS);
        }

        /** Starts the hub, which migrates the database, then installs the fault trigger. */
        RunningHub start() {
            RunningHub hub = RunningHub.start(environment, Map.of(
                    "spring.datasource.url", database.jdbcUrl(),
                    "spring.datasource.username", database.username(),
                    "spring.datasource.password", database.password()));

            jdbc.execute(CREATE_CONTROL_TABLE);
            jdbc.execute(CREATE_FUNCTION);
            jdbc.execute("CREATE CONSTRAINT TRIGGER fail_for_fault_key AFTER INSERT OR UPDATE"
                    + " ON stored_records " + triggerTiming
                    + " FOR EACH ROW EXECUTE FUNCTION fail_for_fault_key()");
            jdbc.update("INSERT INTO fault_keys (business_key) VALUES (?)", LicenceFiles.subject(FAILING_ROW));
            return hub;
        }

        ExchangeSubscriber subscribe() throws Exception {
            return ExchangeSubscriber.attach(environment.brokerUrl(), "database-failure-test", ADDRESS,
                    "database-failure");
        }

        void drop() {
            environment.drop(CONNECTOR, file, "licences.csv");
        }

        void clearFault() {
            jdbc.update("DELETE FROM fault_keys");
        }

        long storedRecords() {
            return jdbc.queryForObject("SELECT COUNT(*) FROM stored_records", Long.class);
        }

        int maxStoredVersion() {
            return jdbc.queryForObject("SELECT MAX(version) FROM stored_records", Integer.class);
        }
    }
}
