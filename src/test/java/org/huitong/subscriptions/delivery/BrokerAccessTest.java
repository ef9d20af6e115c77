package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A subscriber logged in over the network may consume only its own feed queues: it cannot read
 * another subscriber's queue or the exchange, send, create or delete anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerAccessTest {

    private static final String USER_A = "city-a-user";
    private static final String PASSWORD_A = "city-a-password";

    @TempDir
    static Path dataDirectory;

    static DeliveryHub hub;

    @BeforeAll
    static void startHub() {
        hub = DeliveryHub.start(dataDirectory, DeliveryHub.freePort(), new InMemorySubscriptionDirectory());
        hub.directory.addSubscriber("city-a", USER_A, PASSWORD_A);
        hub.directory.addSubscriber("city-b", "city-b-user", "city-b-password");
        hub.change(DeliveryHub.subscription("sub-a", "city-a", List.of()));
        hub.change(DeliveryHub.subscription("sub-b", "city-b", List.of()));
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void anonymousLoginRejected() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(hub.coreUrl());

        assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void wrongPasswordRejectedAndNotLogged(CapturedOutput output) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(hub.coreUrl());

        assertThatThrownBy(() -> factory.createConnection(USER_A, "guessed-Secret-42").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThat(output).contains("Rejected broker login of user '" + USER_A + "'");
        assertThat(output).doesNotContain("guessed-Secret-42");
    }

    @Test
    void artemisClusterUserRejected() {
        // Artemis' built-in cluster user bypasses every permission check with its password.
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(hub.coreUrl());

        assertThatThrownBy(() -> factory.createConnection("ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!").close())
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("Unable to authenticate cluster user");
    }

    @Test
    void repeatedFailuresLockNameOut() throws Exception {
        hub.directory.addSubscriber("city-lock", "city-lock-user", "city-lock-password");
        hub.directory.addSubscriber("city-free", "city-free-user", "city-free-password");
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(hub.coreUrl());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> factory.createConnection("city-lock-user", "guessed-Secret-42").close())
                    .isInstanceOf(JMSSecurityException.class);
        }

        assertThatThrownBy(() -> factory.createConnection("city-lock-user", "city-lock-password").close())
                .as("the right password while locked out").isInstanceOf(JMSSecurityException.class);
        factory.createConnection("city-free-user", "city-free-password").close();
    }

    @Test
    void mqttWrongPasswordRejected() throws Exception {
        MqttClient client = new MqttClient(mqttUrl(), "city-a-wrong", new MemoryPersistence());
        try {
            assertThatThrownBy(() -> client.connect(FeedProtocolsTest.mqttOptions(USER_A, "wrong")))
                    .isInstanceOf(MqttSecurityException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void subscriberLoginCheckedOnceForSessions() throws Exception {
        int checksBefore = hub.directory.passwordChecks();

        try (Connection connection = coreConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        }
        try (Connection connection = coreConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        }

        assertThat(hub.directory.passwordChecks() - checksBefore).isBetween(0, 1);
    }

    @Test
    void ownFeedReadable() throws Exception {
        try (Connection connection = coreConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            session.createConsumer(session.createQueue("feeds.sub-a")).close();
            session.createBrowser(session.createQueue("feeds.sub-a")).close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "feeds.sub-b",
        "exchange.credit.license::huitong.relay.sub-a",
        "exchange.credit.license::huitong.relay.sub-b",
        "DLQ",
    })
    void otherQueuesUnreadableOverCore(String queue) throws Exception {
        try (Connection connection = coreConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void otherFeedUnreadableOverAmqp() throws Exception {
        try (Connection connection = new JmsConnectionFactory(hub.amqpUrl()).createConnection(USER_A, PASSWORD_A)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("feeds.sub-b")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void exchangeUnreadable() throws Exception {
        try (Connection connection = coreConnection()) {
            connection.setClientID("city-a-exchange");
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createDurableConsumer(session.createTopic("exchange.credit.license"), "all"))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("exchange.credit.license")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"feeds.sub-a, false", "exchange.credit.license, true", "activemq.management, false"})
    void sendRejected(String address, boolean multicast) throws Exception {
        try (Connection connection = coreConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(
                    multicast ? session.createTopic(address) : session.createQueue(address));

            assertThatThrownBy(() -> producer.send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void createAndDeleteRejected() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(hub.coreUrl());
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(USER_A, PASSWORD_A, false, true, true, false, 0)) {

            assertThatThrownBy(() -> session.createQueue(QueueConfiguration.of("feeds.sub-new")
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true)))
                    .isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> session.deleteQueue("feeds.sub-b")).isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> session.deleteQueue("feeds.sub-a")).isInstanceOf(ActiveMQSecurityException.class);
        }

        assertThat(hub.queueExists("feeds.sub-new")).isFalse();
        assertThat(hub.queueExists("feeds.sub-a")).isTrue();
        assertThat(hub.queueExists("feeds.sub-b")).isTrue();
    }

    /**
     * Each row names a queue that Artemis 2.40's MQTT code would pick for the client id and
     * topic, and delete when the consumer is denied, if the subscribe guard let it through.
     */
    @ParameterizedTest
    @CsvSource({
        "city-a-mqtt, feeds/sub-b, feeds.sub-b",
        "huitong,     relay/sub-b, huitong.relay.sub-b",
        "city-a-dlq,  DLQ,         DLQ",
        "city-a-all,  feeds/#,     feeds.sub-b",
    })
    void mqttSubscribeElsewhereClosesAndKeepsQueue(String clientId, String topic, String queue) throws Exception {
        MqttClient client = new MqttClient(mqttUrl(), clientId, new MemoryPersistence());
        try {
            client.connect(FeedProtocolsTest.mqttOptions(USER_A, PASSWORD_A));

            assertThatThrownBy(() -> client.subscribe(topic, 1)).isInstanceOf(MqttException.class);
            assertThat(client.isConnected()).isFalse();
        } finally {
            client.close(true);
        }
        assertThat(hub.queueExists(queue)).isTrue();
    }

    private static Connection coreConnection() throws JMSException {
        return new ActiveMQConnectionFactory(hub.coreUrl()).createConnection(USER_A, PASSWORD_A);
    }

    private static String mqttUrl() {
        return "tcp://127.0.0.1:" + hub.port;
    }
}
