package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ConsumerTemplate;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Department isolation and roles on connectors, batches and quarantine; secret parameters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ConnectorSecurityTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsumerTemplate camel;

    private static ApiClient admin;
    private static ApiClient samr;
    private static ApiClient mca;
    private static ApiClient operator;
    private static ApiClient auditor;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeEach
    void clients() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
            samr = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-samr");
            mca = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-mca");
            operator = ApiClient.withNewKey(http, HUB, "OPERATOR", null);
            auditor = ApiClient.withNewKey(http, HUB, "AUDITOR", null);
        }
    }

    static String samrConnector(String id) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: file-drop, parameters: {pollDelayMs: 200}}
                target: {recordType: credit.license, version: "1"}
                """.formatted(id);
    }

    @Test
    void departmentSeesOnlyItsOwnConnectors() {
        List<String> seen = ids(mca.get("/api/connectors").getBody());

        assertThat(seen).contains("mca-elders").doesNotContain("samr-licensing", "samr-penalty", "care-services");
        assertThat(ids(admin.get("/api/connectors").getBody())).contains("mca-elders", "samr-licensing");
    }

    @Test
    void otherDepartmentsConnectorIsForbidden() {
        assertThat(samr.postYaml("/api/connectors", samrConnector("iso-samr")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(mca.get("/api/connectors/iso-samr").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.get("/api/connectors/iso-samr/history").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.putYaml("/api/connectors/iso-samr", samrConnector("iso-samr")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.delete("/api/connectors/iso-samr").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.post("/api/connectors/iso-samr/pause").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.postFiles("/api/connectors/iso-samr/test",
                new ApiClient.FilePart("file", "x.csv", "a\r\n1\r\n".getBytes(StandardCharsets.UTF_8)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.postYaml("/api/connectors", samrConnector("iso-foreign")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.get("/api/connectors/iso-foreign").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(samr.get("/api/connectors/iso-samr").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void forbiddenAnswerExplainsInTheRequestLanguage() {
        ResponseEntity<JsonNode> english = mca.get("/api/connectors/samr-licensing", "en");
        ResponseEntity<JsonNode> chinese = mca.get("/api/connectors/samr-licensing", "zh-CN");

        assertThat(english.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(english.getBody().get("detail").asText()).contains("lz-samr");
        assertThat(chinese.getBody().get("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void departmentSeesOnlyItsOwnBatchesAndQuarantine() {
        HUB.drop("samr-licensing", org.huitong.testsupport.LicenceFiles.validRows(HUB.root(), 1, 2), "l.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/batches?connector=samr-licensing")
                .getBody().size() == 1);
        long batchId = admin.get("/api/batches?connector=samr-licensing").getBody().get(0).get("id").asLong();

        assertThat(mca.get("/api/batches?connector=samr-licensing").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.get("/api/batches/" + batchId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.get("/api/quarantine?connector=samr-licensing").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mca.get("/api/batches").getBody().findValuesAsText("connectorId")).doesNotContain("samr-licensing");
        assertThat(samr.get("/api/batches").getBody().findValuesAsText("connectorId")).contains("samr-licensing");
        assertThat(samr.get("/api/batches/" + batchId).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void operatorDrivesLifecyclesButDoesNotEditConnectors() {
        assertThat(operator.postYaml("/api/connectors", samrConnector("iso-operator")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        awaitRunning("samr-penalty");

        assertThat(operator.post("/api/connectors/samr-penalty/pause").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator.post("/api/connectors/samr-penalty/resume").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void auditorReadsButChangesNothing() {
        assertThat(auditor.get("/api/connectors/samr-penalty").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditor.get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditor.post("/api/connectors/samr-penalty/pause").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.postYaml("/api/connectors", samrConnector("iso-auditor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void connectorChangesAreAudited() {
        admin.postYaml("/api/connectors", samrConnector("iso-audited"));
        admin.post("/api/connectors/iso-audited/pause");
        admin.delete("/api/connectors/iso-audited");

        JsonNode events = admin.get("/api/audit?targetId=iso-audited").getBody();

        assertThat(events.toString()).contains("CONNECTOR_CREATE", "CONNECTOR_PAUSE", "CONNECTOR_DELETE");
    }

    @Test
    void secretIsEncryptedMaskedAndNeverLogged(CapturedOutput output) {
        String token = "tok-" + UUID.randomUUID();
        String descriptor = """
                id: iso-secret
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: secret-probe, parameters: {token: "%s", label: first}}
                target: {recordType: credit.license, version: "1"}
                """;

        ResponseEntity<JsonNode> created = samr.postYaml("/api/connectors", descriptor.formatted(token));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("descriptor").get("source").get("parameters").get("token").asText())
                .isEqualTo("********");
        assertThat(camel.receiveBody("seda:secret-probe-iso-secret", 10_000, String.class)).isEqualTo(token);
        String stored = jdbc.queryForObject("SELECT descriptor FROM connector_definitions WHERE id = 'iso-secret'",
                String.class);
        assertThat(stored).doesNotContain(token).contains("enc:v1:");

        ResponseEntity<JsonNode> kept = samr.putYaml("/api/connectors/iso-secret",
                descriptor.formatted("********").replace("first", "second"));
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(camel.receiveBody("seda:secret-probe-iso-secret", 10_000, String.class)).isEqualTo(token);

        assertThat(samr.get("/api/connectors/iso-secret").getBody().toString()).doesNotContain(token);
        assertThat(admin.get("/api/audit?targetId=iso-secret").getBody().toString()).doesNotContain(token)
                .contains("CONNECTOR_UPDATE");
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(token);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void placeholderIsRefusedWhenCreating() {
        ResponseEntity<JsonNode> response = samr.postYaml("/api/connectors", """
                id: iso-placeholder
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: secret-probe, parameters: {token: "********"}}
                target: {recordType: credit.license, version: "1"}
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("path").asText()).isEqualTo("source.parameters.token");
    }

    @Test
    void deletedIdCannotMoveToAnotherDepartment() {
        admin.postYaml("/api/connectors", samrConnector("iso-moved"));
        admin.delete("/api/connectors/iso-moved");

        ResponseEntity<JsonNode> reused = mca.postYaml("/api/connectors", samrConnector("iso-moved")
                .replace("lz-samr", "lz-mca").replace("兰州市市场监督管理局", "兰州市民政局"));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private void awaitRunning(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/api/connectors/" + id).getBody().get("state").asText().equals("RUNNING"));
    }

    private static List<String> ids(JsonNode connectors) {
        List<String> ids = new ArrayList<>();
        connectors.forEach(connector -> ids.add(connector.get("id").asText()));
        return ids;
    }
}
