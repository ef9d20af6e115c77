package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTest {

    private static final long REDELIVERY_DELAY_MILLIS = 500;

    @TempDir
    Path dataDirectory;

    EmbeddedExchange exchange;

    @BeforeEach
    void startBroker() {
        exchange = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort(),
                "huitong.exchange.broker.redelivery-delay=" + REDELIVERY_DELAY_MILLIS + "ms",
                "huitong.exchange.broker.max-delivery-attempts=2");
    }

    @AfterEach
    void stopBroker() {
        exchange.close();
    }

    @Test
    void rolledBackMessageWaitsThenGoesToDlq() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(exchange.coreUrl()).createConnection()) {
            connection.setClientID("failing-client");
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createDurableConsumer(
                    session.createTopic("exchange.credit.license"), "failing-subscription");
            connection.start();
            exchange.publisher().publish(List.of(TestRecords.license("XK2024001", 1)));

            Message first = consumer.receive(5_000);
            long rolledBackAt = System.nanoTime();
            session.rollback();
            Message second = consumer.receive(5_000);
            long redeliveredAfterNanos = System.nanoTime() - rolledBackAt;
            session.rollback();
            Message third = consumer.receive(1_500);

            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(redeliveredAfterNanos).isGreaterThanOrEqualTo(REDELIVERY_DELAY_MILLIS * 1_000_000);
            assertThat(third).isNull();
        }

        try (Connection connection = new ActiveMQConnectionFactory(exchange.coreUrl()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer deadLetters = session.createConsumer(session.createQueue("DLQ"));
            connection.start();

            Message deadLetter = deadLetters.receive(5_000);

            assertThat(deadLetter).isNotNull();
            assertThat(deadLetter.getStringProperty("ce_subject")).isEqualTo("XK2024001");
        }
    }
}
