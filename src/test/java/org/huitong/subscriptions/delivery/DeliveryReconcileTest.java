package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryReconcileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void restartDeletesQueuesOfEndedSubscriptions() throws Exception {
        InMemorySubscriptionDirectory directory = new InMemorySubscriptionDirectory();
        directory.addSubscriber("city-k", "city-k-user", "city-k-password");
        int port = DeliveryHub.freePort();

        try (DeliveryHub hub = DeliveryHub.start(dataDirectory, port, directory)) {
            hub.change(DeliveryHub.subscription("sub-kept", "city-k", List.of()));
            hub.change(DeliveryHub.subscription("sub-ended", "city-k", List.of()));
            hub.publish(DeliveryHub.license("RESTART-1", "620102"));
        }
        // Revoked while the hub was down, so no event reached delivery.
        Subscription ended = directory.find("sub-ended").orElseThrow();
        directory.put(new Subscription(ended.id(), ended.subscriberId(), ended.recordType(), ended.filter(),
                ended.fields(), ended.clearFields(), ended.purpose(), ended.providerDepartment(),
                SubscriptionStatus.REVOKED, ended.webhook(), ended.createdAt()));

        try (DeliveryHub hub = DeliveryHub.start(dataDirectory, port, directory)) {
            assertThat(hub.queueExists("feeds.sub-ended")).isFalse();
            assertThat(hub.queueExists("huitong.relay.sub-ended")).isFalse();
            assertThat(hub.queueExists("feeds.sub-kept")).isTrue();
            assertThat(hub.queueExists("huitong.relay.sub-kept")).isTrue();

            hub.publish(DeliveryHub.license("RESTART-2", "620102"));
            try (Connection connection = new ActiveMQConnectionFactory(hub.coreUrl())
                    .createConnection("city-k-user", "city-k-password")) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-kept"));
                connection.start();

                Message first = consumer.receive(5_000);
                Message second = consumer.receive(5_000);

                assertThat(first.getStringProperty("ce_subject")).isEqualTo("RESTART-1");
                assertThat(second.getStringProperty("ce_subject")).isEqualTo("RESTART-2");
            }
        }
    }
}
