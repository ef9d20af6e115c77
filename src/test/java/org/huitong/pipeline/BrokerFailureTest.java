package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.pipeline.ResilienceAssertions.assertBatchesReconcile;
import static org.huitong.pipeline.ResilienceAssertions.subjects;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.FailingSendPlugin;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker rejects sends in the middle of a batch. The chunk being published rolls
 * back in the database too, the file stays in the inbox, and once the broker works again a
 * later poll delivers every record exactly once.
 */
class BrokerFailureTest {

    private static final String CONNECTOR = "samr-licensing";
    private static final String ADDRESS = "exchange.credit.license";
    private static final int ROWS = 400;
    private static final int CHUNK_SIZE = 50;
    /** Two whole chunks get through, then the 21st send of the third chunk fails. */
    private static final int SENDS_BEFORE_FAILURE = 120;
    private static final int COMMITTED_BEFORE_FAILURE = 100;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

    @TempDir
    Path root;

    @Test
    void brokerFailureMidBatchDeliversOnce() throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        environment.setChunkSize(CONNECTOR, CHUNK_SIZE);
        Path file = LicenceFiles.validRows(environment.root(), ROWS);
        FailingSendPlugin brokerFault = new FailingSendPlugin(SENDS_BEFORE_FAILURE);

        try (RunningHub hub = RunningHub.start(environment, Map.of(), brokerFault.customizer());
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), "broker-failure-test", ADDRESS, "broker-failure")) {
            environment.drop(CONNECTOR, file, "licences.csv");
            Batch failed = hub.awaitFirstBatch(CONNECTOR, BatchStatus.FAILED);
            List<JsonNode> beforeRecovery = subscriber.drain(QUIET_PERIOD);

            assertThat(brokerFault.rejectedSends()).isPositive();
            assertThat(failed.errorCode()).isEqualTo("PIPELINE_FAILURE");
            assertThat(failed.errorMessageEn()).contains("message broker failed");
            assertThat(failed.read()).isEqualTo(COMMITTED_BEFORE_FAILURE);
            assertThat(failed.published()).isEqualTo(COMMITTED_BEFORE_FAILURE);
            assertThat(Files.exists(environment.inbox(CONNECTOR).resolve("licences.csv"))).isTrue();
            assertThat(beforeRecovery).extracting(event -> event.get("subject").asText())
                    .containsExactlyInAnyOrderElementsOf(subjects(1, COMMITTED_BEFORE_FAILURE));

            brokerFault.disarm();
            Batch completed = hub.awaitFirstBatch(CONNECTOR, BatchStatus.COMPLETED);
            List<JsonNode> all = new ArrayList<>(beforeRecovery);
            all.addAll(subscriber.drain(QUIET_PERIOD));

            assertThat(completed.read()).isEqualTo(ROWS);
            assertThat(completed.unchanged()).isEqualTo(COMMITTED_BEFORE_FAILURE);
            assertThat(completed.published()).isEqualTo(ROWS - COMMITTED_BEFORE_FAILURE);
            assertThat(all).extracting(event -> event.get("id").asText()).doesNotHaveDuplicates();
            assertThat(all).extracting(event -> event.get("subject").asText())
                    .containsExactlyInAnyOrderElementsOf(subjects(1, ROWS));
            assertBatchesReconcile(hub.awaitFinishedBatches(CONNECTOR, 2), ROWS);
        }
    }
}
