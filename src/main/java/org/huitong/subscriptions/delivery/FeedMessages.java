package org.huitong.subscriptions.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.jackson.JsonFormat;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.exchange.CloudEventMessages;

/**
 * Builds the messages of a feed queue from a subscription's view of an event. The relay and the
 * initial events both use it, so a subscriber cannot tell which of them delivered a message.
 */
final class FeedMessages {

    /** Message property that Artemis' CORE-to-AMQP conversion turns into the AMQP content type. */
    static final String AMQP_CONTENT_TYPE = "JMS_AMQP_ContentType";

    /** Artemis' duplicate-detection property. */
    static final String DUPLICATE_ID = org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID.toString();

    private FeedMessages() {
    }

    /**
     * Returns a text message with the view as its JSON text and the properties that depend on the
     * view: the content type, and the subject and division as far as the view shows them. The
     * subject can be a pseudonym, and the division only travels with a granted divisionCode.
     */
    static TextMessage create(Session session, ObjectMapper json, ObjectNode visible, String subscriptionId)
            throws JMSException {
        TextMessage message = session.createTextMessage(write(json, visible, subscriptionId));
        message.setStringProperty(AMQP_CONTENT_TYPE, JsonFormat.CONTENT_TYPE);
        JsonNode subject = visible.get("subject");
        if (subject != null && subject.isTextual()) {
            message.setStringProperty(CloudEventMessages.CE_SUBJECT, subject.asText());
        }
        JsonNode division = visible.path("data").get(CloudEventMessages.DIVISION_FIELD);
        if (division != null && division.isTextual()) {
            message.setStringProperty(CloudEventMessages.DIVISION, division.asText());
        }
        return message;
    }

    /** Returns whether a property of an exchange message is taken from the view instead of copied. */
    static boolean comesFromView(String property) {
        return property.equals(CloudEventMessages.CE_SUBJECT) || property.equals(CloudEventMessages.DIVISION);
    }

    private static String write(ObjectMapper json, ObjectNode event, String subscriptionId) throws JMSException {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            JMSException failure = new MessageFormatException("Failed to serialize the view of event "
                    + event.path("id").asText() + " for subscription " + subscriptionId);
            failure.initCause(e);
            throw failure;
        }
    }
}
