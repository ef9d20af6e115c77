package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
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

/** The mqtt-alarm template end to end, against a Moquette broker that the test starts and stops. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttAlarmConnectorTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final EmbeddedMqttBroker BROKER = EmbeddedMqttBroker.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ELDER = SyntheticIds.citizenId("620102", LocalDate.of(1941, 5, 6), 17);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private static ApiClient admin;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @BeforeEach
    void client() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        }
    }

    static String connector(String id, String brokerUrl, String topic) {
        return """
                id: %s
                department: {code: lz-mca, name: 兰州市民政局}
                source:
                  template: mqtt-alarm
                  parameters:
                    brokerUrl: "%s"
                    topic: "%s"
                    batchWindowMs: 300
                    maxReconnectDelayMs: 1000
                    keepAliveSeconds: 5
                target: {recordType: elder.alarm, version: "1"}
                """.formatted(id, brokerUrl, topic);
    }

    static String alarm(String device, long sequence, String kind) {
        return """
                {"deviceId": "%s", "seq": %d, "elderCitizenId": "%s", "kind": "%s",
                 "time": "2026-12-04T09:30:00+08:00", "severity": "high",
                 "divisionCode": "620102", "address": "城关区示例路 1 号"}
                """.formatted(device, sequence, ELDER, kind);
    }

    @Test
    void alarmsReachExchange() throws Exception {
        try (ExchangeSubscriber subscriber = ExchangeSubscriber.attach(HUB.brokerUrl(), "mqtt-happy",
                "exchange.elder.alarm", "mqtt-happy")) {
            startConnector("mqtt-happy");

            EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-happy/fd-1",
                    alarm("FD-1", 1, "fall"), alarm("FD-1", 2, "sos"), alarm("FD-1", 3, "门磁"));

            await().atMost(WAIT).until(() -> published("mqtt-happy") == 3);
            List<JsonNode> events = subscriber.drain(Duration.ofSeconds(2)).stream()
                    .filter(event -> event.get("connector").asText().equals("mqtt-happy")).toList();
            assertThat(events).hasSize(3);
            assertThat(events).extracting(event -> event.get("data").get("kind").asText())
                    .containsExactlyInAnyOrder("跌倒", "紧急呼叫", "门磁");
            assertThat(events.get(0).get("data").get("severity").asText()).isEqualTo("紧急");
        }
        assertThat(batches("mqtt-happy")).allSatisfy(batch ->
                assertThat(batch.get("status").asText()).isEqualTo("COMPLETED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mqtt_alarm_inbox WHERE connector_id = 'mqtt-happy'",
                Long.class)).isZero();
    }

    @Test
    void repeatedSequencePublishedOnce() throws Exception {
        startConnector("mqtt-repeat");
        String first = alarm("SOS-7", 1, "sos");
        String resentWithOtherTime = first.replace("09:30:00", "09:30:05");

        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-repeat/sos-7", first, first);
        await().atMost(WAIT).until(() -> published("mqtt-repeat") == 1);
        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-repeat/sos-7", resentWithOtherTime,
                alarm("SOS-7", 2, "sos"));
        await().atMost(WAIT).until(() -> published("mqtt-repeat") == 2);
        Thread.sleep(1000);

        assertThat(published("mqtt-repeat")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT duplicates FROM device_sequences WHERE connector_id = 'mqtt-repeat'"
                + " AND device_id = 'SOS-7'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_records WHERE connector_id = 'mqtt-repeat'",
                Long.class)).isEqualTo(2);
    }

    @Test
    void gapReportedAndNarrowedByLateMessage() throws Exception {
        startConnector("mqtt-gap");

        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-gap/door-3",
                alarm("DOOR-3", 10, "door"), alarm("DOOR-3", 11, "door"), alarm("DOOR-3", 15, "door"));
        await().atMost(WAIT).until(() -> published("mqtt-gap") == 3);

        List<JsonNode> gaps = gaps("mqtt-gap");
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).get("deviceId").asText()).isEqualTo("DOOR-3");
        assertThat(gaps.get(0).get("firstMissing").asLong()).isEqualTo(12);
        assertThat(gaps.get(0).get("lastMissing").asLong()).isEqualTo(14);
        assertThat(gaps.get(0).get("missing").asLong()).isEqualTo(3);

        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-gap/door-3", alarm("DOOR-3", 13, "door"));
        await().atMost(WAIT).until(() -> published("mqtt-gap") == 4);

        assertThat(gaps("mqtt-gap")).extracting(gap -> gap.get("firstMissing").asLong() + "-"
                + gap.get("lastMissing").asLong()).containsExactlyInAnyOrder("12-12", "14-14");
    }

    @Test
    void invalidAlarmsQuarantinedWithReasons() throws Exception {
        startConnector("mqtt-invalid");
        String badCitizenId = alarm("FD-9", 1, "fall").replace(ELDER, ELDER.substring(0, 17) + "0");
        String noLocation = """
                {"deviceId": "FD-9", "seq": 2, "elderCitizenId": "%s", "kind": "fall",
                 "time": "2026-12-04T09:30:00+08:00", "severity": "high"}
                """.formatted(ELDER);
        String notJson = "{\"deviceId\": \"FD-9\", \"seq\": 3,";

        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-invalid/fd-9",
                badCitizenId, noLocation, notJson, alarm("FD-9", 4, "inactivity"));
        await().atMost(WAIT).until(() -> quarantined("mqtt-invalid") == 3);

        assertThat(published("mqtt-invalid")).isEqualTo(1);
        JsonNode items = admin.get("/api/quarantine?connector=mqtt-invalid", "en").getBody().get("items");
        List<String> codes = new ArrayList<>();
        items.forEach(item -> item.get("violations").forEach(v -> codes.add(v.get("code").asText())));
        assertThat(codes).contains("ELDER_ALARM_LOCATION_MISSING", "READ_JSON_MALFORMED");
        assertThat(codes).anyMatch(code -> code.startsWith("FORMAT_CITIZEN_ID"));
        items.forEach(item -> item.get("violations").forEach(v ->
                assertThat(v.get("message").asText()).isNotBlank()));
    }

    @Test
    void brokerDownThenUpDegradesAndRecovers() throws Exception {
        startConnector("mqtt-outage");
        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-outage/fd-5",
                alarm("FD-5", 1, "fall"), alarm("FD-5", 2, "fall"));
        await().atMost(WAIT).until(() -> published("mqtt-outage") == 2);

        BROKER.stop();
        await().atMost(WAIT).until(() -> state("mqtt-outage").equals("DEGRADED"));
        JsonNode degraded = admin.get("/api/connectors/mqtt-outage", "en").getBody();
        assertThat(degraded.get("stateReason").asText()).contains("not connected to the MQTT broker");
        assertThat(admin.get("/api/connectors/mqtt-outage").getBody().get("stateReason").asText())
                .contains("未连接到 MQTT 消息代理");

        BROKER.startAgain();
        await().atMost(WAIT).until(() -> state("mqtt-outage").equals("RUNNING"));
        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-outage/fd-5",
                alarm("FD-5", 2, "fall"), alarm("FD-5", 3, "fall"), alarm("FD-5", 4, "sos"));
        await().atMost(WAIT).until(() -> published("mqtt-outage") == 4);
        Thread.sleep(1000);

        assertThat(published("mqtt-outage")).isEqualTo(4);
        assertThat(gaps("mqtt-outage")).isEmpty();
    }

    @Test
    void messagesWhilePausedArriveAfterResume() throws Exception {
        startConnector("mqtt-paused");
        ResponseEntity<JsonNode> paused = admin.post("/api/connectors/mqtt-paused/pause");
        assertThat(paused.getBody().get("state").asText()).isEqualTo("PAUSED");

        EmbeddedMqttBroker.publish(BROKER.url(), "it/mqtt-paused/fd-2",
                alarm("FD-2", 1, "fall"), alarm("FD-2", 2, "sos"));
        Thread.sleep(1000);
        assertThat(published("mqtt-paused")).isZero();

        admin.post("/api/connectors/mqtt-paused/resume");
        await().atMost(WAIT).until(() -> published("mqtt-paused") == 2);
    }

    @Test
    void storedMessagesProcessedAfterRestart() {
        startConnector("mqtt-stored");
        admin.post("/api/connectors/mqtt-stored/stop");
        assertThat(state("mqtt-stored")).isEqualTo("STOPPED");
        // A message that was stored and acknowledged when the hub stopped before its batch ran.
        jdbc.update("INSERT INTO mqtt_alarm_inbox (connector_id, topic, payload, received_at)"
                + " VALUES ('mqtt-stored', 'it/mqtt-stored/fd-4', ?, CURRENT_TIMESTAMP)", alarm("FD-4", 1, "fall"));

        admin.post("/api/connectors/mqtt-stored/start");

        await().atMost(WAIT).until(() -> published("mqtt-stored") == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mqtt_alarm_inbox WHERE connector_id = 'mqtt-stored'",
                Long.class)).isZero();
    }

    @Test
    void gapsOfOtherDepartmentForbidden() {
        startConnector("mqtt-private");
        ApiClient otherDepartment = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-samr");

        ResponseEntity<JsonNode> response = otherDepartment.get("/api/connectors/mqtt-private/sequence-gaps");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void brokerDownAtStartRetriedUntilReachable() throws Exception {
        EmbeddedMqttBroker late = EmbeddedMqttBroker.start();
        try {
            late.stop();
            ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors",
                    connector("mqtt-late", late.url(), "it/mqtt-late/+"));
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            await().atMost(WAIT).until(() -> state("mqtt-late").equals("FAILED"));

            late.startAgain();
            await().atMost(WAIT).until(() -> state("mqtt-late").equals("RUNNING"));
            EmbeddedMqttBroker.publish(late.url(), "it/mqtt-late/fd-6", alarm("FD-6", 1, "fall"));
            await().atMost(WAIT).until(() -> published("mqtt-late") == 1);
        } finally {
            late.close();
        }
    }

    @Test
    void dryRunChecksSampleMessages() {
        String samples = alarm("FD-8", 1, "fall").strip().replace("\n", " ") + "\n\n"
                + "{\"deviceId\": \"FD-8\", \"seq\": 2, \"elderCitizenId\": \"" + ELDER
                + "\", \"kind\": \"sos\", \"time\": \"2026-12-04T09:31:00+08:00\", \"severity\": \"high\"}\n";
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors",
                connector("mqtt-dry", BROKER.url(), "it/mqtt-dry/+"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> result = admin.postFiles("/api/connectors/mqtt-dry/test",
                new ApiClient.FilePart("file", "samples.jsonl", samples.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(result.getBody().get("read").asLong()).isEqualTo(2);
        assertThat(result.getBody().get("valid").asLong()).isEqualTo(1);
        assertThat(result.getBody().get("invalid").asLong()).isEqualTo(1);
        assertThat(result.getBody().toString()).contains("ELDER_ALARM_LOCATION_MISSING");
        assertThat(published("mqtt-dry")).isZero();
    }

    @Test
    void invalidParametersRejected() {
        String yaml = connector("mqtt-bad", "tcp://169.254.10.20:1883", "alarms/#/x")
                .replace("keepAliveSeconds: 5", "keepAliveSeconds: 5\n    password: secret-value");

        JsonNode result = admin.postYaml("/api/connectors/validate", yaml).getBody();

        assertThat(result.get("valid").asBoolean()).isFalse();
        List<String> paths = new ArrayList<>();
        result.get("errors").forEach(error -> paths.add(error.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("source.parameters.brokerUrl", "source.parameters.topic",
                "source.parameters.password");
        assertThat(result.toString()).doesNotContain("secret-value");
        JsonNode scheme = admin.postYaml("/api/connectors/validate",
                connector("mqtt-bad", "http://127.0.0.1:1883", "alarms/+")).getBody();
        assertThat(scheme.get("errors").get(0).get("path").asText()).isEqualTo("source.parameters.brokerUrl");
    }

    @Test
    void brokerOutsideTheAllowlistRejected() {
        JsonNode result = admin.postYaml("/api/connectors/validate",
                connector("mqtt-outside", "tcp://mqtt.example.org:1883", "alarms/+")).getBody();

        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("errors").get(0).get("path").asText()).isEqualTo("source.parameters.brokerUrl");
        assertThat(result.get("errors").get(0).get("message").asText()).contains("mqtt.example.org");
    }

    private void startConnector(String id) {
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors",
                connector(id, BROKER.url(), "it/" + id + "/+"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        await().atMost(WAIT).until(() -> state(id).equals("RUNNING"));
    }

    private String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }

    private List<JsonNode> batches(String connector) {
        return list(admin.get("/api/batches?connector=" + connector).getBody());
    }

    private long published(String connector) {
        return batches(connector).stream().mapToLong(batch -> batch.get("published").asLong()).sum();
    }

    private long quarantined(String connector) {
        return batches(connector).stream().mapToLong(batch -> batch.get("quarantined").asLong()).sum();
    }

    private List<JsonNode> gaps(String connector) {
        ResponseEntity<JsonNode> response = admin.get("/api/connectors/" + connector + "/sequence-gaps");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return list(response.getBody());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
