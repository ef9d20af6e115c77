package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Lifecycle actions, computed states and their history, and descriptor files reloaded on change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectorLifecycleTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorRuntime runtime;

    private static ApiClient admin;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeEach
    void client() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        }
    }

    static String connector(String id, String extra) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: file-drop
                  parameters: {pollDelayMs: 200, readLockMinAgeMs: 200, retryPolls: 2}
                target: {recordType: credit.license, version: "1"}
                %s
                """.formatted(id, extra);
    }

    @Test
    void pauseResumeStopStartRestart() throws Exception {
        create(connector("life-one", ""));
        awaitState("life-one", "RUNNING");

        assertThat(action("life-one", "pause").getBody().get("state").asText()).isEqualTo("PAUSED");
        HUB.drop("life-one", LicenceFiles.validRows(HUB.root(), 100, 2), "paused.csv");
        Thread.sleep(1500);
        assertThat(batches("life-one")).isEmpty();

        assertThat(action("life-one", "resume").getBody().get("state").asText()).isEqualTo("RUNNING");
        await().atMost(WAIT).until(() -> batches("life-one").size() == 1);

        assertThat(action("life-one", "stop").getBody().get("state").asText()).isEqualTo("STOPPED");
        ResponseEntity<JsonNode> pauseStopped = action("life-one", "pause");
        assertThat(pauseStopped.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(pauseStopped.getBody().get("detail").asText()).contains("STOPPED");

        assertThat(action("life-one", "start").getBody().get("state").asText()).isEqualTo("RUNNING");
        assertThat(action("life-one", "restart").getBody().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void historyRecordsChangesWithActorAndReason() {
        create(connector("life-history", ""));
        awaitState("life-history", "RUNNING");
        action("life-history", "pause");
        action("life-history", "resume");

        List<JsonNode> history = list(admin.get("/api/connectors/life-history/history").getBody());

        assertThat(history).extracting(change -> change.get("to").asText()).startsWith("RUNNING", "PAUSED", "RUNNING");
        JsonNode paused = history.get(1);
        assertThat(paused.get("from").asText()).isEqualTo("RUNNING");
        assertThat(paused.get("actor").asText()).startsWith("api-key:");
        assertThat(paused.get("reasonEn").asText()).startsWith("Paused by api-key:");
        assertThat(paused.get("reasonZh").asText()).contains("暂停");
    }

    @Test
    void pausedStateSurvivesRebuild() {
        create(connector("life-rebuild", ""));
        awaitState("life-rebuild", "RUNNING");
        action("life-rebuild", "pause");

        admin.putYaml("/api/connectors/life-rebuild", connector("life-rebuild", "description: changed"));

        assertThat(state("life-rebuild")).isEqualTo("PAUSED");
    }

    @Test
    void runNowPollsAtOnce() throws Exception {
        create(connector("life-run", "").replace("pollDelayMs: 200", "pollDelayMs: 3600000"));
        awaitState("life-run", "RUNNING");
        Thread.sleep(1500);
        HUB.drop("life-run", LicenceFiles.validRows(HUB.root(), 200, 1), "now.csv");

        ResponseEntity<JsonNode> run = action("life-run", "run");

        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> batches("life-run").size() == 1);
    }

    @Test
    void unreachableSourceDegradesAndRecovers() throws Exception {
        create(connector("life-degraded", ""));
        awaitState("life-degraded", "RUNNING");
        Path inbox = HUB.inbox("life-degraded");

        Files.delete(inbox);
        await().atMost(WAIT).until(() -> state("life-degraded").equals("DEGRADED"));
        JsonNode degraded = admin.get("/api/connectors/life-degraded", "en").getBody();
        assertThat(degraded.get("stateReason").asText()).contains("Reading the source failed").contains("retrying");
        assertThat(Files.exists(inbox)).isFalse();

        Files.createDirectories(inbox);
        await().atMost(WAIT).until(() -> state("life-degraded").equals("RUNNING"));
        HUB.drop("life-degraded", LicenceFiles.validRows(HUB.root(), 300, 2), "after.csv");
        await().atMost(WAIT).until(() -> batches("life-degraded").size() == 1
                && batches("life-degraded").get(0).get("published").asLong() == 2);

        List<String> states = list(admin.get("/api/connectors/life-degraded/history").getBody()).stream()
                .map(change -> change.get("to").asText()).toList();
        assertThat(states).startsWith("RUNNING", "DEGRADED", "RUNNING");
    }

    @Test
    void connectorWithoutDeliveriesGoesStaleUntilOneArrives() {
        create(connector("life-stale", "expectedInterval: PT2S"));

        await().atMost(WAIT).until(() -> state("life-stale").equals("STALE"));
        assertThat(admin.get("/api/connectors/life-stale", "en").getBody().get("stateReason").asText())
                .contains("expected every PT2S");

        HUB.drop("life-stale", LicenceFiles.validRows(HUB.root(), 400, 1), "late.csv");
        await().atMost(WAIT).until(() -> state("life-stale").equals("RUNNING"));
    }

    @Test
    void batchOverToleranceDegrades() throws Exception {
        create(connector("life-tolerance", "options: {maxQuarantinedShare: 0.1}"));
        awaitState("life-tolerance", "RUNNING");
        Path file = LicenceFiles.validRows(HUB.root(), 500, 2);
        String csv = Files.readString(file, java.nio.charset.Charset.forName("GB18030"));
        Files.writeString(file, csv.replaceFirst("2024年3月5日", "2024年13月5日"), java.nio.charset.Charset.forName("GB18030"));

        HUB.drop("life-tolerance", file, "half.csv");

        await().atMost(WAIT).until(() -> state("life-tolerance").equals("DEGRADED"));
        assertThat(admin.get("/api/connectors/life-tolerance", "en").getBody().get("stateReason").asText())
                .contains("quarantined 50.0%").contains("10.0%");
    }

    @Test
    void descriptorFilesAreReloaded() throws Exception {
        Path file = HUB.connectorsDir().resolve("life-file.yaml");

        Files.writeString(file, connector("life-file", "description: one"));
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/life-file").getStatusCode() == HttpStatus.OK
                && state("life-file").equals("RUNNING"));
        assertThat(admin.get("/api/connectors/life-file").getBody().get("origin").asText()).isEqualTo("FILE");

        Files.writeString(file, connector("life-file", "description: two"));
        await().atMost(WAIT).until(() -> "two".equals(
                admin.get("/api/connectors/life-file").getBody().path("descriptor").path("description").asText()));

        Files.writeString(file, "id: life-file\nbroken: [\n");
        await().atMost(WAIT).until(() -> state("life-file").equals("INVALID"));
        assertThat(runtime.routeStatus("life-file")).isNull();

        Files.delete(file);
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/life-file").getStatusCode() == HttpStatus.NOT_FOUND);
    }

    @Test
    void fileWinsOverApiWithTheSameId() throws Exception {
        create(connector("life-shadow", "description: from the API"));
        Path file = HUB.connectorsDir().resolve("life-shadow.yaml");

        Files.writeString(file, connector("life-shadow", "description: from a file"));
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/life-shadow").getBody().get("origin").asText()
                .equals("FILE"));
        JsonNode shadowed = admin.get("/api/connectors/life-shadow").getBody();
        assertThat(shadowed.get("overridesApi").asBoolean()).isTrue();
        assertThat(shadowed.get("descriptor").get("description").asText()).isEqualTo("from a file");

        Files.delete(file);
        await().atMost(WAIT).until(() -> admin.get("/api/connectors/life-shadow").getBody().get("origin").asText()
                .equals("API"));
    }

    @Test
    void updateRebuildsOnlyThatConnector() {
        create(connector("life-hot-a", ""));
        create(connector("life-hot-b", ""));
        awaitState("life-hot-a", "RUNNING");
        awaitState("life-hot-b", "RUNNING");
        Instant otherStarted = runtime.startedAt("life-hot-b").orElseThrow();
        Instant started = runtime.startedAt("life-hot-a").orElseThrow();

        admin.putYaml("/api/connectors/life-hot-a", connector("life-hot-a", "description: changed"));

        assertThat(runtime.startedAt("life-hot-a").orElseThrow()).isAfter(started);
        assertThat(runtime.startedAt("life-hot-b")).contains(otherStarted);
        assertThat(runtime.startedAt("samr-licensing")).isPresent();
    }

    @Test
    void hotUpdateKeepsRecordsExactlyOnce() throws Exception {
        int files = 5;
        int rows = 400;
        int first = 10_000;
        create(connector("life-flow", "options: {chunkSize: 50}"));
        awaitState("life-flow", "RUNNING");
        Set<String> expected = new HashSet<>();
        for (int number = first; number < first + files * rows; number++) {
            expected.add(LicenceFiles.subject(number));
        }

        try (ExchangeSubscriber subscriber = ExchangeSubscriber.attach(HUB.brokerUrl(), "life-flow-test",
                "exchange.credit.license", "life-flow")) {
            for (int i = 0; i < files; i++) {
                HUB.drop("life-flow", LicenceFiles.validRows(HUB.root(), first + i * rows, rows), "flow-" + i + ".csv");
            }
            await().atMost(WAIT).until(() -> !batches("life-flow").isEmpty());
            assertThat(admin.putYaml("/api/connectors/life-flow", connector("life-flow", "options: {chunkSize: 70}"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            await().atMost(WAIT).until(() -> batches("life-flow").size() >= 3);
            assertThat(admin.putYaml("/api/connectors/life-flow", connector("life-flow", "options: {chunkSize: 90}"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            await().atMost(Duration.ofSeconds(90)).until(() -> completedFiles("life-flow") == files);
            List<String> received = subscriber.drain(Duration.ofSeconds(3)).stream()
                    .map(event -> event.get("subject").asText()).filter(expected::contains).toList();

            assertThat(received).hasSize(files * rows);
            assertThat(new HashSet<>(received)).isEqualTo(expected);
            long published = batches("life-flow").stream().mapToLong(batch -> batch.get("published").asLong()).sum();
            assertThat(published).isEqualTo(files * rows);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_records WHERE connector_id = 'life-flow'",
                    Long.class)).isEqualTo(files * rows);
        }
    }

    private long completedFiles(String connector) {
        return batches(connector).stream().filter(batch -> batch.get("status").asText().equals("COMPLETED"))
                .map(batch -> batch.get("sourceFile").asText()).distinct().count();
    }

    private void create(String yaml) {
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors", yaml);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> action(String id, String action) {
        return admin.post("/api/connectors/" + id + "/" + action);
    }

    private String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }

    private void awaitState(String id, String expected) {
        await().atMost(WAIT).until(() -> state(id).equals(expected));
    }

    private List<JsonNode> batches(String connector) {
        return list(admin.get("/api/batches?connector=" + connector).getBody());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
