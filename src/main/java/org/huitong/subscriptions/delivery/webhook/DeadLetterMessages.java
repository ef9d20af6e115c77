package org.huitong.subscriptions.delivery.webhook;

import java.util.Collections;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Names and message properties of the webhook dead-letter queues. Each subscription with a
 * webhook has one durable ANYCAST queue {@code huitong.webhook.dlq.<id>}. It is internal to the
 * hub, so subscribers cannot read it over the broker, and it is outside {@code feeds.*}, so the
 * delivery start-up, which deletes {@code feeds.*} queues of inactive subscriptions, leaves it
 * alone.
 */
final class DeadLetterMessages {

    static final String QUEUE_PREFIX = "huitong.webhook.dlq.";

    /** Prefix of the properties the dispatcher adds; a replay removes them again. */
    static final String PROPERTY_PREFIX = "huitong_webhook_";

    /** Random UUID that names one dead letter in the API. */
    static final String ID = PROPERTY_PREFIX + "dead_letter_id";
    static final String DELIVERY_ID = PROPERTY_PREFIX + "delivery_id";
    static final String LAST_ERROR = PROPERTY_PREFIX + "last_error";
    static final String LAST_STATUS = PROPERTY_PREFIX + "last_status";
    static final String ATTEMPTS = PROPERTY_PREFIX + "attempts";
    static final String FIRST_ATTEMPT_AT = PROPERTY_PREFIX + "first_attempt_at";
    static final String DEAD_LETTERED_AT = PROPERTY_PREFIX + "dead_lettered_at";

    /** Maximum length of the stored error text. */
    static final int MAX_ERROR_LENGTH = 500;

    private DeadLetterMessages() {
    }

    static String queue(String subscriptionId) {
        return QUEUE_PREFIX + subscriptionId;
    }

    /**
     * Copies the properties of a feed message, such as {@code ce_type}, except the broker's own
     * ({@code JMSX*}, {@code _AMQ*}) and, when {@code withDeadLetterProperties} is false, the ones
     * the dispatcher added.
     */
    static void copyProperties(Message from, Message to, boolean withDeadLetterProperties) throws JMSException {
        for (Object name : Collections.list(from.getPropertyNames())) {
            String property = (String) name;
            boolean internal = property.startsWith("JMSX") || property.startsWith("_AMQ");
            boolean deadLetter = property.startsWith(PROPERTY_PREFIX);
            if (!internal && (withDeadLetterProperties || !deadLetter)) {
                to.setObjectProperty(property, from.getObjectProperty(property));
            }
        }
    }
}
