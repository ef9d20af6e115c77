package org.huitong.exchange.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.exchange.security.ManagedBrokerAccounts;
import org.huitong.testsupport.ExternalArtemis;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Management requests and subscriber users against a stand-alone broker with the basic security
 * manager, as the hub sends them with the {@code external-broker} profile.
 */
class ManagedBrokerAccountsTest {

    private static ExternalArtemis broker;
    private static BrokerManagement management;
    private static ManagedBrokerAccounts accounts;

    @BeforeAll
    static void start() {
        broker = ExternalArtemis.start();
        management = new BrokerManagement(new ActiveMQConnectionFactory(broker.url(), ExternalArtemis.HUB_USER,
                ExternalArtemis.HUB_PASSWORD), BrokerManagement.DEFAULT_ADDRESS, Duration.ofSeconds(5));
        accounts = new ManagedBrokerAccounts(management, ExternalArtemis.HUB_USER, true);
    }

    @AfterAll
    static void stop() {
        management.close();
        broker.close();
    }

    @Test
    void setPasswordCreatesThenReplaces() throws Exception {
        assertThat(accounts.hasUser("city-a")).isFalse();

        accounts.setPassword("city-a", "first-Password-1");
        assertThat(accounts.hasUser("city-a")).isTrue();
        login("city-a", "first-Password-1");

        try (Connection open = new ActiveMQConnectionFactory(broker.url() + "?reconnectAttempts=0")
                .createConnection("city-a", "first-Password-1")) {
            CountDownLatch closed = new CountDownLatch(1);
            open.setExceptionListener(e -> closed.countDown());

            accounts.setPassword("city-a", "second-Password-2");

            login("city-a", "second-Password-2");
            assertThatThrownBy(() -> login("city-a", "first-Password-1")).isInstanceOf(JMSSecurityException.class);
            assertThat(closed.await(5, TimeUnit.SECONDS)).as("the connection with the old password is closed").isTrue();
        }
    }

    @Test
    void queuesAreCreatedReadAndDeletedThroughManagement() {
        BrokerQueues queues = new BrokerQueues(management);
        queues.createMulticastQueue("exchange.credit.penalty", "huitong.relay.mgmt", "huitong_division LIKE '6201%'");
        queues.createAnycastQueue("feeds.mgmt");

        assertThat(queues.queue("huitong.relay.mgmt")).get()
                .extracting(BrokerQueues.QueueInfo::filter).isEqualTo("huitong_division LIKE '6201%'");
        queues.updateFilter("exchange.credit.penalty", "huitong.relay.mgmt", null);
        assertThat(queues.queue("huitong.relay.mgmt").orElseThrow().filter()).isNull();
        assertThat(queues.queueNames("feeds.")).contains("feeds.mgmt");
        assertThat(queues.queue("feeds.mgmt").orElseThrow().messageCount()).isZero();

        queues.deleteQueue("feeds.mgmt");
        queues.deleteAddress("feeds.mgmt");
        assertThat(queues.queue("feeds.mgmt")).isEmpty();
        assertThat(queues.addressExists("feeds.mgmt")).isFalse();
    }

    /** The operator keeps the users; the hub only lets the subscriber's role read its feed. */
    @Test
    void operatorUsersReadFeedByRole() throws Exception {
        ManagedBrokerAccounts operatorUsers = new ManagedBrokerAccounts(management, ExternalArtemis.HUB_USER, false);
        operatorUsers.setPassword("city-op", "hub-issued-Password-9");
        assertThat(accounts.hasUser("city-op")).as("the hub created no user").isFalse();
        assertThat(operatorUsers.issuesPasswords()).isFalse();

        // What the operator does in the broker's own user store.
        management.invoke(BrokerManagement.BROKER, "addUser", "city-op", "operator-Password-1",
                ManagedBrokerAccounts.role("city-op"), false);
        BrokerQueues queues = new BrokerQueues(management);
        queues.createAnycastQueue("feeds.sub-op");
        operatorUsers.grantFeed("city-op", "feeds.sub-op");

        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
        try (Connection hub = factory.createConnection(ExternalArtemis.HUB_USER, ExternalArtemis.HUB_PASSWORD)) {
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("feeds.sub-op")).send(session.createTextMessage("record"));
        }
        try (Connection subscriber = factory.createConnection("city-op", "operator-Password-1")) {
            Session session = subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("feeds.sub-op"));
            subscriber.start();
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("record");
        }
        assertThatThrownBy(() -> login("city-op", "hub-issued-Password-9")).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void rejectedRequestNamesOperation() {
        assertThatThrownBy(() -> management.invoke(BrokerManagement.BROKER, "noSuchOperation"))
                .isInstanceOf(BrokerManagementException.class)
                .hasMessageContaining("rejected").hasMessageContaining("broker.noSuchOperation");
    }

    @Test
    void unreachableBrokerFailsWithinTheTimeout() {
        int closedPort = HubTestEnvironment.freePort();
        try (BrokerManagement nowhere = new BrokerManagement(new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + closedPort + "?reconnectAttempts=0&initialConnectAttempts=1"),
                BrokerManagement.DEFAULT_ADDRESS, Duration.ofSeconds(2))) {
            ManagedBrokerAccounts unreachable = new ManagedBrokerAccounts(nowhere, "huitong-hub", true);

            assertThatThrownBy(() -> unreachable.setPassword("city-b", "some-Password-3"))
                    .isInstanceOf(BrokerManagementException.class).hasMessageContaining("addUser");
        }
    }

    private static void login(String user, String password) throws JMSException {
        new ActiveMQConnectionFactory(broker.url()).createConnection(user, password).close();
    }
}
