package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.exchange.CloudEventMessages;
import org.huitong.exchange.OutboundRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relays that commit many messages per transaction: a message that cannot be relayed among good
 * ones ends in {@code DLQ}, and each good message reaches the feed queue exactly once.
 */
class RelayBatchTest {

    @TempDir
    static Path dataDirectory;

    static DeliveryHub hub;

    @BeforeAll
    static void startHub() {
        hub = DeliveryHub.start(dataDirectory, DeliveryHub.freePort(), new InMemorySubscriptionDirectory(),
                "huitong.exchange.broker.max-delivery-attempts=3",
                "huitong.exchange.broker.redelivery-multiplier=1");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void unreadableMessageGoesToDeadLetters() throws Exception {
        hub.directory.addSubscriber("city-batch", "city-batch-user", "city-batch-password");
        hub.change(DeliveryHub.subscription("sub-batch", "city-batch", List.of("6201")));

        List<OutboundRecord> before = licences("BEFORE-", 150);
        List<OutboundRecord> after = licences("AFTER-", 150);
        hub.publish(before.toArray(OutboundRecord[]::new));
        // The publisher only sends text CloudEvents, so the unreadable message is sent directly.
        sendUnreadableMessage();
        hub.publish(after.toArray(OutboundRecord[]::new));

        List<String> received = new ArrayList<>();
        try (Connection connection = new ActiveMQConnectionFactory(hub.coreUrl())
                .createConnection("city-batch-user", "city-batch-password")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-batch"));
            connection.start();
            Message message = consumer.receive(10_000);
            while (message != null) {
                received.add(message.getStringProperty(CloudEventMessages.CE_SUBJECT));
                message = consumer.receive(3_000);
            }
        }
        Message deadLetter = readDeadLetter();

        assertThat(received).hasSize(300).doesNotHaveDuplicates();
        assertThat(received).containsAll(subjects(before)).containsAll(subjects(after));
        assertThat(deadLetter).isInstanceOf(BytesMessage.class);
        assertThat(deadLetter.getStringProperty("test_marker")).isEqualTo("unreadable");
    }

    private static void sendUnreadableMessage() throws Exception {
        ConnectionFactory inVm = hub.context.getBean(ConnectionFactory.class);
        try (Connection connection = inVm.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic("exchange." + DeliveryHub.RECORD_TYPE));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(new byte[] {1, 2, 3});
            message.setStringProperty(CloudEventMessages.DIVISION, "620102");
            message.setStringProperty("test_marker", "unreadable");
            producer.send(message);
        }
    }

    private static Message readDeadLetter() throws Exception {
        ConnectionFactory inVm = hub.context.getBean(ConnectionFactory.class);
        try (Connection connection = inVm.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("DLQ"));
            connection.start();
            return consumer.receive(10_000);
        }
    }

    private static List<OutboundRecord> licences(String prefix, int count) {
        List<OutboundRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(DeliveryHub.license(prefix + i, "620102"));
        }
        return records;
    }

    private static List<String> subjects(List<OutboundRecord> records) {
        return records.stream().map(OutboundRecord::businessKey).toList();
    }
}
