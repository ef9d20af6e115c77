package org.huitong.subscriptions.delivery;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.subscriptions.view.RecordView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Copies one subscription's view of each exchange event from its relay queue to its feed queue.
 * It runs in the transacted session of a {@link RelayWorker}, so the receive from the relay queue
 * and the send to the feed queue commit together. An event that the view rejects is only
 * acknowledged. An event that cannot be read throws, so the broker redelivers it and finally
 * moves it to {@code DLQ}.
 */
class RelayListener implements SessionAwareMessageListener<Message> {

    private static final Logger log = LoggerFactory.getLogger(RelayListener.class);

    private final String subscriptionId;
    private final RecordView view;
    private final ObjectMapper json;

    /**
     * Ids of events that the initial events already put on the feed queue and that may also be
     * on the relay queue. The relay acknowledges each of them once without a copy.
     */
    private final Set<String> alreadyDelivered = new HashSet<>();

    // The session of the last message and its producer. One RelayWorker thread calls the
    // listener, and the producer closes with its session.
    private Session producerSession;
    private MessageProducer producer;

    RelayListener(String subscriptionId, RecordView view, ObjectMapper json) {
        this.subscriptionId = subscriptionId;
        this.view = view;
        this.json = json;
    }

    @Override
    public void onMessage(Message message, Session session) throws JMSException {
        ObjectNode event = readEvent(message);
        if (!alreadyDelivered.isEmpty() && alreadyDelivered.remove(event.path("id").asText())) {
            log.debug("Subscription {} already received event {} among its initial events", subscriptionId,
                    event.path("id").asText());
            return;
        }
        Optional<ObjectNode> visible = view.apply(event);
        if (visible.isEmpty()) {
            log.debug("Subscription {} filtered out event {}", subscriptionId, event.path("id").asText());
            return;
        }

        TextMessage copy = FeedMessages.create(session, json, visible.get(), subscriptionId);
        copyProperties(message, copy);
        producer(session).send(copy);
    }

    /** Makes the relay skip these events once each, because the feed queue already has them. */
    void skipOnce(Collection<String> eventIds) {
        alreadyDelivered.addAll(eventIds);
    }

    /**
     * Returns the feed queue's producer of this session, created on the session's first message.
     * The Artemis client asks the broker about the queue on every {@code createQueue}, a blocking
     * round trip that took most of the relay's time when it ran once per message.
     */
    private MessageProducer producer(Session session) throws JMSException {
        if (session != producerSession) {
            Queue feed = session.createQueue(FeedQueues.feed(subscriptionId));
            producer = session.createProducer(feed);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producerSession = session;
        }
        return producer;
    }

    private ObjectNode readEvent(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new MessageFormatException("Relay queue " + FeedQueues.relay(subscriptionId) + " received a "
                    + message.getClass().getSimpleName() + " " + message.getJMSMessageID()
                    + "; only text messages with a JSON CloudEvent are relayed");
        }
        try {
            JsonNode tree = json.readTree(text.getText());
            if (tree instanceof ObjectNode event) {
                return event;
            }
        } catch (JsonProcessingException e) {
            // Reported below without the message text, which may contain personal data.
        }
        throw new MessageFormatException("Message " + message.getJMSMessageID() + " on relay queue "
                + FeedQueues.relay(subscriptionId) + " is not a JSON CloudEvent object");
    }

    /**
     * Copies the hub's properties, such as {@code ce_type}, and the event's duplicate-detection
     * id, except those {@link FeedMessages} takes from the view. Artemis' other internal
     * properties ({@code _AMQ_*}) and the JMS-defined {@code JMSX*} ones describe the relay
     * delivery, not the event.
     */
    private static void copyProperties(Message from, Message to) throws JMSException {
        for (Object name : Collections.list(from.getPropertyNames())) {
            String property = (String) name;
            if (!property.startsWith("JMSX") && !property.startsWith("_AMQ") && !FeedMessages.comesFromView(property)) {
                to.setObjectProperty(property, from.getObjectProperty(property));
            }
        }
        String duplicateId = from.getStringProperty(FeedMessages.DUPLICATE_ID);
        if (duplicateId != null) {
            to.setStringProperty(FeedMessages.DUPLICATE_ID, duplicateId);
        }
    }
}
