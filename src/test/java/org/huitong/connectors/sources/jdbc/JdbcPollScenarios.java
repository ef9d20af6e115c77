package org.huitong.connectors.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end scenarios of the {@code jdbc-poll} template against a real source database: rows
 * reach the exchange and the record store exactly once, whatever the timestamps, late commits,
 * polls and outages. Each subclass runs them on one database product with its own hub.
 */
abstract class JdbcPollScenarios {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ADDRESS = "exchange.elder.institution";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate hubDatabase;

    ApiClient admin;

    abstract HubTestEnvironment hub();

    abstract SourceDatabase source();

    @BeforeEach
    void client() {
        admin = ApiClient.withNewKey(http, hub(), "ADMIN", null);
    }

    static String connector(String id, String url, String username, String parameters, String extra) {
        return """
                id: %s
                department: {code: lz-mca, name: 兰州市民政局}
                source:
                  template: jdbc-poll
                  parameters: {url: "%s", username: %s, %s}
                target: {recordType: elder.institution, version: "1"}
                mapping: {uscc: uscc, name: name, kind: kind, division_code: divisionCode}
                schedule: {interval: PT1S}
                %s
                """.formatted(id, url, username, parameters, extra);
    }

    String connector(String id, String parameters, String extra) {
        return connector(id, source().url(), source().username(), parameters, extra);
    }

    @Test
    void sharedAndMicrosecondTimestampsReadOnce() throws Exception {
        String table = "shared_times";
        source().createInstitutions(table);
        source().insert(table, 1001, 1007, "2026-03-01 08:00:00.000001");
        source().insert(table, 1008, 1009, "2026-03-01 08:00:00.000002");
        source().insert(table, 1010, 1010, "2026-03-01 08:00:00.000003");

        try (ExchangeSubscriber subscriber = subscribe("shared")) {
            create(connector("jdbc-shared", "table: " + table
                    + ", timestampColumn: updated_at, keyColumn: id, overlap: PT0S", "options: {chunkSize: 3}"));
            await().atMost(WAIT).until(() -> stored("jdbc-shared") == 10);

            source().insert(table, 1011, 1012, "2026-03-01 08:00:00.000003");
            source().insert(table, 1013, 1013, "2026-03-01 08:00:00.000004");
            await().atMost(WAIT).until(() -> stored("jdbc-shared") == 13);
            Thread.sleep(2500);

            assertExactlyOnce(subscriber, 1001, 1013);
        }
        Map<String, Object> watermark = hubDatabase.queryForMap(
                "SELECT timestamp_value, key_value FROM source_watermarks WHERE connector_id = 'jdbc-shared'");
        assertThat(watermark.get("timestamp_value")).isEqualTo("2026-03-01T08:00:00.000004");
        assertThat(watermark.get("key_value")).isEqualTo("1013");
    }

    @Test
    void lateCommitInsideOverlapReadOnce() throws Exception {
        String table = "late_commits";
        source().createInstitutions(table);
        source().insert(table, 2001, 2005, "2026-03-01 09:00:00.5");

        try (ExchangeSubscriber subscriber = subscribe("late");
             Connection late = source().connect()) {
            late.setAutoCommit(false);
            try (Statement statement = late.createStatement()) {
                statement.execute(SourceDatabase.insertStatement(table, 2006, 2006, "2026-03-01 09:00:01"));
            }
            source().insert(table, 2007, 2007, "2026-03-01 09:00:02");

            create(connector("jdbc-late", "table: " + table
                    + ", timestampColumn: updated_at, keyColumn: id, overlap: PT1H", ""));
            await().atMost(WAIT).until(() -> stored("jdbc-late") == 6);
            late.commit();
            await().atMost(WAIT).until(() -> stored("jdbc-late") == 7);

            source().execute("UPDATE " + table + " SET name = '改名养老院', updated_at = '2026-03-01 09:00:03'"
                    + " WHERE id = 2003");
            await().atMost(WAIT).until(() -> version(2003) == 2);
            Thread.sleep(2500);

            List<JsonNode> events = received(subscriber, 2001, 2007);
            assertThat(events).hasSize(8);
            assertThat(subjects(events)).containsExactlyInAnyOrderElementsOf(
                    withDuplicate(SourceDatabase.usccs(2001, 2007), SourceDatabase.usccs(2003, 2003)));
        }
        long unchanged = batches("jdbc-late").stream().mapToLong(batch -> batch.get("unchanged").asLong()).sum();
        assertThat(unchanged).as("rows read again inside the overlap count as unchanged").isPositive();
    }

