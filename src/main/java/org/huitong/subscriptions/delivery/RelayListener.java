package org.huitong.subscriptions.delivery;

import java.util.Collections;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.jackson.JsonFormat;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.exchange.CloudEventMessages;
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

    /** Message property that Artemis' CORE-to-AMQP conversion turns into the AMQP content type. */
    static final String AMQP_CONTENT_TYPE = "JMS_AMQP_ContentType";

    /** Artemis' duplicate-detection property, the only broker-internal property that is copied. */
    static final String DUPLICATE_ID = org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID.toString();

    private static final Logger log = LoggerFactory.getLogger(RelayListener.class);

    private final String subscriptionId;
    private final RecordView view;
    private final ObjectMapper json;

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
        Optional<ObjectNode> visible = view.apply(event);
        if (visible.isEmpty()) {
            log.debug("Subscription {} filtered out event {}", subscriptionId, event.path("id").asText());
            return;
        }

        TextMessage copy = session.createTextMessage(write(visible.get()));
        copyProperties(message, copy, visible.get());
        copy.setStringProperty(AMQP_CONTENT_TYPE, JsonFormat.CONTENT_TYPE);

        producer(session).send(copy);
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

    private String write(ObjectNode event) throws JMSException {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            JMSException failure = new MessageFormatException("Failed to serialize the view of event "
                    + event.path("id").asText() + " for subscription " + subscriptionId);
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * Copies the hub's properties, such as {@code ce_type}, and the event's duplicate-detection
     * id. Artemis' other internal properties ({@code _AMQ_*}) and the JMS-defined {@code JMSX*}
     * ones describe the relay delivery, not the event. The subject and division properties are
     * taken from the view instead, because they repeat values the subscription may not read:
     * the subject can be a pseudonym, and the division only travels with a granted divisionCode.
     */
    private static void copyProperties(Message from, Message to, ObjectNode visible) throws JMSException {
        for (Object name : Collections.list(from.getPropertyNames())) {
            String property = (String) name;
            boolean fromView = property.equals(CloudEventMessages.CE_SUBJECT)
                    || property.equals(CloudEventMessages.DIVISION);
            if (!property.startsWith("JMSX") && !property.startsWith("_AMQ") && !fromView) {
                to.setObjectProperty(property, from.getObjectProperty(property));
            }
        }
        JsonNode subject = visible.get("subject");
        if (subject != null && subject.isTextual()) {
            to.setStringProperty(CloudEventMessages.CE_SUBJECT, subject.asText());
        }
        JsonNode division = visible.path("data").get(CloudEventMessages.DIVISION_FIELD);
        if (division != null && division.isTextual()) {
            to.setStringProperty(CloudEventMessages.DIVISION, division.asText());
        }
        String duplicateId = from.getStringProperty(DUPLICATE_ID);
        if (duplicateId != null) {
            to.setStringProperty(DUPLICATE_ID, duplicateId);
        }
    }
}
