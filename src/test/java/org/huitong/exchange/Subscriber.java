package org.huitong.exchange;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A durable subscriber on one exchange address, as a subscriber in another system would attach
 * over CORE or AMQP. Closing it keeps the subscription queue on the broker.
 */
final class Subscriber implements AutoCloseable {

    static final String SUBSCRIPTION = "test-subscription";

    private final Connection connection;
    private final MessageConsumer consumer;

    Subscriber(ConnectionFactory factory, String clientId, String address) throws JMSException {
        connection = factory.createConnection();
        connection.setClientID(clientId);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        consumer = session.createDurableConsumer(session.createTopic(address), SUBSCRIPTION);
        connection.start();
    }

    /** Receives up to {@code count} messages, waiting at most {@code timeoutMillis} for each. */
    List<TextMessage> receive(int count, long timeoutMillis) throws JMSException {
        List<TextMessage> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(timeoutMillis);
            if (message == null) {
                break;
            }
            received.add((TextMessage) message);
        }
        return received;
    }

    /** Returns the next message if one arrives within {@code timeoutMillis}, otherwise null. */
    Message receiveNext(long timeoutMillis) throws JMSException {
        return consumer.receive(timeoutMillis);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
