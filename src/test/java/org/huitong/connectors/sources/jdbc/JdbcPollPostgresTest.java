package org.huitong.connectors.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jdbc-poll scenarios on PostgreSQL (embedded), plus the template's descriptor checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JdbcPollPostgresTest extends JdbcPollScenarios {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final SourceDatabase SOURCE = postgresSource();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    private static SourceDatabase postgresSource() {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        return SourceDatabase.postgres(EmbeddedPostgresSupport.server().getPort(), name);
    }

    @Override
    HubTestEnvironment hub() {
        return HUB;
    }

    @Override
    SourceDatabase source() {
        return SOURCE;
    }

    @Test
    void descriptorErrorsNameParameter() {
        assertError("url: 'jdbc:postgresql://127.0.0.1/x?password=secret', table: t, mode: snapshot",
                "source.parameters.url", "URL 中含有密码");
        assertError("url: 'jdbc:oracle:thin:@//127.0.0.1:1521/x', table: t, mode: snapshot",
                "source.parameters.url", "没有能识别");
        assertError("url: 'jdbc:postgresql://169.254.169.254:5432/x', table: t, mode: snapshot",
                "source.parameters.url", "169.254.169.254");
        assertError("url: 'jdbc:mariadb://[fe80::1]:3306/x', table: t, mode: snapshot",
                "source.parameters.url", "fe80::1");
        assertError("url: 'jdbc:postgresql://100.100.100.200/x', table: t, mode: snapshot",
                "source.parameters.url", "100.100.100.200");
        assertError("url: 'jdbc:postgresql://db.example.org/x', table: t, mode: snapshot",
                "source.parameters.url", "db.example.org");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', table: t, query: 'SELECT 1', mode: snapshot",
                "source.parameters.query", "table 和 query 必须且只能填写一个");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', mode: snapshot",
                "source.parameters.table", "table 和 query 必须且只能填写一个");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', query: 'SELECT 1; DROP TABLE t', mode: snapshot",
                "source.parameters.query", "一条 SELECT 语句");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', query: 'DELETE FROM t', mode: snapshot",
                "source.parameters.query", "一条 SELECT 语句");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', table: t, keyColumn: id",
                "source.parameters.timestampColumn", "增量模式需要 timestampColumn");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', table: t, timestampColumn: ts, keyColumn: id,"
                + " overlap: five minutes", "source.parameters.overlap", "ISO-8601");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', table: t, timestampColumn: ts, keyColumn: id,"
                + " deletions: true", "source.parameters.deletions", "deletions 只适用于快照模式");
        assertError("url: 'jdbc:postgresql://127.0.0.1/x', table: 't; DROP TABLE x', mode: snapshot",
                "source.parameters.table", "");
    }

    @Test
    void connectionLostMidBatchResumes() throws Exception {
        int first = 10_001;
        int last = 30_000;
        source().createInstitutions("mid_batch");
        for (int start = first; start <= last; start += 1000) {
            source().insert("mid_batch", start, start + 999, "2026-03-01 14:00:00");
        }

        try (ExchangeSubscriber subscriber = subscribe("mid-batch")) {
            create(connector("jdbc-mid-batch", "table: mid_batch, timestampColumn: updated_at, keyColumn: id,"
                    + " overlap: PT0S, fetchSize: 50, retryPolls: 1", "options: {chunkSize: 100}"));
            org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> stored("jdbc-mid-batch") >= 300);
            source().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");

            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> batches("jdbc-mid-batch").stream()
                    .anyMatch(batch -> batch.get("status").asText().equals("FAILED")));
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5))
                    .until(() -> stored("jdbc-mid-batch") == last - first + 1);
            Thread.sleep(2500);

            assertExactlyOnce(subscriber, first, last);
        }
        JsonNode failed = batches("jdbc-mid-batch").stream()
                .filter(batch -> batch.get("status").asText().equals("FAILED")).findFirst().orElseThrow();
        assertThat(failed.get("read").asLong()).as("chunks committed before the loss").isPositive();
        assertThat(admin.get("/api/batches/" + failed.get("id").asText(), "en").getBody().toString())
                .contains("reading the source database failed");
    }

    @Test
    void changedTableResetsWatermark() {
        source().createInstitutions("first_table");
        source().createInstitutions("second_table");
        source().insert("first_table", 8001, 8002, "2026-03-02 00:00:00");
        source().insert("second_table", 8101, 8102, "2026-03-01 00:00:00");
        String parameters = "table: first_table, timestampColumn: updated_at, keyColumn: id";
        create(connector("jdbc-switch", parameters, ""));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stored("jdbc-switch") == 2);

        ResponseEntity<JsonNode> updated = admin.putYaml("/api/connectors/jdbc-switch",
                connector("jdbc-switch", parameters.replace("first_table", "second_table"), ""));

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stored("jdbc-switch") == 4);
    }

    @Test
    void dryRunReadsFirstPageOnly() {
        source().createInstitutions("dry_run");
        source().insert("dry_run", 5001, 5030, "2026-03-01 11:00:00");
        source().execute("UPDATE dry_run SET division_code = '620199' WHERE id = 5002");
        create(connector("jdbc-dry-run", "table: dry_run, timestampColumn: updated_at, keyColumn: id", "")
                .replace("interval: PT1S", "interval: PT1H"));

        ResponseEntity<JsonNode> response = admin.post("/api/connectors/jdbc-dry-run/test?limit=5");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("read").asLong()).isEqualTo(5);
        assertThat(response.getBody().get("invalid").asLong()).isEqualTo(1);
        assertThat(response.getBody().get("records")).hasSize(5);
        assertThat(stored("jdbc-dry-run")).isZero();
    }

    @Test
    void dryRunOfUnsavedDescriptor() {
        source().createInstitutions("dry_run_unsaved");
        source().insert("dry_run_unsaved", 5101, 5110, null);
        String yaml = connector("jdbc-dry-unsaved", "table: dry_run_unsaved, mode: snapshot, keyColumn: id", "");

        ResponseEntity<JsonNode> response = admin.postFiles("/api/connectors/test?limit=3",
                new ApiClient.FilePart("descriptor", "descriptor.yaml", yaml.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("read").asLong()).isEqualTo(3);
        assertThat(response.getBody().get("valid").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/connectors/jdbc-dry-unsaved").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void dryRunOfUnreachableDatabaseFails() {
        create(connector("jdbc-dry-down", "jdbc:postgresql://127.0.0.1:" + HubTestEnvironment.freePort() + "/x",
                "postgres", "table: t, mode: snapshot, password: 'Pw-not-shown'", ""));

        ResponseEntity<JsonNode> response = admin.post("/api/connectors/jdbc-dry-down/test");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("jdbc-dry-down").doesNotContain("Pw-not-shown");
    }

    @Test
    void runNowPollsAtOnce() {
        source().createInstitutions("run_now");
        source().insert("run_now", 7001, 7002, "2026-03-01 13:00:00");
        create(connector("jdbc-run-now", "table: run_now, timestampColumn: updated_at, keyColumn: id", "")
                .replace("interval: PT1S", "interval: PT1H"));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stored("jdbc-run-now") == 2);

        source().insert("run_now", 7003, 7003, "2026-03-01 13:00:01");
        ResponseEntity<JsonNode> run = admin.post("/api/connectors/jdbc-run-now/run");

        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> stored("jdbc-run-now") == 3);
    }

    @Test
    void cronSchedulePolls() {
        source().createInstitutions("cron_rows");
        source().insert("cron_rows", 6001, 6003, "2026-03-01 12:00:00");

        create(connector("jdbc-cron", "table: cron_rows, timestampColumn: updated_at, keyColumn: id", "")
                .replace("schedule: {interval: PT1S}", "schedule: {cron: \"*/2 * * * * *\"}"));

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stored("jdbc-cron") == 3);
    }

    @Test
    void descriptorWithoutScheduleRejected() {
        String yaml = connector("jdbc-no-schedule", "table: t, mode: snapshot", "").replace("schedule: {interval: PT1S}", "");

        JsonNode errors = validate(yaml);

        assertThat(errors.toString()).contains("schedule");
    }

    @Test
    void passwordNeverReturned() {
        String yaml = connector("jdbc-secret", "table: t, mode: snapshot, password: 's3cret-Pw'", "");

        create(yaml);
        ResponseEntity<JsonNode> read = admin.get("/api/connectors/jdbc-secret");

        assertThat(read.getBody().toString()).doesNotContain("s3cret-Pw").contains("********");
        String stored = hubDatabase.queryForObject("SELECT descriptor FROM connector_definitions WHERE id = 'jdbc-secret'",
                String.class);
        assertThat(stored).doesNotContain("s3cret-Pw");
    }

    private void assertError(String parameters, String path, String message) {
        String yaml = """
                id: jdbc-invalid
                department: {code: lz-mca, name: 兰州市民政局}
                source:
                  template: jdbc-poll
                  parameters: {%s}
                target: {recordType: elder.institution, version: "1"}
                schedule: {interval: PT1M}
                """.formatted(parameters);
        JsonNode errors = validate(yaml);
        List<JsonNode> matching = list(errors).stream().filter(error -> error.get("path").asText().equals(path)).toList();
        assertThat(matching).as("errors for %s: %s", parameters, errors).isNotEmpty();
        assertThat(matching.get(0).get("message").asText()).contains(message);
    }

    private JsonNode validate(String yaml) {
        ResponseEntity<JsonNode> response = admin.postYaml("/api/connectors/validate", yaml);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().get("errors");
    }
}
