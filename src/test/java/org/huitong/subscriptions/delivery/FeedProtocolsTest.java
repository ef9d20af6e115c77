package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.stomp.StompCommand;

/**
 * Each protocol's client logs in as a subscriber and receives from its feed queue exactly the
 * records its subscription's filter lets through, with the view's fields and masking.
 */
class FeedProtocolsTest {

    private static final String LANZHOU = "6201";

    @TempDir
    static Path dataDirectory;

    static DeliveryHub hub;

    @BeforeAll
    static void startHub() {
        hub = DeliveryHub.start(dataDirectory, DeliveryHub.freePort(), new InMemorySubscriptionDirectory());
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void coreClientReceivesFilteredMaskedRecords() throws Exception {
        subscribe("sub-core", "city-core");
        publishLanzhouAndOther("CORE");

        try (Connection connection = new ActiveMQConnectionFactory(hub.coreUrl())
                .createConnection("city-core-user", "city-core-password")) {
            List<TextMessage> received = receiveAll(connection, "feeds.sub-core");

            assertViews(texts(received), "CORE");
            assertThat(received.get(0).getStringProperty("ce_subject")).isEqualTo("CORE-1");
            assertThat(received.get(0).getStringProperty("huitong_division")).isEqualTo("620102");
            assertThat(received.get(0).getStringProperty("JMS_AMQP_ContentType")).isEqualTo("application/cloudevents+json");
        }
    }

    @Test
    void amqpClientReceivesFilteredMaskedRecords() throws Exception {
        subscribe("sub-amqp", "city-amqp");
        publishLanzhouAndOther("AMQP");

        ConnectionFactory factory = new JmsConnectionFactory(hub.amqpUrl());
        try (Connection connection = factory.createConnection("city-amqp-user", "city-amqp-password")) {
            List<TextMessage> received = receiveAll(connection, "feeds.sub-amqp");

            assertViews(texts(received), "AMQP");
            assertThat(received.get(0).getStringProperty("ce_type")).isEqualTo("cn.huitong.credit.license");
        }
    }

    @Test
    void stompClientReceivesFilteredMaskedRecords() throws Exception {
        subscribe("sub-stomp", "city-stomp");
        publishLanzhouAndOther("STOMP");

        try (StompTestClient client = StompTestClient.connect(hub.port, "city-stomp-user", "city-stomp-password")) {
            assertThat(StompTestClient.command(client.receive(5_000))).isEqualTo(StompCommand.CONNECTED);
            client.subscribe("feeds.sub-stomp", "feed");

            List<String> bodies = client.receiveBodies(3_000);

            assertViews(bodies, "STOMP");
        }
    }

    @Test
    void mqttClientReceivesFilteredMaskedRecords() throws Exception {
        subscribe("sub-mqtt", "city-mqtt");
        publishLanzhouAndOther("MQTT");

        MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.port, "city-mqtt-client", new MemoryPersistence());
        BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        try {
            client.connect(mqttOptions("city-mqtt-user", "city-mqtt-password"));
            client.subscribe("feeds/sub-mqtt", 1,
                    (topic, message) -> payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

            List<String> bodies = new ArrayList<>();
            String payload = payloads.poll(5, TimeUnit.SECONDS);
            while (payload != null) {
                bodies.add(payload);
                payload = payloads.poll(1, TimeUnit.SECONDS);
            }

            // Over MQTT two waiting records once arrived in reverse order, so only the set is checked.
            assertThat(subjects(bodies)).containsExactlyInAnyOrder("MQTT-1", "MQTT-3");
            List<String> ordered = new ArrayList<>(bodies);
            ordered.sort(Comparator.comparing(body -> subjects(List.of(body)).get(0)));
            assertViews(ordered, "MQTT");
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
        assertThat(hub.queueExists("feeds.sub-mqtt")).as("MQTT disconnect keeps the feed queue").isTrue();
    }

    static MqttConnectOptions mqttOptions(String username, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        return options;
    }

    private static void subscribe(String subscriptionId, String subscriberId) {
        hub.directory.addSubscriber(subscriberId, subscriberId + "-user", subscriberId + "-password");
        hub.change(DeliveryHub.subscription(subscriptionId, subscriberId, List.of(LANZHOU)));
    }

    /** Publishes two Lanzhou licenses and one of Jiayuguan (6202), which the filter rejects. */
    private static void publishLanzhouAndOther(String prefix) throws Exception {
        hub.publish(DeliveryHub.license(prefix + "-1", "620102"),
                DeliveryHub.license(prefix + "-2", "620201"),
                DeliveryHub.license(prefix + "-3", "620103"));
    }

    private static List<TextMessage> receiveAll(Connection connection, String queue) throws Exception {
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        connection.start();

        List<TextMessage> received = new ArrayList<>();
        Message message = consumer.receive(5_000);
        while (message != null) {
            received.add((TextMessage) message);
            message.acknowledge();
            message = consumer.receive(1_000);
        }
        return received;
    }

    private static List<String> texts(List<TextMessage> messages) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TextMessage message : messages) {
            texts.add(message.getText());
        }
        return texts;
    }

    private static List<String> subjects(List<String> bodies) {
        List<String> subjects = new ArrayList<>();
        for (String body : bodies) {
            try {
                subjects.add(DeliveryHub.EXACT_JSON.readTree(body).path("subject").asText());
            } catch (JsonProcessingException e) {
                throw new AssertionError("Feed message is not JSON: " + body, e);
            }
        }
        return subjects;
    }

    /** Checks that exactly the two Lanzhou records arrived, in order, reduced and masked. */
    private static void assertViews(List<String> bodies, String prefix) throws Exception {
        assertThat(bodies).hasSize(2);
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            events.add(DeliveryHub.EXACT_JSON.readTree(body));
        }

        assertThat(events).extracting(event -> event.get("subject").asText())
                .containsExactly(prefix + "-1", prefix + "-3");
        JsonNode data = events.get(0).get("data");
        assertThat(data.get("XK_XDR_MC").asText()).isEqualTo(TestRecordViews.MASK);
        assertThat(data.has("feeRate")).as("field not granted").isFalse();
        assertThat(data.get("registeredCapital").decimalValue().toPlainString()).isEqualTo("12345678901234567.8900");
        assertThat(events.get(0).get("type").asText()).isEqualTo("cn.huitong.credit.license");
    }
}
