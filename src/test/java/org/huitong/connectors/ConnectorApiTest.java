package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.HubUsers;
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

/** Creating, reading, updating, deleting and validating connectors over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectorApiTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    /** An administrator's API key, created once: keys are faster than passwords, which are hashed with bcrypt. */
    private static String adminKey;

    @BeforeEach
    void client() {
        if (adminKey == null) {
            adminKey = HubUsers.of(http, HUB).createApiKey("ADMIN", null, null);
        }
        api = ApiClient.withApiKey(http, adminKey);
    }

    static String licenceConnector(String id, String description) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                description: %s
                source:
                  template: file-drop
                  parameters: {pollDelayMs: 200, readLockMinAgeMs: 200}
                target: {recordType: credit.license, version: "1"}
                """.formatted(id, description);
    }

    @Test
    void createReadUpdateDelete() {
        ResponseEntity<JsonNode> created = api.postYaml("/api/connectors", licenceConnector("crud-one", "first"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/connectors/crud-one");
        assertThat(created.getBody().get("origin").asText()).isEqualTo("API");
        assertThat(created.getBody().get("revision").asLong()).isEqualTo(1);
        awaitState("crud-one", "RUNNING");

        ResponseEntity<JsonNode> updated = api.putYaml("/api/connectors/crud-one", licenceConnector("crud-one", "second"));

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody().get("revision").asLong()).isEqualTo(2);
        assertThat(updated.getBody().get("descriptor").get("description").asText()).isEqualTo("second");
        awaitState("crud-one", "RUNNING");

        assertThat(api.delete("/api/connectors/crud-one").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/connectors/crud-one").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletedConnectorKeepsItsBatches() {
        api.postYaml("/api/connectors", licenceConnector("keeps-history", "x"));
        awaitState("keeps-history", "RUNNING");
        HUB.drop("keeps-history", LicenceFiles.validRows(HUB.root(), 3), "licences.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> batches("keeps-history").size() == 1
                && batches("keeps-history").get(0).get("status").asText().equals("COMPLETED"));

        api.delete("/api/connectors/keeps-history");

        assertThat(batches("keeps-history")).hasSize(1);
        assertThat(api.get("/api/connectors/keeps-history/history").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidDescriptorIsRejectedWithPaths() {
        ResponseEntity<JsonNode> response = api.postYaml("/api/connectors", """
                id: bad-one
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: file-drop, parameters: {format: xls}}
                target: {recordType: credit.license, version: "1"}
                mapping: {文书号: XK_NOPE}
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paths(response.getBody().get("errors"))).containsExactly("mapping.文书号", "source.parameters.format");
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("XK_NOPE");
        assertThat(api.get("/api/connectors/bad-one").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void errorsFollowTheRequestLanguage() {
        String yaml = "id: Bad\n";

        JsonNode chinese = api.postYaml("/api/connectors/validate", yaml).getBody();

        assertThat(chinese.get("valid").asBoolean()).isFalse();
        assertThat(chinese.get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("必填项"));
    }

    @Test
    void validateDoesNotStore() {
        JsonNode valid = api.postYaml("/api/connectors/validate", licenceConnector("only-checked", "x")).getBody();
        JsonNode invalid = api.postYaml("/api/connectors/validate", "id: x1\nsource: {template: nope}\n").getBody();

        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("errors")).isEmpty();
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(paths(invalid.get("errors"))).contains("department", "target", "source.template");
        assertThat(api.get("/api/connectors/only-checked").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void hugeDescriptorRejectedBeforeBody() {
        long tenMegabytes = 10L * 1024 * 1024;

        String created = api.announceLargePost("/api/connectors", tenMegabytes, "application/yaml");
        String validated = api.announceLargePost("/api/connectors/validate", tenMegabytes, "application/yaml");

        assertThat(created).startsWith("HTTP/1.1 413");
        assertThat(validated).startsWith("HTTP/1.1 413");
    }

    @Test
    void hugeDescriptorRejectedInMultipart() {
        String huge = licenceConnector("huge-one", "x") + "# " + "x".repeat(10 * 1024 * 1024) + "\n";

        ResponseEntity<JsonNode> response = api.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "huge.yaml", huge.getBytes(StandardCharsets.UTF_8)),
                new ApiClient.FilePart("file", "sample.csv", "a\r\n1\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().get("detail").asText()).contains("262144");
        assertThat(api.get("/api/connectors/huge-one").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void fileConnectorCannotBeReplacedThroughTheApi() {
        ResponseEntity<JsonNode> create = api.postYaml("/api/connectors", licenceConnector("samr-licensing", "x"));
        ResponseEntity<JsonNode> update = api.putYaml("/api/connectors/samr-licensing", licenceConnector("samr-licensing", "x"));
        ResponseEntity<JsonNode> delete = api.delete("/api/connectors/samr-licensing");

        assertThat(create.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(update.getBody().get("detail").asText()).contains("samr-licensing.yaml");
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/connectors/samr-licensing").getBody().get("origin").asText()).isEqualTo("FILE");
    }

    @Test
    void staleRevisionIsRefused() {
        api.postYaml("/api/connectors", licenceConnector("revised", "one"));
        api.putYaml("/api/connectors/revised", licenceConnector("revised", "two"), "\"1\"");

        ResponseEntity<JsonNode> stale = api.putYaml("/api/connectors/revised", licenceConnector("revised", "three"), "\"1\"");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/connectors/revised").getBody().get("descriptor").get("description").asText())
                .isEqualTo("two");
    }

    @Test
    void idCannotChangeInAnUpdate() {
        api.postYaml("/api/connectors", licenceConnector("fixed-id", "one"));

        ResponseEntity<JsonNode> renamed = api.putYaml("/api/connectors/fixed-id", licenceConnector("other-id", "one"));

        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paths(renamed.getBody().get("errors"))).containsExactly("id");
    }

    @Test
    void schemaAndTemplatesArePublished() {
        JsonNode schema = api.get("/api/connectors/schema").getBody();
        JsonNode templates = api.get("/api/templates").getBody();
        JsonNode fileDrop = api.get("/api/templates/file-drop").getBody();

        assertThat(schema.get("$id").asText()).isEqualTo("urn:huitong:connector-descriptor:1");
        assertThat(templates.findValuesAsText("name")).contains("file-drop", "secret-probe");
        assertThat(fileDrop.get("properties").get("doneFile").get("x-description-zh").asText()).isNotBlank();
        assertThat(api.get("/api/templates/nope").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        JsonNode paths = ApiClient.anonymous(http).get("/v3/api-docs").getBody().get("paths");

        assertThat(paths.has("/api/connectors")).isTrue();
        assertThat(paths.get("/api/connectors/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/connectors/{id}").has("delete")).isTrue();
        for (String action : List.of("pause", "resume", "stop", "start", "restart", "run", "test", "history")) {
            assertThat(paths.has("/api/connectors/{id}/" + action)).as(action).isTrue();
        }
        assertThat(paths.has("/api/connectors/validate")).isTrue();
        assertThat(paths.has("/api/connectors/test")).isTrue();
        assertThat(paths.has("/api/templates/{name}")).isTrue();
    }

    @Test
    void dryRunShowsRecordsAndPublishesNothing() throws Exception {
        Path file = LicenceFiles.validRows(HUB.root(), 2);
        String csv = Files.readString(file, java.nio.charset.Charset.forName("GB18030"));
        String broken = csv + csv.lines().skip(1).findFirst().orElseThrow().replace("2024年3月5日", "2024年13月5日") + "\r\n";
        long batchesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM batches", Long.class);
        long recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM stored_records", Long.class);

        ResponseEntity<JsonNode> response = api.postFiles("/api/connectors/samr-licensing/test?limit=2",
                new ApiClient.FilePart("file", "licences.csv", broken.getBytes(java.nio.charset.Charset.forName("GB18030"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = response.getBody();
        assertThat(result.get("read").asLong()).isEqualTo(3);
        assertThat(result.get("valid").asLong()).isEqualTo(2);
        assertThat(result.get("invalid").asLong()).isEqualTo(1);
        assertThat(result.get("records")).hasSize(2);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(result.get("records").get(0).get("data").get("XK_WSH").asText()).isEqualTo(LicenceFiles.decisionNumber(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batches", Long.class)).isEqualTo(batchesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_records", Long.class)).isEqualTo(recordsBefore);
    }

    @Test
    void dryRunReportsViolations() throws Exception {
        Path file = LicenceFiles.validRows(HUB.root(), 1);
        String csv = Files.readString(file, java.nio.charset.Charset.forName("GB18030")).replace("2024年3月5日", "2024年13月5日");

        JsonNode result = api.postFiles("/api/connectors/samr-licensing/test",
                new ApiClient.FilePart("file", "x.csv", csv.getBytes(java.nio.charset.Charset.forName("GB18030")))).getBody();

        JsonNode record = result.get("records").get(0);
        assertThat(record.get("valid").asBoolean()).isFalse();
        assertThat(record.get("violations").findValuesAsText("field")).contains("XK_JDRQ");
        assertThat(record.get("violations").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void dryRunWithoutFileNeedsALiveSource() {
        ResponseEntity<JsonNode> response = api.post("/api/connectors/samr-licensing/test");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("samr-licensing");
    }

    @Test
    void dryRunOfUnsavedDescriptor() {
        String descriptor = licenceConnector("not-saved", "x") + "mapping: {文号: XK_WSH}\n";
        String csv = "文号,行政相对人名称\r\n兰市监许〔2024〕1号,某公司\r\n";

        ResponseEntity<JsonNode> response = api.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "not-saved.yaml", descriptor.getBytes(StandardCharsets.UTF_8)),
                new ApiClient.FilePart("file", "sample.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode record = response.getBody().get("records").get(0);
        assertThat(record.get("data").get("XK_WSH").asText()).isEqualTo("兰市监许〔2024〕1号");
        assertThat(record.get("valid").asBoolean()).isFalse();
        assertThat(response.getBody().get("missingColumns")).isEmpty();
        assertThat(api.get("/api/connectors/not-saved").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void dryRunWarnsOfMissingColumns() {
        String descriptor = licenceConnector("not-saved-2", "x") + "mapping: {决定书编号: XK_WSH}\n";
        String csv = "行政许可决定文书号,行政相对人名称\r\n兰市监许〔2024〕1号,某公司\r\n";

        JsonNode result = api.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "d.yaml", descriptor.getBytes(StandardCharsets.UTF_8)),
                new ApiClient.FilePart("file", "sample.csv", csv.getBytes(StandardCharsets.UTF_8))).getBody();

        assertThat(result.get("missingColumns").get(0).asText()).isEqualTo("决定书编号");
        assertThat(result.get("warnings").get(0).asText()).contains("决定书编号");
    }

    @Test
    void readingAConnectorGivesItsRevisionAsETag() {
        api.postYaml("/api/connectors", licenceConnector("tagged", "x"));

        assertThat(api.get("/api/connectors/tagged").getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void dryRunOfInvalidDescriptorListsErrors() {
        ResponseEntity<JsonNode> response = api.postFiles("/api/connectors/test",
                new ApiClient.FilePart("descriptor", "d.yaml", "id: x\n".getBytes(StandardCharsets.UTF_8)),
                new ApiClient.FilePart("file", "sample.csv", "a\r\n1\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paths(response.getBody().get("errors"))).contains("department", "source", "target");
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                state.equals(api.get("/api/connectors/" + id).getBody().get("state").asText()));
    }

    private List<JsonNode> batches(String connector) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/batches?connector=" + connector).getBody().forEach(list::add);
        return list;
    }

    private static List<String> paths(JsonNode errors) {
        List<String> paths = new ArrayList<>();
        errors.forEach(error -> paths.add(error.get("path").asText()));
        return paths;
    }
}
