package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.exchange.management.BrokerManagement;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.exchange.security.ManagedBrokerAccounts;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.view.RecordViews;
import org.huitong.testsupport.ExternalArtemis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * An external broker that is down when the hub starts: delivery logs the failure, tries again,
 * and creates the active subscriptions' queues and permissions once the broker is up.
 */
class DeliveryRetryTest {

    @TempDir
    Path brokerDirectory;

    @Test
    void deliveryStartsWhenBrokerComesUp() {
        int port = ExternalArtemis.freePort();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port
                + "?initialConnectAttempts=1&reconnectAttempts=0", ExternalArtemis.HUB_USER, ExternalArtemis.HUB_PASSWORD);
        InMemorySubscriptionDirectory directory = new InMemorySubscriptionDirectory();
        directory.put(DeliveryHub.subscription("sub-late", "city-late", List.of("6201")));

        try (BrokerManagement management = new BrokerManagement(factory, BrokerManagement.DEFAULT_ADDRESS,
                Duration.ofSeconds(2))) {
            SubscriptionDelivery delivery = new SubscriptionDelivery(provider(SubscriptionDirectory.class, directory),
                    provider(RecordViews.class, new TestRecordViews()), new BrokerQueues(management),
                    new ManagedBrokerAccounts(management, ExternalArtemis.HUB_USER, true), provider(MeterRegistry.class, null),
                    factory, JsonMapper.builder().build(), null, Duration.ofMillis(500));
            delivery.start();
            assertThat(delivery.isRunning()).as("started although the broker is down").isTrue();

            try (ExternalArtemis broker = ExternalArtemis.start(brokerDirectory, port)) {
                // The relay queue is created last.
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        broker.server().locateQueue(SimpleString.of(FeedQueues.relay("sub-late"))) != null);

                assertThat(broker.server().locateQueue(SimpleString.of(FeedQueues.feed("sub-late")))).isNotNull();
                assertThat(broker.server().getSecurityRepository().getMatch(FeedQueues.feed("sub-late")))
                        .anyMatch(role -> role.getName().equals(ManagedBrokerAccounts.role("city-late")) && role.isConsume());
                delivery.stop();
            }
        }
    }

    private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (bean != null) {
            beans.addBean(type.getSimpleName(), bean);
        }
        return beans.getBeanProvider(type);
    }
}