    @Test
    void sourceOutageDegradesThenRecovers() throws Exception {
        String table = "outage";
        source().createInstitutions(table);
        source().insert(table, 3001, 3003, "2026-03-01 10:00:00");

        try (LoopbackProxy proxy = new LoopbackProxy(source().port());
             ExchangeSubscriber subscriber = subscribe("outage")) {
            proxy.start();
            create(connector("jdbc-outage", source().url(proxy.port()), source().username(), "table: " + table
                    + ", timestampColumn: updated_at, keyColumn: id, retryPolls: 1", ""));
            await().atMost(WAIT).until(() -> stored("jdbc-outage") == 3);
            awaitState("jdbc-outage", "RUNNING");

            proxy.stop();
            source().insert(table, 3004, 3006, "2026-03-01 10:00:01");
            awaitState("jdbc-outage", "DEGRADED");
            JsonNode degraded = admin.get("/api/connectors/jdbc-outage", "en").getBody();
            assertThat(degraded.get("stateReason").asText()).contains("Reading the source failed");

            proxy.start();
            awaitState("jdbc-outage", "RUNNING");
            await().atMost(WAIT).until(() -> stored("jdbc-outage") == 6);
            Thread.sleep(2500);

            assertExactlyOnce(subscriber, 3001, 3006);
        }
        List<String> states = list(admin.get("/api/connectors/jdbc-outage/history").getBody()).stream()
                .map(change -> change.get("to").asText()).toList();
        assertThat(states).containsSubsequence("RUNNING", "DEGRADED", "RUNNING");
    }

    @Test
    void snapshotPublishesOnlyChanges() throws Exception {
        String table = "snapshot";
        source().createInstitutions(table);
        source().insert(table, 4001, 4010, null);

        try (ExchangeSubscriber subscriber = subscribe("snapshot")) {
            create(connector("jdbc-snapshot", "table: " + table + ", mode: snapshot, keyColumn: id", ""));
            await().atMost(WAIT).until(() -> stored("jdbc-snapshot") == 10);
            await().atMost(WAIT).until(() -> batches("jdbc-snapshot").stream()
                    .anyMatch(batch -> batch.get("unchanged").asLong() == 10));

            source().execute("UPDATE " + table + " SET name = '新名称养老院' WHERE id = 4004");
            await().atMost(WAIT).until(() -> version(4004) == 2);
            Thread.sleep(2500);

            List<JsonNode> events = received(subscriber, 4001, 4010);
            assertThat(subjects(events)).containsExactlyInAnyOrderElementsOf(
                    withDuplicate(SourceDatabase.usccs(4001, 4010), SourceDatabase.usccs(4004, 4004)));
        }
        assertThat(batches("jdbc-snapshot")).anyMatch(batch -> batch.get("published").asLong() == 1
                && batch.get("unchanged").asLong() == 9);
    }

    @Test
    void snapshotDeletesMissingRecords() throws Exception {
        String table = "snapshot_deletions";
        source().createInstitutions(table);
        source().insert(table, 5001, 5005, null);

        try (ExchangeSubscriber subscriber = subscribe("snapshot-deletions")) {
            create(connector("jdbc-deletions", "table: " + table + ", mode: snapshot, keyColumn: id, deletions: true",
                    ""));
            await().atMost(WAIT).until(() -> stored("jdbc-deletions") == 5);

            source().execute("DELETE FROM " + table + " WHERE id IN (5002, 5004)");
            await().atMost(WAIT).until(() -> version(5002) == 2 && version(5004) == 2);
            Thread.sleep(2500);

            List<JsonNode> deletions = received(subscriber, 5001, 5005).stream()
                    .filter(event -> event.get("type").asText().endsWith(".deleted")).toList();
            assertThat(subjects(deletions)).containsExactlyInAnyOrderElementsOf(
                    List.of(SourceDatabase.usccs(5002, 5002).get(0), SourceDatabase.usccs(5004, 5004).get(0)));
            assertThat(deletions).allSatisfy(event -> {
                assertThat(event.get("type").asText()).isEqualTo("cn.huitong.elder.institution.deleted");
                assertThat(event.get("recordversion").asInt()).isEqualTo(2);
                assertThat(event.at("/data/name").asText()).as("the last content").startsWith("养老机构500");
            });
            assertThat(batches("jdbc-deletions")).anyMatch(batch -> batch.get("deleted").asLong() == 2);
            assertThat(batches("jdbc-deletions").stream().mapToLong(batch -> batch.get("deleted").asLong()).sum())
                    .as("later snapshots delete nothing again").isEqualTo(2);

            source().insert(table, 5002, 5002, null);
            await().atMost(WAIT).until(() -> version(5002) == 3);
            List<JsonNode> again = received(subscriber, 5002, 5002);
            assertThat(again).extracting(event -> event.get("type").asText())
                    .containsExactly("cn.huitong.elder.institution");
        }
    }

