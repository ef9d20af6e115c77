package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.exchange.LoggedEvent;
import org.huitong.exchange.PublishedEventLog;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.FailingSendPlugin;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole hub with its embedded broker and H2. The published-event log contains exactly the
 * message texts the broker received, once each, and nothing of a chunk that rolled back.
 */
class PublishedEventLogEndToEndTest {

    private static final String CONNECTOR = "samr-licensing";
    private static final String ADDRESS = "exchange.credit.license";
    private static final String RECORD_TYPE = "credit.license";
    private static final int CHUNK_SIZE = 50;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private static List<String> loggedTexts(RunningHub hub) {
        return hub.bean(PublishedEventLog.class).readAfter(RECORD_TYPE, 0, PublishedEventLog.MAX_READ_LIMIT)
                .stream().map(LoggedEvent::event).toList();
    }

    @Test
    void logHoldsMessageTextsAsSent() throws Exception {
        int rows = 120;
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        environment.setChunkSize(CONNECTOR, CHUNK_SIZE);
        Path file = LicenceFiles.validRows(environment.root(), rows);

        try (RunningHub hub = RunningHub.start(environment);
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), "event-log-test", ADDRESS, "event-log")) {
            environment.drop(CONNECTOR, file, "licences.csv");
            Batch batch = hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            List<String> received = subscriber.drainTexts(QUIET_PERIOD);

            assertThat(batch.published()).isEqualTo(rows);
            assertThat(received).hasSize(rows);
            assertThat(loggedTexts(hub)).containsExactlyElementsOf(received);
        }
    }

    @Test
    void recordStoreKeepsPublishedData() throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        Path file = LicenceFiles.validRows(environment.root(), 3);

        try (RunningHub hub = RunningHub.start(environment);
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), "payload-test", ADDRESS, "payload")) {
            environment.drop(CONNECTOR, file, "licences.csv");
            hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            List<String> received = subscriber.drainTexts(QUIET_PERIOD);

            assertThat(received).hasSize(3);
            for (String text : received) {
                String subject = JSON.readTree(text).get("subject").asText();
                String payload = hub.bean(JdbcTemplate.class).queryForObject(
                        "SELECT payload FROM stored_records WHERE record_type = ? AND business_key = ?",
                        String.class, RECORD_TYPE, subject);
                assertThat(text).endsWith("\"data\":" + payload + "}");
            }
        }
    }

    @Test
    void brokerFailureLogsOnlyCommittedChunks() throws Exception {
        int rows = 200;
        int committedBeforeFailure = 100;
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        environment.setChunkSize(CONNECTOR, CHUNK_SIZE);
        Path file = LicenceFiles.validRows(environment.root(), rows);
        // Two whole chunks get through, then the 21st send of the third chunk fails.
        FailingSendPlugin brokerFault = new FailingSendPlugin(120);

        try (RunningHub hub = RunningHub.start(environment, Map.of(), brokerFault.customizer());
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), "event-log-failure-test", ADDRESS, "event-log-failure")) {
            environment.drop(CONNECTOR, file, "licences.csv");
            hub.awaitFirstBatch(CONNECTOR, BatchStatus.FAILED);
            List<String> beforeRecovery = subscriber.drainTexts(QUIET_PERIOD);

            assertThat(brokerFault.rejectedSends()).isPositive();
            assertThat(beforeRecovery).hasSize(committedBeforeFailure);
            assertThat(loggedTexts(hub)).containsExactlyElementsOf(beforeRecovery);

            brokerFault.disarm();
            hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            List<String> all = new ArrayList<>(beforeRecovery);
            all.addAll(subscriber.drainTexts(QUIET_PERIOD));

            assertThat(all).hasSize(rows);
            assertThat(loggedTexts(hub)).containsExactlyElementsOf(all);
        }
    }
}
