package org.huitong.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new subscription's feed queue starts with the newest events of its record type from the
 * published-event log, through its view, and then continues with what is published later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InitialEventsTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    /** Newest events a new subscription examines, set for this class. */
    private static final int INITIAL = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    private static ApiClient admin;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("huitong.subscriptions.initial-events", () -> String.valueOf(INITIAL));
    }

    /** Publishes licences 301 to 308 once for the class, before any subscription exists. */
    @BeforeEach
    void publishLicences() {
        if (admin != null) {
            return;
        }
        admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        publish(301, 8, "initial-1.csv");
    }

    @Test
    void newestEventsThenLiveOnes() throws Exception {
        Subscribed subscribed = subscribe("""
                {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FRDB"], "purpose": "信用评价"}""");
        try (Connection connection = subscribed.connect()) {
            MessageConsumer consumer = subscribed.consumer(connection);
            List<TextMessage> initial = receive(consumer, INITIAL);
            List<Integer> numbers = decisionNumbers(initial);
            assertThat(numbers).as("the newest %d licences, oldest first", INITIAL)
                    .isEqualTo(consecutive(numbers.get(numbers.size() - 1) - INITIAL + 1, INITIAL));
            assertThat(numbers.get(numbers.size() - 1)).isGreaterThanOrEqualTo(308);

            publish(401, 2, "initial-2.csv");
            List<TextMessage> live = receive(consumer, 2);
            assertThat(decisionNumbers(live)).containsExactly(401, 402);
            assertThat(consumer.receive(1_000)).as("nothing after the live events").isNull();

            for (TextMessage message : concat(initial, live)) {
                JsonNode event = JSON.readTree(message.getText());
                assertThat(names(event.path("data"))).containsExactlyInAnyOrder("XK_WSH", "XK_FRDB");
                assertThat(event.at("/data/XK_FRDB").asText()).as("masked name").isNotEqualTo("张三").startsWith("张");
                assertThat(message.getStringProperty("ce_type")).isEqualTo(event.path("type").asText());
                assertThat(message.getStringProperty("ce_source")).isEqualTo(event.path("source").asText());
                assertThat(message.getStringProperty("huitong_record_type")).isEqualTo("credit.license");
                assertThat(message.getStringProperty("huitong_department")).isNotBlank();
            }
            assertThat(propertyNames(initial.get(0))).as("initial and relayed messages carry the same properties")
                    .isEqualTo(propertyNames(live.get(0)));
        }
    }

    @Test
    void filterAppliesToInitialEvents() throws Exception {
        Subscribed subscribed = subscribe("""
                {"recordType": "credit.license", "fields": ["XK_WSH"],
                 "filter": {"fields": {"XK_WSH": ["%s"]}}, "purpose": "p"}""".formatted(LicenceFiles.decisionNumber(307)));
        try (Connection connection = subscribed.connect()) {
            MessageConsumer consumer = subscribed.consumer(connection);
            assertThat(decisionNumbers(receive(consumer, 1))).containsExactly(307);
            assertThat(consumer.receive(1_000)).as("the filter rejects the other initial events").isNull();
        }
    }

    @Test
    void subscriptionToTypeWithoutEventsStartsEmpty() throws Exception {
        Subscribed subscribed = subscribe("""
                {"recordType": "credit.penalty", "fields": ["CF_WSH"], "purpose": "p"}""");
        try (Connection connection = subscribed.connect()) {
            assertThat(subscribed.consumer(connection).receive(1_000)).isNull();
        }
    }

    private record Subscribed(String subscriber, String password, String subscription) {

        Connection connect() throws JMSException {
            Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + HUB.brokerPort())
                    .createConnection(subscriber, password);
            connection.start();
            return connection;
        }

        MessageConsumer consumer(Connection connection) throws JMSException {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return session.createConsumer(session.createQueue("feeds." + subscription));
        }
    }

    private Subscribed subscribe(String subscriptionJson) {
        String id = "initial-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(id)).getBody();
        ApiClient client = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        JsonNode subscription = client.postJson("/api/subscriptions", subscriptionJson).getBody();
        assertThat(subscription.path("status").asText()).as(subscription.toString()).isEqualTo("ACTIVE");
        return new Subscribed(id, registered.at("/credentials/brokerPassword").asText(), subscription.path("id").asText());
    }

    private void publish(int first, int rows, String name) {
        HUB.drop("samr-licensing", LicenceFiles.validRows(HUB.root(), first, rows), name);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode batches = admin.get("/api/batches?connector=samr-licensing").getBody();
            for (JsonNode batch : batches) {
                if (batch.toString().contains(name) && batch.toString().contains("COMPLETED")) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<TextMessage> receive(MessageConsumer consumer, int count) throws JMSException {
        List<TextMessage> messages = new ArrayList<>();
        while (messages.size() < count) {
            TextMessage message = (TextMessage) consumer.receive(30_000);
            assertThat(message).as("message %d of %d", messages.size() + 1, count).isNotNull();
            messages.add(message);
        }
        return messages;
    }

    private static List<Integer> decisionNumbers(List<TextMessage> messages) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (TextMessage message : messages) {
            String decision = JSON.readTree(message.getText()).at("/data/XK_WSH").asText();
            numbers.add(Integer.parseInt(decision.replaceAll("^.*〕(\\d+)号$", "$1")));
        }
        return numbers;
    }

    private static List<Integer> consecutive(int first, int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(first + i);
        }
        return numbers;
    }

    private static List<TextMessage> concat(List<TextMessage> a, List<TextMessage> b) {
        List<TextMessage> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Returns the application property names of a message, without those the JMS client adds. */
    private static Set<String> propertyNames(TextMessage message) throws JMSException {
        Set<String> names = new TreeSet<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            if (!name.toString().startsWith("JMS")) {
                names.add(name.toString());
            }
        }
        return names;
    }
}
