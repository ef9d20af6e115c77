package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExternalArtemis;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production set-up: the hub with the {@code external-broker} profile and a separate Artemis
 * configured from {@code docker/artemis/broker.xml}. Ingested licences reach each subscriber's
 * feed queue on that broker over every protocol, with the subscriber's own broker credentials,
 * which the hub wrote into the broker. No other subscriber may read the queue, revoking removes
 * it and its permissions, and webhooks and their dead letters work there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("external-broker")
@DirtiesContext
class ExternalBrokerDeliveryTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final ExternalArtemis BROKER = ExternalArtemis.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELDS = """
            {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FRDB"], "purpose": "信用评价"}""";

    private static ApiClient admin;
    private static int nextLicence = 1;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        BROKER.register(registry);
        registry.add("huitong.subscriptions.webhook.allowed-hosts", () -> "127.0.0.1");
        registry.add("huitong.subscriptions.webhook.allow-http", () -> "true");
        registry.add("huitong.subscriptions.webhook.initial-backoff", () -> "20ms");
        registry.add("huitong.subscriptions.webhook.max-backoff", () -> "50ms");
        registry.add("huitong.subscriptions.webhook.max-attempts", () -> "2");
        registry.add("huitong.subscriptions.webhook.connect-timeout", () -> "500ms");
    }

    /**
     * Stops the broker when the hub's context closes after this class, once the relays and
     * dispatchers have stopped, so the hub never keeps reconnecting to a stopped broker.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrokerLifetime {

        @Bean(destroyMethod = "close")
        ExternalArtemis externalArtemis() {
            return BROKER;
        }
    }

    @BeforeEach
    void admin() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        }
    }

    @Test
    void hubRunsWithoutEmbeddedBroker() {
        assertThat(context.getBeansOfType(EmbeddedActiveMQ.class)).isEmpty();
    }

    @Test
    void everyProtocolReceivesMaskedView() throws Exception {
        Credentials city = register();
        String core = subscribe(city);
        String amqp = subscribe(city);
        String stomp = subscribe(city);
        String mqtt = subscribe(city);
        List<Integer> licences = ingest(3);

        try (Connection connection = new ActiveMQConnectionFactory(BROKER.url())
                .createConnection(city.user, city.password)) {
            assertViews(receiveAll(connection, FeedQueues.feed(core)), licences);
        }
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER.port())
                .createConnection(city.user, city.password)) {
            assertViews(receiveAll(connection, FeedQueues.feed(amqp)), licences);
        }
        assertViews(receiveStomp(city, FeedQueues.feed(stomp)), licences);
        assertThat(decisionNumbers(receiveMqtt(city, "feeds/" + mqtt)))
                .containsAll(licences.stream().map(LicenceFiles::decisionNumber).toList());
    }

    @Test
    void anotherSubscriberCannotReadOrCreateQueues() throws Exception {
        Credentials owner = register();
        Credentials other = register();
        String subscription = subscribe(owner);
        ingest(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> depth(subscription) == 1);

        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER.url());
        try (Connection connection = factory.createConnection(other.user, other.password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(FeedQueues.feed(subscription))))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("exchange.credit.license")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("feeds.made-up")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        try (Connection connection = factory.createConnection(owner.user, owner.password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(FeedQueues.feed(subscription)))
                    .send(session.createTextMessage("forged")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThatThrownBy(() -> factory.createConnection(owner.user, "guessed-password").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThat(depth(subscription)).as("nothing read, nothing forged").isEqualTo(1);
    }

    /**
     * Without the broker plugin of docker/artemis/broker.xml, Artemis 2.40 would delete the
     * queue behind each of these topics when the subscriber's consumer is denied.
     */
    @Test
    void mqttSubscribeElsewhereRejected() throws Exception {
        Credentials owner = register();
        Credentials other = register();
        String subscription = subscribe(owner);
        String relay = FeedQueues.relay(subscription);

        for (String topic : List.of("feeds/" + subscription, "feeds/#", "DLQ", "exchange/credit/license")) {
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + BROKER.port(), other.user + "-probe",
                    new MemoryPersistence());
            try {
                client.connect(FeedProtocolsTest.mqttOptions(other.user, other.password));
                assertThatThrownBy(() -> client.subscribe(topic, 1)).as(topic).isInstanceOf(MqttException.class);
                assertThat(client.isConnected()).as("closed after subscribing to " + topic).isFalse();
            } finally {
                client.close(true);
            }
        }
        MqttClient relayProbe = new MqttClient("tcp://127.0.0.1:" + BROKER.port(), "huitong", new MemoryPersistence());
        try {
            relayProbe.connect(FeedProtocolsTest.mqttOptions(other.user, other.password));
            assertThatThrownBy(() -> relayProbe.subscribe("relay/" + subscription, 1)).isInstanceOf(MqttException.class);
        } finally {
            relayProbe.close(true);
        }
        assertThat(queueExists(FeedQueues.feed(subscription))).isTrue();
        assertThat(queueExists(relay)).isTrue();
        assertThat(queueExists("DLQ")).isTrue();
    }

    @Test
    void rotatedCredentialsReplaceTheBrokerPassword() throws Exception {
        Credentials before = register();
        JsonNode rotated = admin.post("/api/subscribers/" + before.user + "/credentials").getBody();
        String newPassword = rotated.at("/credentials/brokerPassword").asText();

        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER.url());
        assertThatThrownBy(() -> factory.createConnection(before.user, before.password).close())
                .isInstanceOf(JMSSecurityException.class);
        factory.createConnection(before.user, newPassword).close();
    }

    @Test
    void revokingDeletesTheQueuesAndThePermissions() throws Exception {
        Credentials city = register();
        String subscription = subscribe(city);
        String feed = FeedQueues.feed(subscription);
        assertThat(queueExists(feed)).isTrue();
        assertThat(queueExists(FeedQueues.relay(subscription))).isTrue();

        assertThat(admin.postJson("/api/subscriptions/" + subscription + "/revoke", """
                {"reason": "合作结束"}""").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(queueExists(feed)).isFalse();
        assertThat(queueExists(FeedQueues.relay(subscription))).isFalse();
        assertThat(BROKER.server().getSecurityRepository().getMatch(feed))
                .as("only the broker's # settings are left for the queue")
                .isEqualTo(BROKER.server().getSecurityRepository().getMatch("feeds.made-up"));
    }

    @Test
    void failedWebhookRecordsBecomeDeadLetters() throws Exception {
        Credentials city = register();
        String subscription = subscribe(city);
        ApiClient subscriber = ApiClient.withApiKey(http, city.apiKey);
        int closedPort = HubTestEnvironment.freePort();
        assertThat(subscriber.putJson("/api/subscriptions/" + subscription + "/webhook", """
                {"url": "http://127.0.0.1:%d/in", "batchSize": 10}""".formatted(closedPort))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Integer> licences = ingest(2);

        String deadLetters = "/api/subscriptions/" + subscription + "/dead-letters";
        Set<String> deadNumbers = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = subscriber.get(deadLetters + "?limit=500").getBody();
            page.path("items").forEach(item -> deadNumbers.add(item.at("/event/data/XK_WSH").asText()));
            return deadNumbers.containsAll(licences.stream().map(LicenceFiles::decisionNumber).toList());
        });
        assertThat(queueExists("huitong.webhook.dlq." + subscription)).isTrue();
    }

    private record Credentials(String user, String password, String apiKey) {
    }

    private Credentials register() {
        String id = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "外部代理测试", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(id))
                .getBody();
        return new Credentials(registered.at("/credentials/brokerUsername").asText(),
                registered.at("/credentials/brokerPassword").asText(),
                registered.at("/credentials/apiKey").asText());
    }

    private String subscribe(Credentials credentials) {
        JsonNode subscription = ApiClient.withApiKey(http, credentials.apiKey)
                .postJson("/api/subscriptions", FIELDS).getBody();
        assertThat(subscription.path("status").asText()).isEqualTo("ACTIVE");
        return subscription.path("id").asText();
    }

    /** Ingests the next {@code count} licences through the file connector and waits for the batch. */
    private synchronized List<Integer> ingest(int count) {
        int first = nextLicence;
        nextLicence += count;
        String name = "external-" + first + ".csv";
        HUB.drop("samr-licensing", LicenceFiles.validRows(HUB.root(), first, count), name);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String batches = admin.get("/api/batches?connector=samr-licensing").getBody().toString();
            return batches.contains(name) && batches.contains("COMPLETED");
        });
        List<Integer> numbers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private long depth(String subscription) {
        return admin.get("/api/subscriptions/" + subscription + "/delivery").getBody().path("feedDepth").asLong();
    }

    private static boolean queueExists(String name) {
        return BROKER.server().locateQueue(SimpleString.of(name)) != null;
    }

    private static List<String> receiveAll(Connection connection, String queue) throws Exception {
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        connection.start();
        List<String> bodies = new ArrayList<>();
        Message message = consumer.receive(10_000);
        while (message != null) {
            bodies.add(((TextMessage) message).getText());
            message.acknowledge();
            message = consumer.receive(1_000);
        }
        return bodies;
    }

    private static List<String> receiveStomp(Credentials credentials, String queue) throws Exception {
        try (StompTestClient client = StompTestClient.connect(BROKER.port(), credentials.user, credentials.password)) {
            assertThat(StompTestClient.command(client.receive(5_000))).isEqualTo(StompCommand.CONNECTED);
            client.subscribe(queue, "feed");
            return client.receiveBodies(10_000);
        }
    }

    private static List<String> receiveMqtt(Credentials credentials, String topic) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + BROKER.port(), credentials.user + "-mqtt",
                new MemoryPersistence());
        BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        try {
            client.connect(FeedProtocolsTest.mqttOptions(credentials.user, credentials.password));
            client.subscribe(topic, 1,
                    (name, message) -> payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            List<String> bodies = new ArrayList<>();
            String payload = payloads.poll(10, TimeUnit.SECONDS);
            while (payload != null) {
                bodies.add(payload);
                payload = payloads.poll(1, TimeUnit.SECONDS);
            }
            return bodies;
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    /**
     * Checks that the licences arrived in order, with only the granted fields and the name
     * masked. Before them may come licences of earlier tests, which a new subscription receives
     * first from the published-event log.
     */
    private static void assertViews(List<String> bodies, List<Integer> licences) throws Exception {
        List<String> expected = licences.stream().map(LicenceFiles::decisionNumber).toList();
        List<String> received = decisionNumbers(bodies);
        assertThat(received.subList(Math.max(0, received.size() - expected.size()), received.size()))
                .containsExactlyElementsOf(expected);
        for (String body : bodies) {
            JsonNode event = JSON.readTree(body);
            List<String> fields = new ArrayList<>();
            event.path("data").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("XK_WSH", "XK_FRDB");
            assertThat(event.at("/data/XK_FRDB").asText()).isNotEqualTo("张三").startsWith("张");
            assertThat(event.path("subject").asText()).as("the key is not granted in clear").startsWith("pseudonym:");
        }
    }

    private static List<String> decisionNumbers(List<String> bodies) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (String body : bodies) {
            numbers.add(JSON.readTree(body).at("/data/XK_WSH").asText());
        }
        return numbers;
    }
}
