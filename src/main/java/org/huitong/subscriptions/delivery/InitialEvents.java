package org.huitong.subscriptions.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.exchange.CloudEventMessages;
import org.huitong.exchange.JmsExchangePublisher;
import org.huitong.exchange.LoggedEvent;
import org.huitong.exchange.PublishedEventLog;
import org.huitong.subscriptions.view.RecordView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new subscription's feed queue the newest events of its record type that were published
 * before its relay queue existed, read from the {@link PublishedEventLog} through the
 * subscription's view, so that a subscriber does not start with an empty queue.
 *
 * <p>The relay queue is created first, and the log is read after that, so no event falls between
 * the two. An event published while the queue was being created can be in both: its id is then
 * returned, and the relay skips it once. The feed messages carry the events' duplicate-detection
 * ids, so a page that was committed before a lost connection is recognised when it is sent again.
 *
 * <p>NOTE: two cases get fewer initial events. A hub that stops while it sends them does not send
 * the rest after its restart, because the relay queue then exists. And an event can reach the
 * broker just before the relay queue exists while its chunk commits to the database only after
 * the log was read. Such an event is in neither, but the feed API still returns it.
 */
final class InitialEvents {

    /** Events read from the log per feed-queue transaction. */
    static final int PAGE_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(InitialEvents.class);

    private final PublishedEventLog eventLog;
    private final int count;
    private final ObjectMapper json;

    /**
     * @param count how many of the newest events of the record type a new subscription examines;
     *     0 turns initial events off
     */
    InitialEvents(PublishedEventLog eventLog, int count, ObjectMapper json) {
        if (count < 0) {
            throw new IllegalArgumentException("huitong.subscriptions.initial-events is " + count
                    + "; set 0 to turn initial events off, or a positive number");
        }
        this.eventLog = eventLog;
        this.count = count;
        this.json = json;
    }

    /** Returns the log position to pass to {@link #plan} once the relay queue has been created. */
    long positionBeforeRelay(String recordType) {
        return count == 0 ? 0 : eventLog.lastSeq(recordType);
    }

    /**
     * Plans the initial events of a subscription whose relay queue was just created, or returns
     * empty when they are off.
     *
     * @param beforeRelay what {@link #positionBeforeRelay} returned before the relay queue was
     *     created
     */
    Optional<Plan> plan(String subscriptionId, String recordType, RecordView view, long beforeRelay) {
        if (count == 0) {
            return Optional.empty();
        }
        long upTo = eventLog.lastSeq(recordType);
        long after = eventLog.seqBeforeNewest(recordType, count, upTo);
        return Optional.of(new Plan(subscriptionId, recordType, view, after, upTo, beforeRelay));
    }

    /**
     * The log range a new subscription receives.
     *
     * @param after the range starts after this log position
     * @param upTo the range ends with this position, the newest event when the relay queue existed
     * @param beforeRelay events after this position may also be on the relay queue
     */
    record Plan(String subscriptionId, String recordType, RecordView view, long after, long upTo,
                long beforeRelay) {
    }

    /**
     * Sends the plan's events that the view accepts to the feed queue, one transaction per page
     * of {@value #PAGE_SIZE}, and returns the ids of those the relay queue may hold as well.
     *
     * @throws JMSException if the broker fails; pages already committed are recognised as
     *     duplicates when the same plan runs again
     */
    List<String> deliver(Session session, Plan plan) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(FeedQueues.feed(plan.subscriptionId())));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        List<String> overlap = new ArrayList<>();
        long cursor = plan.after();
        int sent = 0;
        while (cursor < plan.upTo()) {
            List<LoggedEvent> page = eventLog.readAfter(plan.recordType(), cursor, PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            List<TextMessage> messages = new ArrayList<>();
            for (LoggedEvent event : page) {
                if (event.seq() > plan.upTo()) {
                    cursor = plan.upTo();
                    break;
                }
                message(session, plan, event).ifPresent(messages::add);
                if (event.seq() > plan.beforeRelay()) {
                    overlap.add(event.eventId());
                }
                cursor = event.seq();
            }
            sent += sendPage(session, producer, messages);
        }
        log.info("Subscription {} received {} initial events of {} from the published-event log", plan.subscriptionId(),
                sent, plan.recordType());
        return overlap;
    }

    /**
     * Sends a page in one transaction and returns how many messages the feed queue gained. When
     * the broker rejects the page because the queue already has some of its events (a page sent
     * before a lost connection), each message is sent again in a transaction of its own.
     */
    private static int sendPage(Session session, MessageProducer producer, List<TextMessage> messages)
            throws JMSException {
        try {
            for (TextMessage message : messages) {
                producer.send(message);
            }
            session.commit();
            return messages.size();
        } catch (JMSException e) {
            if (!JmsExchangePublisher.isDuplicateRejection(e)) {
                throw e;
            }
        }
        int added = 0;
        for (TextMessage message : messages) {
            try {
                producer.send(message);
                session.commit();
                added++;
            } catch (JMSException e) {
                if (!JmsExchangePublisher.isDuplicateRejection(e)) {
                    throw e;
                }
            }
        }
        return added;
    }

    private Optional<TextMessage> message(Session session, Plan plan, LoggedEvent logged) throws JMSException {
        Optional<ObjectNode> visible;
        try {
            visible = parse(logged).flatMap(event -> plan.view().apply(event));
        } catch (RuntimeException e) {
            // The relay would retry such an event and finally move it to DLQ; here it is only skipped.
            log.warn("Skipped logged event {} for subscription {}: {}", logged.eventId(), plan.subscriptionId(),
                    e.getMessage());
            return Optional.empty();
        }
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        TextMessage message = FeedMessages.create(session, json, visible.get(), plan.subscriptionId());
        message.setStringProperty(FeedMessages.DUPLICATE_ID, logged.eventId());
        message.setStringProperty(CloudEventMessages.CE_TYPE, visible.get().path("type").asText());
        message.setStringProperty(CloudEventMessages.CE_SOURCE, visible.get().path("source").asText());
        message.setStringProperty(CloudEventMessages.DEPARTMENT, logged.department());
        message.setStringProperty(CloudEventMessages.RECORD_TYPE, logged.recordType());
        return Optional.of(message);
    }

    /** Returns the logged event as a JSON object, or empty (and a warning) if it is not one. */
    private Optional<ObjectNode> parse(LoggedEvent logged) {
        try {
            JsonNode tree = json.readTree(logged.event());
            if (tree instanceof ObjectNode event) {
                return Optional.of(event);
            }
        } catch (JsonProcessingException e) {
            // Reported below without the text, which may contain personal data.
        }
        log.warn("Skipped logged event {} at position {}: its text is not a JSON CloudEvent object", logged.eventId(),
                logged.seq());
        return Optional.empty();
    }
}
