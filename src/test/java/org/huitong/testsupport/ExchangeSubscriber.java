package org.huitong.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A durable subscription on one exchange address, attached over CORE as a subscriber in another
 * system would. Closing it keeps the subscription queue on the broker, which goes on collecting
 * messages until the next {@link #attach}.
 */
public final class ExchangeSubscriber implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final MessageConsumer consumer;

    private ExchangeSubscriber(Connection connection, MessageConsumer consumer) {
        this.connection = connection;
        this.consumer = consumer;
    }

    /**
     * Attaches to the durable subscription {@code subscription} of client {@code clientId} on
     * {@code address}, creating it if it does not exist yet.
     */
    public static ExchangeSubscriber attach(String brokerUrl, String clientId, String address,
                                            String subscription) throws JMSException {
        Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        try {
            connection.setClientID(clientId);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createDurableConsumer(session.createTopic(address), subscription);
            connection.start();
            return new ExchangeSubscriber(connection, consumer);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Receives CloudEvents until none arrives for {@code quietPeriod}, and returns them in
     * arrival order.
     */
    public List<JsonNode> drain(Duration quietPeriod) throws JMSException {
        List<JsonNode> events = new ArrayList<>();
        Message message = consumer.receive(quietPeriod.toMillis());
        while (message != null) {
            events.add(parse((TextMessage) message));
            message = consumer.receive(quietPeriod.toMillis());
        }
        return events;
    }

    /**
     * Receives messages until none arrives for {@code quietPeriod}, and returns their texts
     * unparsed, in arrival order.
     */
    public List<String> drainTexts(Duration quietPeriod) throws JMSException {
        List<String> texts = new ArrayList<>();
        Message message = consumer.receive(quietPeriod.toMillis());
        while (message != null) {
            texts.add(((TextMessage) message).getText());
            message = consumer.receive(quietPeriod.toMillis());
        }
        return texts;
    }

    private static JsonNode parse(TextMessage message) throws JMSException {
        try {
            return JSON.readTree(message.getText());
        } catch (IOException e) {
            throw new UncheckedIOException("A message on the exchange is not a JSON CloudEvent", e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
