package org.huitong.connectors.sources.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.huitong.security.HostResolver;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connectors of the http-poll template against a licence API served on loopback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HttpPollTest.RebindingResolver.class)
class HttpPollTest {

    /** A host on the allowlist whose DNS answer changes between the check and the connection. */
    static final String REBINDING_HOST = "licences.huitong.test";

    /**
     * Resolves {@link #REBINDING_HOST} to loopback for the host policy's check and to the
     * metadata address for lookups made while the HTTP client connects; other hosts through the
     * system resolver.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class RebindingResolver {

        @Bean
        HostResolver rebindingHostResolver() {
            return host -> {
                if (!host.equals(REBINDING_HOST)) {
                    return HostResolver.SYSTEM.resolve(host);
                }
                boolean connecting = StackWalker.getInstance().walk(frames -> frames
                        .anyMatch(frame -> frame.getClassName().startsWith("org.apache.hc.")));
                return new InetAddress[] {InetAddress.getByName(connecting ? "169.254.169.254" : "127.0.0.1")};
            };
        }
    }

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final int RECORDS = 5;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LicenceApi API = LicenceApi.start(0, 0, RECORDS);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private static ApiClient admin;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("huitong.sources.allowed-hosts", () -> "127.0.0.1,169.254.169.254," + REBINDING_HOST);
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @BeforeEach
    void client() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        }
    }

    static String connector(String id, String parameters) {
        return """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-poll
                  parameters: {%s}
                target: {recordType: credit.license, version: "1"}
                schedule: {interval: PT1S}
                """.formatted(id, parameters);
    }

    @Test
    void pagesArePublishedOnceAsOneBatch() {
        LicenceApi source = opened(LicenceApi.start(0, 1000, RECORDS));
        create(connector("http-pages", "url: '%s', recordsPath: /data, pagination: page, pageSize: 2,"
                .formatted(source.url("/pages")) + " minRequestIntervalMs: 0"));

        await().atMost(WAIT).until(() -> finished("http-pages") >= 2);

        List<JsonNode> batches = batches("http-pages").stream()
                .filter(batch -> !batch.get("status").asText().equals("RUNNING")).toList();
        JsonNode first = batches.get(batches.size() - 1);
        assertThat(first.get("read").asLong()).isEqualTo(RECORDS);
        assertThat(first.get("published").asLong()).isEqualTo(RECORDS);
        assertThat(batches.get(0).get("unchanged").asLong()).isEqualTo(RECORDS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_records WHERE connector_id = 'http-pages'",
                Long.class)).isEqualTo(RECORDS);
    }

    @Test
    void offsetPagination() {
        LicenceApi source = opened(LicenceApi.start(0, 2000, RECORDS));
        create(connector("http-offsets", "url: '%s', recordsPath: /data, pagination: offset, pageParameter: offset,"
                .formatted(source.url("/offsets")) + " sizeParameter: limit, pageSize: 3"));

        await().atMost(WAIT).until(() -> finished("http-offsets") >= 1);

        assertThat(published("http-offsets")).isEqualTo(RECORDS);
    }

    @Test
    void cursorPaginationWithBearerToken() {
        LicenceApi source = opened(LicenceApi.start(0, 3000, RECORDS));
        create(connector("http-cursor", "url: '%s', recordsPath: /items, pagination: cursor,".formatted(source.url("/cursor"))
                + " authentication: bearer, token: " + LicenceApi.TOKEN));

        await().atMost(WAIT).until(() -> finished("http-cursor") >= 1);

        assertThat(published("http-cursor")).isEqualTo(RECORDS);
        assertThat(admin.get("/api/connectors/http-cursor").getBody().toString()).doesNotContain(LicenceApi.TOKEN);
    }

    @Test
    void wrongTokenDegradesWithTheStatus() {
        create(connector("http-bad-token", "url: '%s', recordsPath: /items, pagination: cursor,".formatted(API.url("/cursor"))
                + " authentication: bearer, token: wrong"));

        await().atMost(WAIT).until(() -> state("http-bad-token").equals("DEGRADED"));

        assertThat(admin.get("/api/connectors/http-bad-token", "en").getBody().get("stateReason").asText())
                .contains("HTTP 401").doesNotContain("wrong");
        assertThat(admin.get("/api/connectors/http-bad-token").getBody().get("stateReason").asText())
                .contains("返回 HTTP 401");
    }

    @Test
    void hostsOutsideTheAllowlistAreInvalid() {
        JsonNode outside = validate(connector("http-outside", "url: 'http://example.org/api'"));
        JsonNode metadata = validate(connector("http-metadata", "url: 'http://169.254.169.254/latest/meta-data'"));
        JsonNode scheme = validate(connector("http-scheme", "url: 'file:///etc/passwd'"));

        assertThat(outside.get("valid").asBoolean()).isFalse();
        assertThat(outside.get("errors").get(0).get("path").asText()).isEqualTo("source.parameters.url");
        assertThat(outside.get("errors").get(0).get("message").asText()).contains("example.org");
        assertThat(metadata.get("errors").get(0).get("message").asText()).contains("169.254.169.254");
        assertThat(scheme.get("valid").asBoolean()).isFalse();
    }

    @Test
    void redirectLeavingTheAllowlistIsRefused() {
        create(connector("http-redirect", "url: '%s'".formatted(API.url("/redirect"))));

        await().atMost(WAIT).until(() -> state("http-redirect").equals("DEGRADED"));

        assertThat(admin.get("/api/connectors/http-redirect", "en").getBody().get("stateReason").asText())
                .contains("localhost").contains("allowlist");
        assertThat(batches("http-redirect")).isEmpty();
    }

    @Test
    void dnsRebindingAtConnectIsRefused() {
        create(connector("http-rebinding", "url: '%s'".formatted(
                API.url("/pages").replace("127.0.0.1", REBINDING_HOST))));

        await().atMost(WAIT).until(() -> state("http-rebinding").equals("DEGRADED"));

        assertThat(admin.get("/api/connectors/http-rebinding", "en").getBody().get("stateReason").asText())
                .contains("169.254.169.254");
        assertThat(batches("http-rebinding")).isEmpty();
    }

    @Test
    void busyApiIsRetriedAfterRetryAfter() {
        LicenceApi source = opened(LicenceApi.start(0, 4000, RECORDS));
        create(connector("http-busy", "url: '%s', retries: 2".formatted(source.url("/busy"))));

        await().atMost(WAIT).until(() -> finished("http-busy") >= 1);

        assertThat(published("http-busy")).isEqualTo(RECORDS);
    }

    @Test
    void apiOutageRecoversExactlyOnce() {
        LicenceApi own = LicenceApi.start(0, 9000, RECORDS);
        int port = own.port();
        create(connector("http-outage", "url: '%s', recordsPath: /data, pagination: page, pageSize: 2, retries: 0,"
                .formatted(own.url("/pages")) + " retryPolls: 2"));
        await().atMost(WAIT).until(() -> finished("http-outage") >= 1);

        own.close();
        await().atMost(WAIT).until(() -> state("http-outage").equals("DEGRADED"));
        LicenceApi restarted = LicenceApi.start(port, 9000, RECORDS + 2);
        try {
            await().atMost(WAIT).until(() -> state("http-outage").equals("RUNNING"));
            await().atMost(WAIT).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM stored_records WHERE connector_id = 'http-outage'", Long.class) == RECORDS + 2);
            assertThat(published("http-outage")).isEqualTo(RECORDS + 2);
        } finally {
            restarted.close();
        }
    }

    @Test
    void dryRunReadsTheFirstPageOnly() {
        LicenceApi source = opened(LicenceApi.start(0, 5000, RECORDS));
        create(connector("http-dry-run", "url: '%s', recordsPath: /data, pagination: page, pageSize: 2"
                .formatted(source.url("/pages"))));
        admin.post("/api/connectors/http-dry-run/pause");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM batches", Long.class);

        ResponseEntity<JsonNode> response = admin.post("/api/connectors/http-dry-run/test");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("read").asLong()).isEqualTo(2);
        assertThat(response.getBody().get("records").get(0).get("data").get("XK_WSH").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batches", Long.class)).isEqualTo(before);
    }

    @Test
    void pollingTemplateNeedsASchedule() {
        JsonNode result = validate(connector("http-no-schedule", "url: '%s'".formatted(API.url("/pages")))
                .replace("schedule: {interval: PT1S}\n", ""));

        assertThat(result.get("errors").findValuesAsText("path")).contains("schedule");
    }

    private static final List<LicenceApi> OPENED = new ArrayList<>();

    private static LicenceApi opened(LicenceApi api) {
        OPENED.add(api);
        return api;
    }

    @AfterAll
    static void stopOpened() {
        OPENED.forEach(LicenceApi::close);
    }

    private JsonNode validate(String yaml) {
        return admin.postYaml("/api/connectors/validate", yaml).getBody();
    }

    private void create(String yaml) {
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors", yaml);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }

    private long finished(String connector) {
        return batches(connector).stream().filter(batch -> !batch.get("status").asText().equals("RUNNING")).count();
    }

    private long published(String connector) {
        return batches(connector).stream().mapToLong(batch -> batch.get("published").asLong()).sum();
    }

    private List<JsonNode> batches(String connector) {
        List<JsonNode> items = new ArrayList<>();
        admin.get("/api/batches?connector=" + connector).getBody().forEach(items::add);
        return items;
    }
}
