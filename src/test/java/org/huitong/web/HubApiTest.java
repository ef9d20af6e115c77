package org.huitong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.HubUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API over HTTP, as the bootstrap administrator, after one elder file with a faulty row was delivered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubApiTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    @Autowired
    TestRestTemplate anonymous;

    TestRestTemplate http;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeAll
    static void deliver(@Autowired TestRestTemplate anonymous) throws Exception {
        TestRestTemplate http = HubUsers.of(anonymous, HUB).admin();
        String valid = SyntheticIds.citizenId("620102", java.time.LocalDate.of(1944, 2, 3), 11);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Path file = HUB.root().resolve("elders.csv");
        Files.writeString(file, "\uFEFF姓名,公民身份号码\r\n李秀英," + valid + "\r\n王桂兰," + wrongCheck + "\r\n",
                StandardCharsets.UTF_8);
        HUB.drop("mca-elders", file, "elders.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode batches = http.getForObject("/api/batches?connector=mca-elders", JsonNode.class);
            return batches.size() == 1 && !batches.get(0).get("status").asText().equals("RUNNING");
        });
    }

    @BeforeEach
    void logIn() {
        http = HubUsers.of(anonymous, HUB).admin();
    }

    @Test
    void connectorsShowStateAndLastBatch() {
        JsonNode connectors = http.getForObject("/api/connectors", JsonNode.class);

        assertThat(connectors).hasSize(4);
        JsonNode elders = find(connectors, "mca-elders");
        assertThat(elders.get("state").asText()).isEqualTo("RUNNING");
        assertThat(elders.get("recordType").asText()).isEqualTo("elder.person");
        assertThat(elders.get("lastBatch").get("published").asLong()).isEqualTo(1);
    }

    @Test
    void batchByIdHasCounts() {
        long id = http.getForObject("/api/batches?connector=mca-elders", JsonNode.class).get(0).get("id").asLong();

        JsonNode batch = http.getForObject("/api/batches/" + id, JsonNode.class);

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("read").asLong()).isEqualTo(2);
        assertThat(batch.get("published").asLong()).isEqualTo(1);
        assertThat(batch.get("quarantined").asLong()).isEqualTo(1);
    }

    @Test
    void quarantineMessagesFollowLanguage() {
        JsonNode chinese = http.getForObject("/api/quarantine?connector=mca-elders", JsonNode.class);
        JsonNode english = get("/api/quarantine?connector=mca-elders", "en").getBody();

        assertThat(chinese.get("total").asLong()).isEqualTo(1);
        JsonNode violation = chinese.get("items").get(0).get("violations").get(0);
        assertThat(violation.get("code").asText()).isEqualTo("FORMAT_CITIZEN_ID_CHECK_CHARACTER");
        assertThat(violation.get("sourceColumn").asText()).isEqualTo("公民身份号码");
        assertThat(violation.get("message").asText()).containsPattern("\\p{IsHan}");
        String englishMessage = english.get("items").get(0).get("violations").get(0).get("message").asText();
        assertThat(englishMessage).matches("[\\x20-\\x7E\\p{IsHan}“”（）]+").containsPattern("[a-z]{4,}");
        assertThat(chinese.get("items").get(0).get("firstLine").asLong()).isEqualTo(3);
    }

    @Test
    void unknownBatchIs404InRequestLanguage() {
        ResponseEntity<JsonNode> chinese = get("/api/batches/987654", null);
        ResponseEntity<JsonNode> english = get("/api/batches/987654", "en");

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(chinese.getBody().get("detail").asText()).contains("未找到批次 987654");
        assertThat(english.getBody().get("detail").asText()).contains("Batch 987654 not found");
    }

    @Test
    void limitAboveMaximumIs400() {
        ResponseEntity<JsonNode> response = get("/api/quarantine?limit=501", "en");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("501").contains("500");
    }

    @Test
    void malformedBatchIdIs400() {
        assertThat(get("/api/batches/abc", "en").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void healthCoversBrokerDatabaseAndConnectors() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("jms").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("connectors").get("details").get("mca-elders").asText())
                .isEqualTo("RUNNING");
    }

    @Test
    void healthWithoutCredentialsShowsStatusOnly() {
        ResponseEntity<JsonNode> health = anonymous.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().has("components")).isFalse();
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        JsonNode paths = anonymous.getForObject("/v3/api-docs", JsonNode.class).get("paths");

        assertThat(paths.has("/api/connectors")).isTrue();
        assertThat(paths.has("/api/batches")).isTrue();
        assertThat(paths.has("/api/batches/{id}")).isTrue();
        assertThat(paths.has("/api/quarantine")).isTrue();
    }

    private ResponseEntity<JsonNode> get(String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static JsonNode find(JsonNode connectors, String id) {
        for (JsonNode connector : connectors) {
            if (connector.get("id").asText().equals(id)) {
                return connector;
            }
        }
        throw new AssertionError("connector " + id + " not listed");
    }
}
