package org.huitong.subscriptions.delivery.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.subscriptions.delivery.FeedQueues;

/**
 * Lists, replays and discards the webhook dead letters of a subscription. Replay and discard
 * each run in broker transactions of at most {@link #TRANSACTION_SIZE} records, so a replayed
 * record is either in the feed queue or still a dead letter, never both or neither.
 */
public class WebhookDeadLetters {

    /** Records moved per broker transaction by a replay or discard. */
    static final int TRANSACTION_SIZE = 500;

    /** Form of a dead-letter id, checked before it becomes part of a broker selector. */
    public static final Pattern ID_PATTERN = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final DeadLetterQueues queues;
    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;

    WebhookDeadLetters(DeadLetterQueues queues, ConnectionFactory connectionFactory, ObjectMapper json) {
        this.queues = queues;
        this.connectionFactory = connectionFactory;
        this.json = json;
    }

    /** Returns one page of the dead letters, oldest first; an empty page when there is no queue. */
    public DeadLetterPage list(String subscriptionId, int offset, int limit) throws JMSException {
        Optional<Long> count = queues.count(subscriptionId);
        if (count.isEmpty()) {
            return new DeadLetterPage(0, offset, limit, List.of());
        }
        List<DeadLetter> items = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(DeadLetterMessages.queue(subscriptionId)));
            Enumeration<?> messages = browser.getEnumeration();
            int position = 0;
            while (messages.hasMoreElements() && items.size() < limit) {
                Message message = (Message) messages.nextElement();
                if (position++ >= offset) {
                    items.add(deadLetter(message));
                }
            }
        }
        return new DeadLetterPage(count.get(), offset, limit, items);
    }

    /**
     * Moves dead letters back to the end of the feed queue, where the dispatcher sends them again
     * after the records already waiting there.
     *
     * @param ids the dead letters to replay, each matching {@link #ID_PATTERN}; null for all
     * @return how many were moved
     */
    public int replay(String subscriptionId, List<String> ids) throws JMSException {
        return drain(subscriptionId, ids, true);
    }

    /**
     * Deletes dead letters.
     *
     * @param ids the dead letters to delete, each matching {@link #ID_PATTERN}; null for all
     * @return how many were deleted
     */
    public int discard(String subscriptionId, List<String> ids) throws JMSException {
        return drain(subscriptionId, ids, false);
    }

    private int drain(String subscriptionId, List<String> ids, boolean replay) throws JMSException {
        if (queues.count(subscriptionId).isEmpty()) {
            return 0;
        }
        int moved = 0;
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(
                    session.createQueue(DeadLetterMessages.queue(subscriptionId)), selector(ids));
            MessageProducer producer = session.createProducer(session.createQueue(FeedQueues.feed(subscriptionId)));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            connection.start();

            int inTransaction = 0;
            Message message = consumer.receiveNoWait();
            while (message != null) {
                if (replay) {
                    producer.send(feedCopy(session, message));
                }
                moved++;
                if (++inTransaction == TRANSACTION_SIZE) {
                    session.commit();
                    inTransaction = 0;
                }
                message = consumer.receiveNoWait();
            }
            session.commit();
        }
        return moved;
    }

    private static Message feedCopy(Session session, Message deadLetter) throws JMSException {
        TextMessage copy = session.createTextMessage(deadLetter instanceof TextMessage text ? text.getText() : null);
        DeadLetterMessages.copyProperties(deadLetter, copy, false);
        return copy;
    }

    private static String selector(List<String> ids) {
        if (ids == null) {
            return null;
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Name at least one dead-letter id, or none to select all");
        }
        for (String id : ids) {
            if (!ID_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException("Dead-letter id " + id + " does not match " + ID_PATTERN);
            }
        }
        return DeadLetterMessages.ID + " IN (" + ids.stream().map(id -> "'" + id + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    private DeadLetter deadLetter(Message message) throws JMSException {
        String text = message instanceof TextMessage textMessage ? textMessage.getText() : null;
        return new DeadLetter(message.getStringProperty(DeadLetterMessages.ID),
                message.getStringProperty(DeadLetterMessages.DELIVERY_ID), event(text),
                message.getStringProperty(DeadLetterMessages.LAST_ERROR),
                message.getIntProperty(DeadLetterMessages.LAST_STATUS),
                message.getIntProperty(DeadLetterMessages.ATTEMPTS),
                Instant.ofEpochMilli(message.getLongProperty(DeadLetterMessages.FIRST_ATTEMPT_AT)),
                Instant.ofEpochMilli(message.getLongProperty(DeadLetterMessages.DEAD_LETTERED_AT)));
    }

    private JsonNode event(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
