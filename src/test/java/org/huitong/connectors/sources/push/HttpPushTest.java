package org.huitong.connectors.sources.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pushes over real HTTP to a whole hub on a random port: records reach the exchange and the
 * record store, and every refusal (authentication, size, idempotency, lifecycle) returns
 * its status and a message in the request's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpPushTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "push-token-" + UUID.randomUUID();
    private static final String HMAC_SECRET = "hmac-secret-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String ADDRESS = "exchange.credit.license";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private static ApiClient admin;
    private static ExchangeSubscriber subscriber;
    private PushClient push;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeEach
    void clients() throws Exception {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
            subscriber = ExchangeSubscriber.attach(HUB.brokerUrl(), "http-push-test", ADDRESS, "http-push");
        }
        push = new PushClient(port);
    }

    @AfterAll
    static void closeSubscriber() throws Exception {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    static String bearerConnector(String id, String parameters) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-push
                  parameters: {token: "%s"%s}
                target: {recordType: credit.license, version: "1"}
                """.formatted(id, TOKEN, parameters);
    }

    private void create(String yaml) {
        var response = admin.postYaml("/api/connectors", yaml);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private void createRunning(String id, String parameters) {
        create(bearerConnector(id, parameters));
        await().atMost(WAIT).until(() -> state(id).equals("RUNNING"));
    }

    @Test
    void arrayReachesExchangeAndRecordStore() throws Exception {
        createRunning("push-happy", "");

        PushClient.Reply reply = push.pushArray("push-happy", TOKEN, PushClient.licences(1001, 3));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(result.get("received").asLong()).isEqualTo(3);
        assertThat(result.get("accepted").asLong()).isEqualTo(3);
        assertThat(result.get("published").asLong()).isEqualTo(3);
        assertThat(result.get("rejected").asLong()).isZero();
        assertThat(result.get("replayed").asBoolean()).isFalse();
        List<String> subjects = new ArrayList<>();
        subscriber.drain(Duration.ofSeconds(1)).forEach(event -> subjects.add(event.get("subject").asText()));
        assertThat(subjects).contains(LicenceFiles.subject(1001), LicenceFiles.subject(1002),
                LicenceFiles.subject(1003));
        Integer stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM stored_records WHERE connector_id = ? AND batch_id = ?", Integer.class,
                "push-happy", result.get("batchId").asLong());
        assertThat(stored).isEqualTo(3);
        JsonNode batches = admin.get("/api/batches?connector=push-happy").getBody();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(state("push-happy")).isEqualTo("RUNNING");
    }

    @Test
    void samePushTwiceCountsUnchanged() {
        createRunning("push-twice", "");
        byte[] body = PushClient.licences(1101, 2);

        push.pushArray("push-twice", TOKEN, body);
        JsonNode second = push.pushArray("push-twice", TOKEN, body).json();

        assertThat(second.get("published").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentPushesPublishEachRecordOnce() throws Exception {
        createRunning("push-concurrent", "");
        subscriber.drain(Duration.ofMillis(500));
        byte[] body = PushClient.licences(1151, 20);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<PushClient.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                replies.add(clients.submit(() -> push.pushArray("push-concurrent", TOKEN, body)));
            }
            long published = 0;
            for (var reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                published += reply.get().json().get("published").asLong();
            }

            assertThat(published).isEqualTo(20);
            List<JsonNode> events = subscriber.drain(Duration.ofSeconds(1));
            assertThat(events).extracting(event -> event.get("subject").asText()).doesNotHaveDuplicates()
                    .hasSize(20);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void badTokenIsRejectedAndAudited() {
        createRunning("push-token", "");

        PushClient.Reply wrong = push.pushArray("push-token", "not-the-token-at-all", PushClient.licences(1201, 1),
                "Accept-Language", "en");
        PushClient.Reply missing = push.post("push-token", PushClient.licences(1201, 1),
                "Content-Type", "application/json");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).contains("not this connector's token");
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asText()).contains("Authorization: Bearer");
        assertThat(admin.get("/api/batches?connector=push-token").getBody()).isEmpty();
        JsonNode audit = admin.get("/api/audit?action=PUSH_AUTHENTICATION_FAILED&targetId=push-token").getBody();
        assertThat(audit.toString()).contains("PUSH_AUTHENTICATION_FAILED").doesNotContain(TOKEN);
    }

    @Test
    void apiCredentialsDoNotAuthenticatePush() {
        createRunning("push-api-key", "");
        String key = org.huitong.testsupport.HubUsers.of(http, HUB).createApiKey("ADMIN", null, null);

        PushClient.Reply reply = push.post("push-api-key", PushClient.licences(1251, 1),
                "Content-Type", "application/json", "X-API-Key", key);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void hmacSignatureIsVerified() {
        create("""
                id: push-hmac
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-push
                  parameters: {authentication: hmac, hmacSecret: "%s", signatureToleranceSeconds: 60}
                target: {recordType: credit.license, version: "1"}
                """.formatted(HMAC_SECRET));
        await().atMost(WAIT).until(() -> state("push-hmac").equals("RUNNING"));
        byte[] body = PushClient.licences(1301, 2);

        PushClient.Reply signed = push.pushSigned("push-hmac", HMAC_SECRET, body, PushClient.now());
        PushClient.Reply wrongSecret = push.pushSigned("push-hmac", HMAC_SECRET + "x", body, PushClient.now(),
                "Accept-Language", "en");
        PushClient.Reply old = push.pushSigned("push-hmac", HMAC_SECRET, body, PushClient.now() - 120,
                "Accept-Language", "en");
        PushClient.Reply future = push.pushSigned("push-hmac", HMAC_SECRET, body, PushClient.now() + 120);
        PushClient.Reply unsigned = push.post("push-hmac", body, "Content-Type", "application/json");

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("accepted").asLong()).isEqualTo(2);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("detail").asText()).contains("signature does not match");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().get("detail").asText()).contains("more than 60 seconds");
        assertThat(future.status()).isEqualTo(401);
        assertThat(future.json().get("detail").asText()).contains("相差超过 60 秒");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(admin.get("/api/batches?connector=push-hmac").getBody()).hasSize(1);
    }

    @Test
    void signatureOfAnotherBodyIsRejected() {
        create("""
                id: push-hmac-body
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-push
                  parameters: {authentication: hmac, hmacSecret: "%s"}
                target: {recordType: credit.license, version: "1"}
                """.formatted(HMAC_SECRET));
        await().atMost(WAIT).until(() -> state("push-hmac-body").equals("RUNNING"));
        long timestamp = PushClient.now();
        String signature = java.util.HexFormat.of().formatHex(PushAuthenticator.sign(HMAC_SECRET,
                String.valueOf(timestamp), "push-hmac-body", PushClient.licences(1351, 1)));

        PushClient.Reply reply = push.post("push-hmac-body", PushClient.licences(1352, 1),
                "Content-Type", "application/json", "X-Huitong-Timestamp", String.valueOf(timestamp),
                "X-Huitong-Signature", "sha256=" + signature);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void idempotentRetryReturnsStoredResponse() {
        createRunning("push-retry", "");
        byte[] body = PushClient.licences(1401, 3);
        String key = UUID.randomUUID().toString();

        PushClient.Reply first = push.pushArray("push-retry", TOKEN, body, "Idempotency-Key", key);
        PushClient.Reply retry = push.pushArray("push-retry", TOKEN, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(retry.json().get("batchId").asLong()).isEqualTo(first.json().get("batchId").asLong());
        assertThat(retry.json().get("published").asLong()).isEqualTo(3);
        assertThat(retry.json().get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(admin.get("/api/batches?connector=push-retry").getBody()).hasSize(1);
    }

    @Test
    void retryWithOtherBodyConflicts() {
        createRunning("push-conflict", "");
        String key = UUID.randomUUID().toString();
        push.pushArray("push-conflict", TOKEN, PushClient.licences(1501, 1), "Idempotency-Key", key);

        PushClient.Reply other = push.pushArray("push-conflict", TOKEN, PushClient.licences(1502, 1),
                "Idempotency-Key", key, "Accept-Language", "en");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asText()).contains(key).contains("different body");
        assertThat(admin.get("/api/batches?connector=push-conflict").getBody()).hasSize(1);
    }

    @Test
    void invalidIdempotencyKeyIsRejected() {
        createRunning("push-bad-key", "");

        PushClient.Reply reply = push.pushArray("push-bad-key", TOKEN, PushClient.licences(1551, 1),
                "Idempotency-Key", "x".repeat(256));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void oversizeBodyIsRejectedBeforeReading() {
        createRunning("push-bytes", ", maxBodyBytes: 2048");
        HttpHeaders authorization = new HttpHeaders();
        authorization.setBearerAuth(TOKEN);

        PushClient.Reply declared = push.pushArray("push-bytes", TOKEN, PushClient.licences(1601, 20),
                "Accept-Language", "en");
        String announced = ApiClient.of(http, authorization)
                .announceLargePost("/ingest/push-bytes", 50_000_000, "application/json");

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("detail").asText()).contains("2048 bytes");
        assertThat(announced).contains("413");
        assertThat(admin.get("/api/batches?connector=push-bytes").getBody()).isEmpty();
    }

    @Test
    void tooManyRecordsAreRejected() {
        createRunning("push-count", ", maxRecords: 5");
        StringBuilder lines = new StringBuilder();
        for (int number = 1701; number <= 1706; number++) {
            lines.append(PushClient.licenceLine(number)).append('\n');
        }

        PushClient.Reply array = push.pushArray("push-count", TOKEN, PushClient.licences(1701, 6));
        PushClient.Reply jsonLines = push.post("push-count", lines.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-ndjson", "Authorization", "Bearer " + TOKEN, "Accept-Language", "en");
        PushClient.Reply five = push.pushArray("push-count", TOKEN, PushClient.licences(1701, 5));

        assertThat(array.status()).isEqualTo(413);
        assertThat(jsonLines.status()).isEqualTo(413);
        assertThat(jsonLines.json().get("detail").asText()).contains("limit of 5 records");
        assertThat(five.status()).isEqualTo(200);
        assertThat(admin.get("/api/batches?connector=push-count").getBody()).hasSize(1);
    }

    @Test
    void malformedJsonLineIsQuarantined() {
        createRunning("push-lines", "");
        String body = PushClient.licenceLine(1801) + "\n{\"行政相对人名称\": broken\n" + PushClient.licenceLine(1803) + "\n";

        PushClient.Reply chinese = push.post("push-lines", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-ndjson", "Authorization", "Bearer " + TOKEN);
        PushClient.Reply english = push.post("push-lines", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/jsonl; charset=utf-8", "Authorization", "Bearer " + TOKEN,
                "Accept-Language", "en");

        assertThat(chinese.status()).isEqualTo(200);
        JsonNode result = chinese.json();
        assertThat(result.get("received").asLong()).isEqualTo(3);
        assertThat(result.get("accepted").asLong()).isEqualTo(2);
        assertThat(result.get("rejected").asLong()).isEqualTo(1);
        JsonNode rejection = result.get("rejections").get(0);
        assertThat(rejection.get("record").asLong()).isEqualTo(2);
        assertThat(rejection.get("line").asLong()).isEqualTo(2);
        assertThat(rejection.get("reasons").get(0).get("code").asText()).isEqualTo("READ_JSON_MALFORMED");
        assertThat(rejection.get("reasons").get(0).get("message").asText()).containsPattern("\\p{IsHan}");
        assertThat(english.json().get("rejections").get(0).get("reasons").get(0).get("message").asText())
                .doesNotContainPattern("\\p{IsHan}");
        JsonNode quarantine = admin.get("/api/quarantine?connector=push-lines").getBody();
        assertThat(quarantine.toString()).contains("READ_JSON_MALFORMED");
    }

    @Test
    void invalidRecordIsRejectedWithReason() {
        createRunning("push-invalid", "");
        String body = PushClient.licenceLine(1901).replace("2029-03-04", "2029-13-04") + "\n";

        JsonNode result = push.post("push-invalid", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-ndjson", "Authorization", "Bearer " + TOKEN).json();

        assertThat(result.get("accepted").asLong()).isZero();
        assertThat(result.get("rejected").asLong()).isEqualTo(1);
        assertThat(result.get("rejections").get(0).get("reasons").get(0).get("sourceColumn").asText())
                .isEqualTo("有效期至");
    }

    @Test
    void unreadableArrayIsUnprocessable() {
        createRunning("push-broken", "");

        PushClient.Reply reply = push.pushArray("push-broken", TOKEN,
                "[{\"a\": ".getBytes(StandardCharsets.UTF_8));
        PushClient.Reply object = push.pushArray("push-broken", TOKEN,
                PushClient.licenceLine(1951).getBytes(StandardCharsets.UTF_8));
        PushClient.Reply empty = push.pushArray("push-broken", TOKEN, " \r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(reply.json().get("rejections").get(0).get("record").asLong()).isZero();
        assertThat(object.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void wrongMediaTypeIsRejected() {
        createRunning("push-media", "");

        PushClient.Reply csv = push.post("push-media", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv", "Authorization", "Bearer " + TOKEN);
        PushClient.Reply latin = push.post("push-media", PushClient.licences(1961, 1),
                "Content-Type", "application/json; charset=ISO-8859-1", "Authorization", "Bearer " + TOKEN);

        assertThat(csv.status()).isEqualTo(415);
        assertThat(latin.status()).isEqualTo(415);
    }

    @Test
    void pausedAndStoppedConnectorsRefuse() {
        createRunning("push-paused", "");
        admin.post("/api/connectors/push-paused/pause");

        PushClient.Reply paused = push.pushArray("push-paused", TOKEN, PushClient.licences(2001, 1),
                "Accept-Language", "en");
        admin.post("/api/connectors/push-paused/resume");
        PushClient.Reply resumed = push.pushArray("push-paused", TOKEN, PushClient.licences(2001, 1));
        admin.post("/api/connectors/push-paused/stop");
        PushClient.Reply stopped = push.pushArray("push-paused", TOKEN, PushClient.licences(2002, 1));

        assertThat(paused.status()).isEqualTo(503);
        assertThat(paused.header("Retry-After")).isEqualTo("60");
        assertThat(paused.json().get("detail").asText()).contains("paused");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(admin.get("/api/batches?connector=push-paused").getBody()).hasSize(1);
    }

    @Test
    void unknownInvalidAndOtherConnectorsRefuse() throws Exception {
        java.nio.file.Files.writeString(HUB.connectorsDir().resolve("push-broken-file.yaml"), """
                id: push-broken-file
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: http-push, parameters: {}}
                target: {recordType: credit.license, version: "1"}
                """);
        java.nio.file.Files.writeString(HUB.connectorsDir().resolve("push-no-env.yaml"), """
                id: push-no-env
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: http-push, parameters: {token: "${env:HUITONG_TEST_UNSET_PUSH_TOKEN}"}}
                target: {recordType: credit.license, version: "1"}
                """);
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/push-broken-file").getStatusCode() == HttpStatus.OK
                && state("push-broken-file").equals("INVALID"));
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/push-no-env").getStatusCode() == HttpStatus.OK
                && state("push-no-env").equals("FAILED"));

        PushClient.Reply unknown = push.pushArray("no-such-connector", TOKEN, PushClient.licences(2101, 1));
        PushClient.Reply invalid = push.pushArray("push-broken-file", TOKEN, PushClient.licences(2101, 1));
        PushClient.Reply fileDrop = push.pushArray("samr-licensing", TOKEN, PushClient.licences(2101, 1));
        PushClient.Reply failed = push.pushArray("push-no-env", TOKEN, PushClient.licences(2101, 1),
                "Accept-Language", "en");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(409);
        assertThat(fileDrop.status()).isEqualTo(404);
        assertThat(fileDrop.json().get("detail").asText()).contains("file-drop");
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.json().get("detail").asText()).contains("could not be started");
        assertThat(admin.get("/api/connectors/push-no-env", "en").getBody().get("stateReason").asText())
                .contains("HUITONG_TEST_UNSET_PUSH_TOKEN").doesNotContain(TOKEN);
    }

    @Test
    void descriptorErrorsNameTheParameter() {
        String noToken = """
                id: push-no-token
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: http-push, parameters: {authentication: bearer}}
                target: {recordType: credit.license, version: "1"}
                """;
        String shortSecret = """
                id: push-short
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: http-push, parameters: {authentication: hmac, hmacSecret: "too-short", token: "%s"}}
                target: {recordType: credit.license, version: "1"}
                """.formatted(TOKEN);
        String badLimits = bearerConnector("push-limits", ", maxBodyBytes: 10, maxRecords: 0, authentication: basic");

        JsonNode missing = admin.postYaml("/api/connectors/validate", noToken).getBody();
        JsonNode weak = admin.postYaml("/api/connectors/validate", shortSecret).getBody();
        JsonNode limits = admin.postYaml("/api/connectors/validate", badLimits).getBody();

        assertThat(paths(missing)).containsExactly("source.parameters.token");
        assertThat(paths(weak)).containsExactlyInAnyOrder("source.parameters.hmacSecret", "source.parameters.token");
        assertThat(weak.toString()).contains("32");
        assertThat(paths(limits)).contains("source.parameters.maxBodyBytes", "source.parameters.maxRecords",
                "source.parameters.authentication");
    }

    @Test
    void secretIsNeverReturned() {
        createRunning("push-secret", "");

        JsonNode connector = admin.get("/api/connectors/push-secret").getBody();

        assertThat(connector.toString()).doesNotContain(TOKEN);
        assertThat(connector.get("descriptor").get("source").get("parameters").get("token").asText())
                .isEqualTo("********");
    }

    @Test
    void dryRunReadsJsonLinesSample() {
        createRunning("push-dry-run", "");
        byte[] sample = (PushClient.licenceLine(2201) + "\n" + PushClient.licenceLine(2202) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        var response = admin.postFiles("/api/connectors/push-dry-run/test",
                new ApiClient.FilePart("file", "sample.jsonl", sample));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("valid").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/batches?connector=push-dry-run").getBody()).isEmpty();
    }

    private static List<String> paths(JsonNode validation) {
        List<String> paths = new ArrayList<>();
        validation.get("errors").forEach(error -> paths.add(error.get("path").asText()));
        return paths;
    }

    private String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }
}
