package org.huitong.connectors.sources.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.FailingSendPlugin;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;

/**
 * The hub's broker rejects sends in the middle of a push. The push fails with 503, the connector
 * shows DEGRADED, and once the broker works again the client's retry with the same
 * Idempotency-Key delivers every record exactly once and the connector returns to RUNNING by
 * itself.
 */
class PushRecoveryTest {

    private static final String CONNECTOR = "push-recovery";
    private static final String ADDRESS = "exchange.credit.license";
    private static final String TOKEN = "push-token-" + UUID.randomUUID();
    private static final int RECORDS = 300;
    /** Two chunks of 50 get through, then the third chunk's sends fail. */
    private static final int SENDS_BEFORE_FAILURE = 100;
    private static final int FIRST = 5001;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    @Test
    void brokerOutageMidPushRecoversOnRetry() throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        FailingSendPlugin brokerFault = new FailingSendPlugin(SENDS_BEFORE_FAILURE);

        try (RunningHub hub = RunningHub.start(environment, Map.of(), brokerFault.customizer());
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(
                     environment.brokerUrl(), "push-recovery-test", ADDRESS, "push-recovery")) {
            TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://127.0.0.1:" + hub.port()));
            ApiClient admin = ApiClient.withNewKey(http, environment, "ADMIN", null);
            assertThat(admin.postYaml("/api/connectors", descriptor()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            await().atMost(WAIT).until(() -> state(admin).equals("RUNNING"));
            PushClient push = new PushClient(hub.port());
            byte[] body = PushClient.licences(FIRST, RECORDS);
            String key = UUID.randomUUID().toString();

            PushClient.Reply failed = push.pushArray(CONNECTOR, TOKEN, body, "Idempotency-Key", key,
                    "Accept-Language", "en");

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.header("Retry-After")).isEqualTo("30");
            assertThat(failed.json().get("detail").asText()).contains("Send the same request again later");
            await().atMost(WAIT).until(() -> state(admin).equals("DEGRADED"));
            List<JsonNode> events = new ArrayList<>(subscriber.drain(QUIET_PERIOD));
            assertThat(events).hasSize(SENDS_BEFORE_FAILURE);

            brokerFault.disarm();
            PushClient.Reply retried = push.pushArray(CONNECTOR, TOKEN, body, "Idempotency-Key", key);
            events.addAll(subscriber.drain(QUIET_PERIOD));

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().get("replayed").asBoolean()).isFalse();
            assertThat(retried.json().get("published").asLong()).isEqualTo(RECORDS - SENDS_BEFORE_FAILURE);
            assertThat(retried.json().get("unchanged").asLong()).isEqualTo(SENDS_BEFORE_FAILURE);
            assertThat(events).extracting(event -> event.get("id").asText()).doesNotHaveDuplicates();
            List<String> expected = new ArrayList<>();
            for (int number = FIRST; number < FIRST + RECORDS; number++) {
                expected.add(LicenceFiles.subject(number));
            }
            assertThat(events).extracting(event -> event.get("subject").asText())
                    .containsExactlyInAnyOrderElementsOf(expected);
            await().atMost(WAIT).until(() -> state(admin).equals("RUNNING"));

            PushClient.Reply again = push.pushArray(CONNECTOR, TOKEN, body, "Idempotency-Key", key);
            assertThat(again.json().get("replayed").asBoolean()).isTrue();
            assertThat(subscriber.drain(QUIET_PERIOD)).isEmpty();
        }
    }

    private static String descriptor() {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-push
                  parameters: {token: "%s"}
                target: {recordType: credit.license, version: "1"}
                options: {chunkSize: 50}
                """.formatted(CONNECTOR, TOKEN);
    }

    private static String state(ApiClient admin) {
        return admin.get("/api/connectors/" + CONNECTOR).getBody().get("state").asText();
    }
}
