package org.huitong.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catch-up feed: paging, cursors, the subscription's view, and who may read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedApiTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    /** Licences 1 to 7 are published once for every test of this class. */
    private static final int LICENCES = 7;

    @Autowired
    TestRestTemplate http;

    private static ApiClient admin;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("huitong.feeds.settle-time", () -> "PT0S");
    }

    @BeforeEach
    void publishLicences() {
        if (admin != null) {
            return;
        }
        admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        HUB.drop("samr-licensing", LicenceFiles.validRows(HUB.root(), 1, LICENCES), "feed-licences.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode batches = admin.get("/api/batches?connector=samr-licensing").getBody();
            return batches.toString().contains("feed-licences.csv") && batches.toString().contains("COMPLETED");
        });
    }

    private ApiClient subscriberWith(String subscriptionJson, List<String> subscriptionIds) {
        String id = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(id)).getBody();
        ApiClient client = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        JsonNode subscription = client.postJson("/api/subscriptions", subscriptionJson).getBody();
        subscriptionIds.add(subscription.path("id").asText());
        return client;
    }

    private static final String LICENCES_WITH_NAME = """
            {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FRDB", "XK_XKJGDM"], "purpose": "信用评价"}""";

    @Test
    void feedDeliversTheViewOfEveryEvent() {
        List<String> ids = new ArrayList<>();
        ApiClient client = subscriberWith(LICENCES_WITH_NAME, ids);

        JsonNode page = client.get("/api/feeds/" + ids.get(0) + "?limit=500").getBody();

        List<JsonNode> events = mine(page.path("events"));
        assertThat(events).hasSize(LICENCES);
        JsonNode first = events.get(0);
        assertThat(first.path("subscription").asText()).isEqualTo(ids.get(0));
        assertThat(first.path("subject").asText()).isEqualTo(LicenceFiles.subject(1));
        assertThat(names(first.path("data"))).containsExactly("XK_FRDB", "XK_WSH", "XK_XKJGDM");
        assertThat(first.at("/data/XK_FRDB").asText()).isEqualTo("张*");
        assertThat(page.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void smallPagesGiveTheSameEvents() {
        List<String> ids = new ArrayList<>();
        ApiClient client = subscriberWith(LICENCES_WITH_NAME, ids);
        String path = "/api/feeds/" + ids.get(0);
        List<String> whole = eventIds(client.get(path + "?limit=500").getBody().path("events"));

        List<String> paged = new ArrayList<>();
        String after = null;
        for (int request = 0; request < 100; request++) {
            JsonNode page = client.get(path + "?limit=2" + (after == null ? "" : "&after=" + after)).getBody();
            assertThat(page.path("events").size()).isLessThanOrEqualTo(2);
            paged.addAll(eventIds(page.path("events")));
            after = page.path("next").asText();
            if (!page.path("hasMore").asBoolean()) {
                break;
            }
        }

        assertThat(paged).isEqualTo(whole);
        JsonNode caughtUp = client.get(path + "?after=" + after).getBody();
        assertThat(caughtUp.path("events").size()).isZero();
        assertThat(caughtUp.path("next").asText()).isEqualTo(after);
    }

    @Test
    void filterIsAppliedToTheFeed() {
        List<String> ids = new ArrayList<>();
        ApiClient client = subscriberWith("""
                {"recordType": "credit.license", "fields": ["XK_WSH"],
                 "filter": {"fields": {"XK_WSH": ["%s"]}}, "purpose": "p"}""".formatted(LicenceFiles.decisionNumber(3)),
                ids);

        JsonNode page = client.get("/api/feeds/" + ids.get(0)).getBody();

        assertThat(page.path("events")).allSatisfy(event ->
                assertThat(event.at("/data/XK_WSH").asText()).isEqualTo(LicenceFiles.decisionNumber(3)));
        assertThat(mine(page.path("events"))).hasSize(1);
    }

    @Test
    void sinceSkipsOlderEvents() {
        List<String> ids = new ArrayList<>();
        ApiClient client = subscriberWith(LICENCES_WITH_NAME, ids);

        JsonNode future = client.get("/api/feeds/" + ids.get(0) + "?since=" + Instant.now().plusSeconds(3600))
                .getBody();
        JsonNode past = client.get("/api/feeds/" + ids.get(0) + "?since=2000-01-01T00:00:00Z&limit=500").getBody();

        assertThat(future.path("events").size()).isZero();
        assertThat(future.path("hasMore").asBoolean()).isFalse();
        assertThat(mine(past.path("events"))).hasSize(LICENCES);
    }

    @Test
    void feedChecksCallerCursorAndStatus() {
        List<String> ids = new ArrayList<>();
        ApiClient owner = subscriberWith(LICENCES_WITH_NAME, ids);
        ApiClient other = subscriberWith(LICENCES_WITH_NAME, ids);
        String path = "/api/feeds/" + ids.get(0);

        ResponseEntity<JsonNode> foreign = other.get(path);
        ResponseEntity<JsonNode> badCursor = owner.get(path + "?after=abc");
        ResponseEntity<JsonNode> badLimit = owner.get(path + "?limit=501");
        owner.postJson("/api/subscriptions/" + ids.get(0) + "/revoke", "{\"reason\": \"停用\"}");
        ResponseEntity<JsonNode> revoked = owner.get(path);

        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(badCursor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCursor.getBody().path("detail").asText()).contains("abc");
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiClient.anonymous(http).get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void queueAndFeedDeliverTheSameEvents() throws Exception {
        String id = "feed-q-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(id)).getBody();
        ApiClient client = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        String subscription = client.postJson("/api/subscriptions", LICENCES_WITH_NAME).getBody()
                .path("id").asText();
        HUB.drop("samr-licensing", LicenceFiles.validRows(HUB.root(), 101, 5), "feed-queue.csv");

        // A new subscription's queue first receives recent events from the published-event log,
        // then the new file: read until all five new events arrived.
        List<JsonNode> fromQueue = new ArrayList<>();
        ConnectionFactory factory = new JmsConnectionFactory("amqp://127.0.0.1:" + HUB.brokerPort());
        try (Connection connection = factory.createConnection(id, registered.at("/credentials/brokerPassword")
                .asText())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds." + subscription));
            connection.start();
            while (fromQueue.stream().filter(event -> fromFile(event, "feed-queue.csv")).count() < 5) {
                TextMessage message = (TextMessage) consumer.receive(30_000);
                assertThat(message).as("message after %d on the feed queue", fromQueue.size()).isNotNull();
                fromQueue.add(JSON.readTree(message.getText()));
            }
        }

        List<String> queued = eventIds(fromQueue);
        List<JsonNode> fromFeed = new ArrayList<>();
        client.get("/api/feeds/" + subscription + "?limit=500").getBody().path("events").forEach(event -> {
            if (queued.contains(event.path("id").asText())) {
                fromFeed.add(event);
            }
        });
        assertThat(fromFeed).isEqualTo(fromQueue);
        JsonNode delivery = client.get("/api/subscriptions/" + subscription + "/delivery").getBody();
        assertThat(delivery.path("feedQueueExists").asBoolean()).isTrue();
        assertThat(delivery.path("feedDepth").asLong()).isZero();
    }

    private static boolean fromFile(JsonNode event, String file) {
        return event.path("sourcefile").asText().equals(file);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the events of the licences this class published, which other test classes never publish. */
    private static List<JsonNode> mine(JsonNode events) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : events) {
            if (event.path("sourcefile").asText().equals("feed-licences.csv")) {
                found.add(event);
            }
        }
        return found;
    }

    private static List<String> eventIds(Iterable<JsonNode> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.path("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
