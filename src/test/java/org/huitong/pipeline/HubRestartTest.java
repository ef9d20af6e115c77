package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub stopped after publishing and started again on the same data directory and broker port
 * (H2 file database, persistent broker journal) still holds every message for a subscriber that
 * was away, and a repeated file publishes nothing.
 */
class HubRestartTest {

    private static final String CONNECTOR = "samr-licensing";
    private static final String ADDRESS = "exchange.credit.license";
    private static final String CLIENT_ID = "restart-test";
    private static final String SUBSCRIPTION = "restart";
    private static final int ROWS = 300;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

    @TempDir
    Path root;

    @Test
    void restartKeepsQueuedMessagesAndRepublishesNothing() throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        Path file = LicenceFiles.validRows(environment.root(), ROWS);

        try (RunningHub first = RunningHub.start(environment)) {
            // The subscription exists from now on, but nobody drains it while the first hub runs.
            ExchangeSubscriber.attach(environment.brokerUrl(), CLIENT_ID, ADDRESS, SUBSCRIPTION).close();
            environment.drop(CONNECTOR, file, "licences.csv");
            Batch published = first.awaitFinishedBatches(CONNECTOR, 1).get(0);

            assertThat(published.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(published.read()).isEqualTo(ROWS);
            assertThat(published.published()).isEqualTo(ROWS);
        }

        try (RunningHub second = RunningHub.start(environment);
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), CLIENT_ID, ADDRESS, SUBSCRIPTION)) {
            List<JsonNode> queued = subscriber.drain(QUIET_PERIOD);

            assertThat(queued).hasSize(ROWS);
            assertThat(queued).extracting(event -> event.get("id").asText()).doesNotHaveDuplicates();
            assertThat(queued).extracting(event -> event.get("subject").asText())
                    .containsExactlyInAnyOrderElementsOf(allSubjects());

            environment.drop(CONNECTOR, file, "licences.csv");
            Batch repeated = second.awaitFinishedBatches(CONNECTOR, 2).get(0);

            assertThat(repeated.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(repeated.read()).isEqualTo(ROWS);
            assertThat(repeated.unchanged()).isEqualTo(ROWS);
            assertThat(repeated.published()).isZero();
            assertThat(subscriber.drain(QUIET_PERIOD)).isEmpty();
        }
    }

    private static List<String> allSubjects() {
        return IntStream.rangeClosed(1, ROWS).mapToObj(LicenceFiles::subject).toList();
    }
}