    @Test
    void snapshotWithQuarantineDeletesNothing() throws Exception {
        String table = "snapshot_quarantine";
        source().createInstitutions(table);
        source().insert(table, 5101, 5103, null);
        create(connector("jdbc-deletions-guard", "table: " + table + ", mode: snapshot, keyColumn: id, deletions: true",
                ""));
        await().atMost(WAIT).until(() -> stored("jdbc-deletions-guard") == 3);

        source().execute("DELETE FROM " + table + " WHERE id = 5103",
                "INSERT INTO " + table + " (id, uscc, name, kind, division_code) VALUES (5199, 'NOT-A-USCC', '坏行', '养老机构', '620102')");
        await().atMost(WAIT).until(() -> batches("jdbc-deletions-guard").stream()
                .filter(batch -> batch.get("quarantined").asLong() == 1).count() >= 2);
        assertThat(version(5103)).as("kept while the snapshot has a quarantined row").isEqualTo(1);

        source().execute("DELETE FROM " + table + " WHERE id = 5199");
        await().atMost(WAIT).until(() -> version(5103) == 2);

        source().execute("DELETE FROM " + table);
        Thread.sleep(2500);
        assertThat(version(5101)).as("an empty snapshot deletes nothing").isEqualTo(1);
    }

    void assertExactlyOnce(ExchangeSubscriber subscriber, int first, int last) throws Exception {
        List<JsonNode> events = received(subscriber, first, last);
        assertThat(subjects(events)).hasSize(last - first + 1);
        assertThat(new HashSet<>(subjects(events))).containsExactlyInAnyOrderElementsOf(
                SourceDatabase.usccs(first, last));
    }

    List<JsonNode> received(ExchangeSubscriber subscriber, int first, int last) throws Exception {
        Set<String> expected = new HashSet<>(SourceDatabase.usccs(first, last));
        return subscriber.drain(Duration.ofSeconds(2)).stream()
                .filter(event -> expected.contains(event.get("subject").asText())).toList();
    }

    static List<String> subjects(List<JsonNode> events) {
        return events.stream().map(event -> event.get("subject").asText()).toList();
    }

    static List<String> withDuplicate(List<String> all, List<String> again) {
        List<String> expected = new ArrayList<>(all);
        expected.addAll(again);
        return expected;
    }

    ExchangeSubscriber subscribe(String name) throws Exception {
        String client = getClass().getSimpleName() + "-" + name;
        return ExchangeSubscriber.attach(hub().brokerUrl(), client, ADDRESS, client);
    }

    long stored(String connectorId) {
        return hubDatabase.queryForObject("SELECT COUNT(*) FROM stored_records WHERE connector_id = ?",
                Long.class, connectorId);
    }

    int version(int serial) {
        List<Integer> versions = hubDatabase.queryForList("SELECT version FROM stored_records"
                + " WHERE record_type = 'elder.institution' AND business_key = ?", Integer.class,
                org.huitong.identifiers.SyntheticIds.uscc(serial));
        return versions.isEmpty() ? 0 : versions.get(0);
    }

    void create(String yaml) {
        ResponseEntity<JsonNode> created = admin.postYaml("/api/connectors", yaml);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    String state(String id) {
        return admin.get("/api/connectors/" + id).getBody().get("state").asText();
    }

    void awaitState(String id, String expected) {
        await().atMost(WAIT).until(() -> state(id).equals(expected));
    }

    List<JsonNode> batches(String connector) {
        return list(admin.get("/api/batches?connector=" + connector + "&limit=500").getBody());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
