package org.huitong.connectors.sources.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code sftp-poll} template end to end against an SFTP server on 127.0.0.1: records reach
 * the exchange and the file moves on the server, incomplete files wait, a wrong host key is
 * refused, and a server that goes away and comes back loses and doubles nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SftpPollTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Several poll intervals: long enough for the hub to have read a file it was going to read. */
    private static final Duration SEVERAL_POLLS = Duration.ofSeconds(4);

    private static TestSftpServer sftp;
    private static ApiClient admin;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeAll
    static void startServer() throws IOException {
        sftp = TestSftpServer.start(Files.createDirectories(HUB.root().resolve("sftp-root")));
    }

    @AfterAll
    static void stopServer() throws IOException {
        sftp.close();
    }

    @BeforeEach
    void client() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        }
    }

    @Test
    void recordsPublishedAndFileMoved() throws Exception {
        create(connector("sftp-happy", sftp, "happy", password()));
        Path file = LicenceFiles.validRows(HUB.root(), 1, 3);

        try (ExchangeSubscriber subscriber = ExchangeSubscriber.attach(HUB.brokerUrl(), "sftp-happy-test",
                "exchange.credit.license", "sftp-happy")) {
            sftp.upload(file, "happy", "licences.csv");

            JsonNode batch = awaitBatch("sftp-happy", "licences.csv");
            assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(batch.get("published").asLong()).isEqualTo(3);
            List<String> expected = List.of(LicenceFiles.subject(1), LicenceFiles.subject(2),
                    LicenceFiles.subject(3));
            List<String> subjects = subscriber.drain(Duration.ofSeconds(2)).stream()
                    .map(event -> event.get("subject").asText()).filter(expected::contains).toList();
            assertThat(subjects).containsExactlyInAnyOrderElementsOf(expected);
        }
        await().atMost(WAIT).until(() -> !Files.exists(sftp.root().resolve("happy/licences.csv")));
        assertThat(archived("happy/.done")).singleElement().asString().startsWith("licences.").endsWith(".csv");
        try (Stream<Path> work = Files.list(HUB.dataDir().resolve("sftp-work/sftp-happy"))) {
            assertThat(work).isEmpty();
        }
        assertThat(state("sftp-happy")).isEqualTo("RUNNING");
    }

    @Test
    void keepLeavesFilesForReadOnlyLogin() throws Exception {
        String descriptor = connector("sftp-keep", sftp, "keep", password(), "afterRead: keep")
                .replace("username: " + TestSftpServer.USER, "username: " + TestSftpServer.READ_ONLY_USER);
        create(descriptor);
        Path folder = Files.createDirectories(sftp.root().resolve("keep"));
        sftp.upload(LicenceFiles.validRows(HUB.root(), 40, 2), "keep", "kept.csv");

        JsonNode first = awaitBatch("sftp-keep", "kept.csv");
        assertThat(first.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(first.get("published").asLong()).isEqualTo(2);
        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batches("sftp-keep")).as("a kept file is read once").hasSize(1);
        assertThat(folder.resolve("kept.csv")).exists();
        assertThat(folder.resolve(".done")).doesNotExist();
        assertThat(state("sftp-keep")).isEqualTo("RUNNING");

        assertThat(jdbc.queryForList("SELECT messageId FROM sftp_read_files WHERE processorName = 'sftp-keep'",
                String.class)).singleElement().asString().startsWith("kept.csv-");

        // An update builds a new route with a new repository, which reads the same table.
        ResponseEntity<JsonNode> updated = admin.putYaml("/api/connectors/sftp-keep",
                descriptor.replace("readLockMinAgeMs: 200", "readLockMinAgeMs: 300"));
        assertThat(updated.getStatusCode()).as(String.valueOf(updated.getBody())).isEqualTo(HttpStatus.OK);
        awaitState("sftp-keep", "RUNNING");
        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batches("sftp-keep")).as("the read files survive a new route").hasSize(1);

        // The department replaces the file with one more row: it is read again.
        Path part = Files.copy(LicenceFiles.validRows(HUB.root(), 40, 3), folder.resolve("kept.csv.part"));
        Files.move(part, folder.resolve("kept.csv"), StandardCopyOption.REPLACE_EXISTING);
        await().atMost(WAIT).until(() -> batches("sftp-keep").size() == 2
                && !batches("sftp-keep").get(0).get("status").asText().equals("RUNNING"));
        JsonNode second = batches("sftp-keep").get(0);
        assertThat(second.get("published").asLong()).isEqualTo(1);
        assertThat(second.get("unchanged").asLong()).isEqualTo(2);
    }

    @Test
    void readFilesForgottenOnMoveAndDelete() throws Exception {
        String descriptor = connector("sftp-forget", sftp, "forget", password(), "afterRead: keep");
        create(descriptor);
        sftp.upload(LicenceFiles.validRows(HUB.root(), 200, 2), "forget", "kept.csv");
        awaitBatch("sftp-forget", "kept.csv");
        assertThat(readFiles("sftp-forget")).isEqualTo(1);

        // A change that leaves the folder alone keeps the list.
        admin.putYaml("/api/connectors/sftp-forget", descriptor.replace("readLockMinAgeMs: 200", "readLockMinAgeMs: 300"));
        assertThat(readFiles("sftp-forget")).as("after a change of the read lock").isEqualTo(1);

        Files.createDirectories(sftp.root().resolve("moved"));
        ResponseEntity<JsonNode> moved = admin.putYaml("/api/connectors/sftp-forget",
                descriptor.replace("directory: forget", "directory: moved"));
        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(readFiles("sftp-forget")).as("after a move to another folder").isZero();

        sftp.upload(LicenceFiles.validRows(HUB.root(), 210, 1), "moved", "other.csv");
        awaitBatch("sftp-forget", "other.csv");
        assertThat(readFiles("sftp-forget")).isEqualTo(1);
        assertThat(admin.delete("/api/connectors/sftp-forget").getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(readFiles("sftp-forget")).as("after the connector is deleted").isZero();
    }

    private int readFiles(String connectorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sftp_read_files WHERE processorName = ?",
                Integer.class, connectorId);
    }

    @Test
    void unknownAfterReadRejected() {
        assertThat(paths(connector("sftp-after", sftp, "after", password(), "afterRead: delete")))
                .containsExactly("source.parameters.afterRead");
    }

    @Test
    void privateKeyLogsIn() throws Exception {
        String key = sftp.clientPrivateKey().strip().indent(2);
        create(connector("sftp-key", sftp, "key", "privateKey: |\n" + key));

        sftp.upload(LicenceFiles.validRows(HUB.root(), 10, 2), "key", "by-key.csv");

        assertThat(awaitBatch("sftp-key", "by-key.csv").get("published").asLong()).isEqualTo(2);
    }

    @Test
    void partFileWaitsForRename() throws Exception {
        create(connector("sftp-part", sftp, "part", password()));
        Path folder = Files.createDirectories(sftp.root().resolve("part"));
        Path part = Files.copy(LicenceFiles.validRows(HUB.root(), 20, 2), folder.resolve("late.csv.part"));
        Files.writeString(folder.resolve(".hidden.csv"), "not read", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("upload.csv.tmp"), "not read", StandardCharsets.UTF_8);
        awaitState("sftp-part", "RUNNING");

        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batches("sftp-part")).isEmpty();
        assertThat(Files.exists(part)).isTrue();

        Files.move(part, folder.resolve("late.csv"));
        assertThat(awaitBatch("sftp-part", "late.csv").get("published").asLong()).isEqualTo(2);
        assertThat(batches("sftp-part")).hasSize(1);
        assertThat(Files.exists(folder.resolve(".hidden.csv"))).isTrue();
        assertThat(Files.exists(folder.resolve("upload.csv.tmp"))).isTrue();
    }

    @Test
    void doneFileProtocolWaitsForMarker() throws Exception {
        create(connector("sftp-marker", sftp, "marker",
                password(), "doneFile: true"));
        Path folder = Files.createDirectories(sftp.root().resolve("marker"));
        Files.copy(LicenceFiles.validRows(HUB.root(), 30, 2), folder.resolve("marked.csv"));
        awaitState("sftp-marker", "RUNNING");

        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batches("sftp-marker")).isEmpty();

        Files.createFile(folder.resolve("marked.csv.done"));
        assertThat(awaitBatch("sftp-marker", "marked.csv").get("published").asLong()).isEqualTo(2);
        await().atMost(WAIT).until(() -> !Files.exists(folder.resolve("marked.csv.done")));
    }

    @Test
    void unreadableFileMovesToRejected() throws Exception {
        create(connector("sftp-reject", sftp, "reject",
                password(), "rejectedFolder: refused"));
        Path broken = Files.writeString(HUB.root().resolve("broken.xlsx"), "this is not a workbook");

        sftp.upload(broken, "reject", "broken.xlsx");

        assertThat(awaitBatch("sftp-reject", "broken.xlsx").get("status").asText()).isEqualTo("REJECTED");
        await().atMost(WAIT).until(() -> archived("reject/refused").size() == 1);
        assertThat(archived("reject/.done")).isEmpty();
    }

    @Test
    void wrongHostKeyRefused() throws Exception {
        create(connector("sftp-mitm", sftp, "mitm", password())
                .replace(sftp.knownHostsLine(), sftp.knownHostsLineWithOtherKey()));
        sftp.upload(LicenceFiles.validRows(HUB.root(), 40, 1), "mitm", "secret.csv");

        await().atMost(WAIT).until(() -> state("sftp-mitm").equals("DEGRADED"));

        JsonNode connector = admin.get("/api/connectors/sftp-mitm", "en").getBody();
        assertThat(connector.get("stateReason").asText()).contains("host key does not match knownHosts");
        assertThat(admin.get("/api/connectors/sftp-mitm").getBody().get("stateReason").asText())
                .contains("主机密钥与 knownHosts 不符");
        assertThat(batches("sftp-mitm")).isEmpty();
        assertThat(Files.exists(sftp.root().resolve("mitm/secret.csv"))).isTrue();
    }

    @Test
    void wrongPasswordDegrades() throws Exception {
        create(connector("sftp-login", sftp, "login", "password: wrong"));

        await().atMost(WAIT).until(() -> state("sftp-login").equals("DEGRADED"));

        String reason = admin.get("/api/connectors/sftp-login", "en").getBody().get("stateReason").asText();
        assertThat(reason).contains("login rejected");
        assertThat(reason).doesNotContain("wrong");
    }

    @Test
    void serverOutageRecoversWithoutLossOrDuplicates() throws Exception {
        try (TestSftpServer own = TestSftpServer.start(Files.createDirectories(HUB.root().resolve("outage-root")));
             ExchangeSubscriber subscriber = ExchangeSubscriber.attach(HUB.brokerUrl(), "sftp-outage-test",
                     "exchange.credit.license", "sftp-outage")) {
            create(connector("sftp-outage", own, "in", password()));
            own.upload(LicenceFiles.validRows(HUB.root(), 100, 5), "in", "before.csv");
            awaitBatch("sftp-outage", "before.csv");

            own.stop();
            await().atMost(WAIT).until(() -> state("sftp-outage").equals("DEGRADED"));
            assertThat(admin.get("/api/connectors/sftp-outage", "en").getBody().get("stateReason").asText())
                    .contains("connection refused");
            own.upload(LicenceFiles.validRows(HUB.root(), 105, 5), "in", "during.csv");
            own.start();

            await().atMost(WAIT).until(() -> state("sftp-outage").equals("RUNNING"));
            awaitBatch("sftp-outage", "during.csv");
            own.upload(LicenceFiles.validRows(HUB.root(), 110, 5), "in", "after.csv");
            awaitBatch("sftp-outage", "after.csv");

            List<String> expected = new ArrayList<>();
            for (int number = 100; number < 115; number++) {
                expected.add(LicenceFiles.subject(number));
            }
            List<String> subjects = subscriber.drain(Duration.ofSeconds(2)).stream()
                    .map(event -> event.get("subject").asText()).filter(expected::contains).toList();
            assertThat(subjects).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(batches("sftp-outage")).hasSize(3)
                    .allSatisfy(batch -> assertThat(batch.get("published").asLong()).isEqualTo(5));
            List<String> history = list(admin.get("/api/connectors/sftp-outage/history").getBody()).stream()
                    .map(change -> change.get("to").asText()).toList();
            assertThat(history).startsWith("RUNNING", "DEGRADED", "RUNNING");
        }
    }

    @Test
    void requiredParametersReported() {
        String yaml = """
                id: sftp-empty
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: sftp-poll, parameters: {port: 2222}}
                schedule: {interval: PT1M}
                target: {recordType: credit.license, version: "1"}
                """;

        List<String> errors = errors(yaml);

        assertThat(errors).contains("source.parameters.host：必填项，不能为空。",
                "source.parameters.username：必填项，不能为空。",
                "source.parameters.knownHosts：必填项，不能为空。");
    }

    @Test
    void credentialsAndKnownHostsChecked() {
        String noCredentials = connector("sftp-bad", sftp, "bad");
        assertThat(errors(noCredentials)).containsExactly("source.parameters.password：SFTP 登录需要 password 或 "
                + "privateKey（也可两者都设置），请至少设置一个。");

        String otherHost = connector("sftp-bad", sftp, "bad", password())
                .replace("[127.0.0.1]:" + sftp.port(), "[10.0.0.9]:" + sftp.port());
        assertThat(errors(otherHost)).singleElement().asString()
                .startsWith("source.parameters.knownHosts：没有条目以 [127.0.0.1]:" + sftp.port() + " 指明该服务器");

        String brokenLine = connector("sftp-bad", sftp, "bad", password())
                .replace(sftp.knownHostsLine(), "127.0.0.1 ssh-ed25519");
        assertThat(errors(brokenLine)).singleElement().asString()
                .startsWith("source.parameters.knownHosts：第 1 行不是 known_hosts 条目");

        String unknownType = connector("sftp-bad", sftp, "bad", password())
                .replace(sftp.knownHostsLine(), "[127.0.0.1]:" + sftp.port() + " ssh-foo AAAA");
        assertThat(errors(unknownType)).singleElement().asString()
                .startsWith("source.parameters.knownHosts：第 1 行的密钥类型未知");

        String notAKey = connector("sftp-bad", sftp, "bad", "privateKey: not-a-key",
                "archiveFolder: ../up", "rejectedFolder: ../up");
        assertThat(paths(notAKey)).containsExactlyInAnyOrder("source.parameters.privateKey",
                "source.parameters.archiveFolder", "source.parameters.rejectedFolder",
                "source.parameters.rejectedFolder");

        String passphraseOnly = connector("sftp-bad", sftp, "bad", password(), "privateKeyPassphrase: x");
        assertThat(paths(passphraseOnly)).containsExactly("source.parameters.privateKeyPassphrase");

        String noSchedule = connector("sftp-bad", sftp, "bad", password()).replace("schedule: {interval: PT1S}\n", "");
        assertThat(paths(noSchedule)).containsExactly("schedule");
    }

    @Test
    void hostOutsideTheAllowlistRefused() {
        String outside = connector("sftp-outside", sftp, "x", password()).replace("host: 127.0.0.1", "host: sftp.example.org");
        String metadata = connector("sftp-metadata", sftp, "x", password()).replace("host: 127.0.0.1", "host: 169.254.169.254");

        assertThat(paths(outside)).contains("source.parameters.host");
        assertThat(errors(outside)).anySatisfy(message -> assertThat(message).contains("sftp.example.org"));
        assertThat(paths(metadata)).contains("source.parameters.host");
    }

    @Test
    void secretsNeverReturned() {
        create(connector("sftp-secret", sftp, "secret", password()));

        JsonNode parameters = admin.get("/api/connectors/sftp-secret").getBody()
                .path("descriptor").path("source").path("parameters");

        assertThat(parameters.get("password").asText()).isEqualTo("********");
        assertThat(parameters.get("knownHosts").asText()).isEqualTo(sftp.knownHostsLine());
    }

    @Test
    void dryRunReadsUploadedSample() throws Exception {
        String descriptor = connector("sftp-sample", sftp, "sample", password());
        byte[] sample = Files.readAllBytes(LicenceFiles.validRows(HUB.root(), 50, 2));

        ResponseEntity<JsonNode> response = admin.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "sftp-sample.yaml", descriptor.getBytes(StandardCharsets.UTF_8)),
                new ApiClient.FilePart("file", "sample.csv", sample));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("read").asLong()).isEqualTo(2);
        assertThat(response.getBody().get("valid").asLong()).isEqualTo(2);
    }

    @Test
    void dryRunFetchesFirstServerFile() throws Exception {
        Path folder = Files.createDirectories(sftp.root().resolve("live"));
        Path first = Files.copy(LicenceFiles.validRows(HUB.root(), 60, 3), folder.resolve("first.csv"));
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Files.copy(LicenceFiles.validRows(HUB.root(), 70, 1), folder.resolve("second.csv"));
        Files.copy(LicenceFiles.validRows(HUB.root(), 80, 5), folder.resolve("uploading.csv.part"));
        String descriptor = connector("sftp-live", sftp, "live", password());

        ResponseEntity<JsonNode> response = admin.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "sftp-live.yaml", descriptor.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("read").asLong()).isEqualTo(3);
        assertThat(Files.exists(first)).isTrue();
        assertThat(archived("live/.done")).isEmpty();
    }

    @Test
    void dryRunReportsUnreachableSample() throws Exception {
        Files.createDirectories(sftp.root().resolve("empty"));
        String empty = connector("sftp-none", sftp, "empty", password());
        String mitm = connector("sftp-none", sftp, "empty", password())
                .replace(sftp.knownHostsLine(), sftp.knownHostsLineWithOtherKey());

        ResponseEntity<JsonNode> none = admin.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "none.yaml", empty.getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<JsonNode> refused = admin.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "mitm.yaml", mitm.getBytes(StandardCharsets.UTF_8)));

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(none.getBody().get("detail").asText()).startsWith("SFTP 目录中没有可读取的完整文件");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(refused.getBody().get("detail").asText()).contains("host key does not match knownHosts");
    }

    private List<String> errors(String yaml) {
        return validationErrors(yaml, "message");
    }

    private List<String> paths(String yaml) {
        return validationErrors(yaml, "path");
    }

    private List<String> validationErrors(String yaml, String field) {
        JsonNode body = admin.postYaml("/api/connectors/validate", yaml).getBody();
        assertThat(body.path("valid").asBoolean()).as(String.valueOf(body)).isFalse();
        List<String> values = new ArrayList<>();
        body.path("errors").forEach(error -> values.add(error.get(field).asText()));
        return values;
    }

    /**
     * Returns a descriptor for {@code server}, polling {@code directory} every second, with
     * {@code parameters} (YAML lines) added to the source parameters.
     */
    static String connector(String id, TestSftpServer server, String directory, String... parameters) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: sftp-poll
                  parameters:
                    host: 127.0.0.1
                    port: %d
                    username: %s
                    directory: %s
                    knownHosts: "%s"
                    readLockMinAgeMs: 200
                    retryPolls: 1
                    connectTimeoutMs: 2000
                %s
                schedule: {interval: PT1S}
                target: {recordType: credit.license, version: "1"}
                """.formatted(id, server.port(), TestSftpServer.USER, directory, server.knownHostsLine(),
                String.join("\n", parameters).indent(4).stripTrailing());
    }

    private static String password() {
        return "password: '" + TestSftpServer.PASSWORD + "'";
    }

    private List<String> archived(String folder) throws IOException {
        Path root = sftp.root().resolve(folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }

    private void create(String yaml) {
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors", yaml);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }

    private void awaitState(String id, String expected) {
        await().atMost(WAIT).until(() -> state(id).equals(expected));
    }

    private JsonNode awaitBatch(String connector, String sourceFile) {
        await().atMost(WAIT).until(() -> batches(connector).stream()
                .anyMatch(batch -> batch.get("sourceFile").asText().equals(sourceFile)
                        && !batch.get("status").asText().equals("RUNNING")));
        return batches(connector).stream().filter(batch -> batch.get("sourceFile").asText().equals(sourceFile))
                .findFirst().orElseThrow();
    }

    private List<JsonNode> batches(String connector) {
        return list(admin.get("/api/batches?connector=" + connector).getBody());
    }

    private static List<JsonNode> list(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        (body.has("items") ? body.get("items") : body).forEach(items::add);
        return items;
    }
}
