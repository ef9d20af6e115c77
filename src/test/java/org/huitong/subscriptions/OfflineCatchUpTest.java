package org.huitong.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.exchange.ExchangePublisher;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.PreparedLicences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A subscriber that is offline while many licences are published catches up from its feed
 * queue with its own broker login, and the catch-up feed API returns the same events.
 *
 * <p>The records go through the connector's reading, mapping and validation and then straight
 * to {@link ExchangePublisher}, without the record store: the file pipeline adds the record
 * store's lookups and updates, which this test does not examine, and would take several times
 * longer for the same broker load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfflineCatchUpTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    /**
     * Licences published while the subscriber is offline: 100,000 unless
     * {@code -Dbench.catch-up.records} sets another number. The whole test took 48 seconds on 2
     * shared vCPUs (see docs/benchmarks.md).
     */
    private static final int RECORDS = Integer.getInteger("bench.catch-up.records", 100_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExchangePublisher publisher;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    ConnectorRegistry connectors;

    @Autowired
    SchemaRegistry schemas;

    @Autowired
    RecordValidator validator;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("huitong.feeds.settle-time", () -> "PT0S");
    }

    @Test
    void offlineSubscriberReceivesEveryRecordOnce() throws Exception {
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "offline-city", "name": "离线订阅方", "departmentCode": "lz-fgw", "contact": "c"}""").getBody();
        ApiClient subscriber = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        String subscription = subscriber.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FRDB", "XK_XKJGDM"], "purpose": "信用评价"}""")
                .getBody().path("id").asText();
        String deliveryPath = "/api/subscriptions/" + subscription + "/delivery";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> subscriber.get(deliveryPath).getBody().path("feedQueueExists").asBoolean());

        long published = publishLicences();

        long relayStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> subscriber.get(deliveryPath).getBody().path("feedDepth").asLong() >= RECORDS);
        JsonNode offline = subscriber.get(deliveryPath).getBody();
        System.out.printf("Feed queue filled %.1f s after the publish ended%n", (System.nanoTime() - relayStarted) / 1e9);
        boolean paging = broker.getActiveMQServer().getPagingManager()
                .getPageStore(SimpleString.of(FeedQueues.feed(subscription))).isPaging();

        Drained queued = drain(subscription, registered.at("/credentials/brokerPassword").asText());
        List<String> feedIds = readWholeFeed(subscriber, subscription);

        assertThat(published).isEqualTo(RECORDS);
        assertThat(offline.path("feedDepth").asLong()).isEqualTo(RECORDS);
        assertThat(offline.path("relayDepth").asLong()).isZero();
        assertThat(offline.path("feedConsumers").asInt()).isZero();
        assertThat(paging).as("the feed queue of the offline subscriber pages to disk").isTrue();

        assertThat(queued.ids()).hasSize(RECORDS);
        assertThat(new HashSet<>(queued.ids())).as("distinct event ids").hasSize(RECORDS);
        assertThat(queued.subjects()).isEqualTo(expectedSubjects());
        assertThat(queued.first().path("data").has("XK_XDR_MC")).as("field not granted").isFalse();

        assertThat(feedIds).isEqualTo(queued.ids());
        assertThat(subscriber.get(deliveryPath).getBody().path("feedDepth").asLong()).isZero();
    }

    /** Publishes licences 1 to {@link #RECORDS} in the connector's chunks and returns the count. */
    private long publishLicences() throws Exception {
        Path file = LicenceFiles.validRows(HUB.root(), 1, RECORDS);
        PreparedLicences licences = new PreparedLicences(connectors, schemas, validator);
        long started = System.nanoTime();
        long published = licences.forEachChunk(file, 1, publisher::publish);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Published %,d licences in %.1f s (%,.0f records/s)%n", published, seconds,
                published / seconds);
        return published;
    }

    /** Event ids in the order received, the set of subjects, and the first event. */
    private record Drained(List<String> ids, Set<String> subjects, JsonNode first) {
    }

    /**
     * Reads the feed queue as the subscriber, with its own login over CORE, and commits every
     * 1,000 messages. Keeps ids and subjects only, so 100,000 events fit in the benchmark's heap.
     */
    private Drained drain(String subscription, String brokerPassword) throws Exception {
        List<String> ids = new ArrayList<>(RECORDS);
        Set<String> subjects = new HashSet<>();
        JsonNode first = null;
        long started = System.nanoTime();
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + HUB.brokerPort())
                .createConnection("offline-city", brokerPassword)) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(FeedQueues.feed(subscription)));
            connection.start();

            TextMessage message = (TextMessage) consumer.receive(30_000);
            while (message != null) {
                JsonNode event = JSON.readTree(message.getText());
                first = first == null ? event : first;
                ids.add(event.path("id").asText());
                subjects.add(event.path("subject").asText());
                if (ids.size() % 1_000 == 0) {
                    session.commit();
                }
                // After the last expected message, wait a little longer for any extra copy.
                message = (TextMessage) consumer.receive(ids.size() < RECORDS ? 30_000 : 2_000);
            }
            session.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Drained %,d events in %.1f s (%,.0f events/s)%n", ids.size(), seconds,
                ids.size() / seconds);
        return new Drained(ids, subjects, first);
    }

    /** Reads the subscription's feed from the start in pages of 500 and returns the event ids in order. */
    private static List<String> readWholeFeed(ApiClient subscriber, String subscription) {
        List<String> ids = new ArrayList<>(RECORDS);
        long started = System.nanoTime();
        String path = "/api/feeds/" + subscription + "?limit=500";
        String after = null;
        boolean hasMore = true;
        for (int request = 0; hasMore && request <= RECORDS / 500 + 10; request++) {
            JsonNode page = subscriber.get(after == null ? path : path + "&after=" + after).getBody();
            page.path("events").forEach(event -> ids.add(event.path("id").asText()));
            after = page.path("next").asText();
            hasMore = page.path("hasMore").asBoolean();
        }
        System.out.printf("Read %,d events from the feed API in %.1f s%n", ids.size(),
                (System.nanoTime() - started) / 1e9);
        return ids;
    }

    private static Set<String> expectedSubjects() {
        Set<String> subjects = new HashSet<>();
        for (int number = 1; number <= RECORDS; number++) {
            subjects.add(LicenceFiles.subject(number));
        }
        return subjects;
    }
}
