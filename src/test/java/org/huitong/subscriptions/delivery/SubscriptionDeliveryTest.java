package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.exchange.OutboundRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation, isolation of a slow subscriber and the delivery gauges, on a hub whose feed
 * queues page to disk after 32 KB.
 */
class SubscriptionDeliveryTest {

    private static final int RECORDS = 300;

    @TempDir
    static Path dataDirectory;

    static DeliveryHub hub;

    @BeforeAll
    static void startHub() {
        hub = DeliveryHub.start(dataDirectory, DeliveryHub.freePort(), new InMemorySubscriptionDirectory(),
                "huitong.exchange.broker.feed-max-size=32KB");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void revocationStopsDeliveryAndDeletesQueues() throws Exception {
        subscribe("sub-revoked", "city-r");

        try (Connection connection = connect("city-r")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-revoked"));
            connection.start();
            hub.publish(DeliveryHub.license("REVOKE-1", "620102"));
            assertThat(consumer.receive(5_000)).isNotNull();

            hub.revoke("sub-revoked");
            hub.publish(DeliveryHub.license("REVOKE-2", "620102"));

            assertThat(hub.queueExists("feeds.sub-revoked")).isFalse();
            assertThat(hub.queueExists("huitong.relay.sub-revoked")).isFalse();
            assertThat(hub.server().getAddressInfo(SimpleString.of("feeds.sub-revoked"))).isNull();
            assertThat(receiveOrFail(consumer)).as("message after revocation").isNull();
        }
        try (Connection connection = connect("city-r")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("feeds.sub-revoked")))
                    .isInstanceOf(JMSException.class);
        }
        assertThat(hub.meters().find(DeliveryMetrics.FEED_DEPTH).tag("subscription", "sub-revoked").gauge()).isNull();
        assertThat(hub.delivery().stats("sub-revoked").feedQueueExists()).isFalse();
    }

    @Test
    void slowSubscriberBlocksNeitherPublisherNorOthers() throws Exception {
        subscribe("sub-slow", "city-slow");
        subscribe("sub-fast", "city-fast");

        List<OutboundRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(DeliveryHub.license("ISOLATION-" + i, "620102"));
        }
        long publishStarted = System.nanoTime();
        hub.publish(records.toArray(OutboundRecord[]::new));
        Duration publishTime = Duration.ofNanos(System.nanoTime() - publishStarted);

        List<String> received = new ArrayList<>();
        try (Connection connection = connect("city-fast")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-fast"));
            connection.start();
            Message message = consumer.receive(10_000);
            while (message != null) {
                received.add(message.getStringProperty("ce_subject"));
                message = consumer.receive(1_000);
            }
        }

        assertThat(publishTime).isLessThan(Duration.ofSeconds(10));
        assertThat(received).hasSize(RECORDS).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.delivery().stats("sub-slow").feedDepth() == RECORDS);
        assertThat(hub.server().getPagingManager().getPageStore(SimpleString.of("feeds.sub-slow")).isPaging())
                .as("the unread feed pages to disk").isTrue();
    }

    @Test
    void gaugesReportQueueDepthAndAge() throws Exception {
        subscribe("sub-gauge", "city-gauge");
        hub.publish(DeliveryHub.license("GAUGE-1", "620102"), DeliveryHub.license("GAUGE-2", "620103"));

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.delivery().stats("sub-gauge").feedDepth() == 2);
        Thread.sleep(50);

        Gauge feedDepth = hub.meters().get(DeliveryMetrics.FEED_DEPTH)
                .tag("subscription", "sub-gauge").tag("subscriber", "city-gauge").gauge();
        Gauge relayDepth = hub.meters().get(DeliveryMetrics.RELAY_DEPTH).tag("subscription", "sub-gauge").gauge();
        TimeGauge oldestAge = hub.meters().get(DeliveryMetrics.FEED_OLDEST_AGE).tag("subscription", "sub-gauge").timeGauge();
        DeliveryStats stats = hub.delivery().stats("sub-gauge");

        assertThat(feedDepth.value()).isEqualTo(2.0);
        assertThat(relayDepth.value()).isEqualTo(0.0);
        assertThat(oldestAge.value(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(50.0);
        assertThat(stats.feedQueueExists()).isTrue();
        assertThat(stats.oldestMessageAge()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(stats.feedConsumers()).isZero();
    }

    @Test
    void deletionEventReachesFeedAsView() throws Exception {
        subscribe("sub-deleted", "city-deleted");
        OutboundRecord live = DeliveryHub.license("DELETE-1", "620102");
        OutboundRecord deleted = new OutboundRecord(live.recordType(), live.schemaId(), live.businessKey(), 2,
                "deleted", live.data(), live.department(), live.connectorId(), live.batchId(), live.sourceFile(), 0, 0,
                true);
        hub.publish(deleted, DeliveryHub.license("DELETE-OTHER", "620201"));

        try (Connection connection = connect("city-deleted")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-deleted"));
            connection.start();
            TextMessage message = (TextMessage) consumer.receive(5_000);
            assertThat(message).isNotNull();
            JsonNode event = DeliveryHub.EXACT_JSON.readTree(message.getText());

            assertThat(event.path("type").asText()).isEqualTo("cn.huitong.credit.license.deleted");
            assertThat(message.getStringProperty("ce_type")).isEqualTo("cn.huitong.credit.license.deleted");
            assertThat(event.at("/data/XK_WSH").asText()).isEqualTo("DELETE-1");
            assertThat(event.path("data").has("feeRate")).as("only granted fields").isFalse();
            assertThat(consumer.receive(1_000)).as("the filter still applies to deletions").isNull();
        }
    }

    /** Returns the next message, or null when the consumer was closed by the broker or none arrives. */
    private static Message receiveOrFail(MessageConsumer consumer) {
        try {
            return consumer.receive(1_000);
        } catch (JMSException closedByBroker) {
            return null;
        }
    }

    private static void subscribe(String subscriptionId, String subscriberId) {
        hub.directory.addSubscriber(subscriberId, subscriberId + "-user", subscriberId + "-password");
        hub.change(DeliveryHub.subscription(subscriptionId, subscriberId, List.of("6201")));
    }

    private static Connection connect(String subscriberId) throws JMSException {
        return new ActiveMQConnectionFactory(hub.coreUrl())
                .createConnection(subscriberId + "-user", subscriberId + "-password");
    }
}
