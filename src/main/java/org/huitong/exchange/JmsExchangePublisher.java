package org.huitong.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes record versions to their {@code exchange.<recordType>} addresses in one transacted
 * JMS session per call.
 *
 * <p>The connection factory should cache its connection (Spring Boot wraps the Artemis factory
 * in a {@code CachingConnectionFactory} by default), because this class gets a connection and
 * a session from it on every call.
 *
 * <p>Artemis rolls back a whole transaction that contains a message whose duplicate-detection
 * id it has already stored. When that happens, the list is published again with one transaction
 * per record: the broker then drops only the versions it already has and stores the others.
 * The list as a whole is then no longer atomic, but repeating the call after a failure is safe.
 *
 * <p>Each event is serialized once. The same texts are appended to the {@link PublishedEventLog}
 * before anything is sent, once per call, so the log commits or rolls back with the caller's
 * database transaction ({@code ChunkCommitter} calls {@link #publish} inside it). The caller's
 * other database work runs after the sends, while the broker stores the messages: the Artemis
 * client sends asynchronously within the producer window ({@link ProducerWindow}), and only
 * the commit waits for the broker.
 */
public class JmsExchangePublisher implements ExchangePublisher {

    private static final Logger log = LoggerFactory.getLogger(JmsExchangePublisher.class);

    private final ConnectionFactory connectionFactory;
    private final CloudEventMessages messages;
    private final Set<String> declaredRecordTypes;
    private final Clock clock;

    /** {@code null} in a context without a database, which then logs nothing. */
    private final PublishedEventLog eventLog;

    /**
     * Topics by record type. The Artemis client asks the broker about the address on every
     * {@code createTopic}, a blocking round trip that cost more than the send itself, so each
     * topic is created once.
     */
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    /**
     * @param declaredRecordTypes record types whose addresses the broker declares. The broker
     *     drops a message sent to a missing address without an error, so the publisher rejects
     *     other record types before it sends anything.
     */
    public JmsExchangePublisher(ConnectionFactory connectionFactory, CloudEventMessages messages,
                                Collection<String> declaredRecordTypes, Clock clock,
                                PublishedEventLog eventLog) {
        this.connectionFactory = connectionFactory;
        this.messages = messages;
        this.declaredRecordTypes = Set.copyOf(declaredRecordTypes);
        this.clock = clock;
        this.eventLog = eventLog;
        if (eventLog == null) {
            log.info("Published events are not logged: the context has no published-event log");
        }
    }

    @Override
    public void publish(List<OutboundRecord> records, Runnable beforeCommit) throws PublishException {
        if (records.isEmpty()) {
            beforeCommit.run();
            return;
        }
        rejectUndeclaredRecordTypes(records);
        Instant publishTime = clock.instant();
        List<PreparedEvent> events = prepare(records, publishTime);

        // A database failure here propagates as it is, before anything reaches the broker. The
        // log is written before the sends so that an event's seq follows its time closely,
        // which the catch-up feed's search by time relies on (PublishedEventLog).
        if (eventLog != null) {
            eventLog.append(events, publishTime);
        }

        int alreadyStored = 0;
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                sendAndCommit(session, events, beforeCommit);
            } catch (JMSException e) {
                if (!isDuplicateRejection(e)) {
                    throw e;
                }
                log.info("Broker already stored some events of batches {}; publishing {} events one by one",
                        batchIds(records), records.size());
                alreadyStored = publishOneByOne(session, events);
            }
        } catch (BeforeCommitFailure e) {
            throw e.getCause();
        } catch (JMSException | RuntimeException e) {
            throw failure(records, e);
        }

        log.debug("Published events of batches {} to {}: {} new, {} already stored",
                batchIds(records), recordTypes(records), records.size() - alreadyStored, alreadyStored);
    }

    /** Builds and serializes the event of each record once. */
    private List<PreparedEvent> prepare(List<OutboundRecord> records, Instant publishTime) throws PublishException {
        List<PreparedEvent> events = new ArrayList<>(records.size());
        try {
            for (OutboundRecord record : records) {
                events.add(PreparedEvent.of(record, publishTime));
            }
        } catch (RuntimeException e) {
            throw failure(records, e);
        }
        return events;
    }

    private static PublishException failure(List<OutboundRecord> records, Exception cause) {
        log.warn("Failed to publish {} events of batches {} to {}: {}",
                records.size(), batchIds(records), recordTypes(records), cause.toString());
        return new PublishException("Failed to publish " + records.size() + " events of batches "
                + batchIds(records) + " to " + recordTypes(records) + ". Publish the same records"
                + " again: the broker drops every version it already stored.", cause);
    }

    private void rejectUndeclaredRecordTypes(List<OutboundRecord> records) throws PublishException {
        Set<String> undeclared = new TreeSet<>(recordTypes(records));
        undeclared.removeAll(declaredRecordTypes);

        if (!undeclared.isEmpty()) {
            log.warn("Rejected {} events of batches {}: undeclared record types {}",
                    records.size(), batchIds(records), undeclared);
            throw new PublishException("Record types " + undeclared + " of batches " + batchIds(records)
                    + " have no exchange address, so nothing was published. Add them to"
                    + " huitong.exchange.record-types and declare their addresses on the broker.", null);
        }
    }

    /**
     * Sends every record, runs {@code beforeCommit}, and commits once. Rolls back and rethrows
     * when a send or {@code beforeCommit} fails, the latter wrapped in a
     * {@link BeforeCommitFailure}.
     *
     * <p>NOTE: the Artemis 2.40 client sends asynchronously in a transacted session, so a send
     * fails here only if the client itself rejects it. A send that the broker rejects without
     * marking the transaction rollback-only (a broker plugin that throws from
     * {@code beforeSend}, for example) is only logged by the broker (AMQ224016). The commit then
     * succeeds without that message, and the record store counts it as published.
     */
    private void sendAndCommit(Session session, List<PreparedEvent> events, Runnable beforeCommit)
            throws JMSException {
        try (MessageProducer producer = session.createProducer(null)) {
            for (PreparedEvent event : events) {
                send(session, producer, event);
            }
            runWrapped(beforeCommit);
        } catch (JMSException | RuntimeException e) {
            rollbackQuietly(session);
            throw e;
        }

        session.commit();
    }

    private static void runWrapped(Runnable beforeCommit) {
        try {
            beforeCommit.run();
        } catch (RuntimeException e) {
            throw new BeforeCommitFailure(e);
        }
    }

    private Topic topic(Session session, String recordType) throws JMSException {
        Topic topic = topics.get(recordType);
        if (topic == null) {
            topic = session.createTopic(new ExchangeAddress(recordType).name());
            topics.put(recordType, topic);
        }
        return topic;
    }

    /** Publishes each record in its own transaction and returns how many the broker already had. */
    private int publishOneByOne(Session session, List<PreparedEvent> events) throws JMSException {
        int duplicates = 0;

        for (PreparedEvent event : events) {
            try {
                sendAndCommit(session, List.of(event), () -> { });
            } catch (JMSException e) {
                if (!isDuplicateRejection(e)) {
                    throw e;
                }
                duplicates++;
            }
        }
        return duplicates;
    }

    private void send(Session session, MessageProducer producer, PreparedEvent event) throws JMSException {
        Topic topic = topic(session, event.record().recordType());
        TextMessage message = messages.toMessage(session, event);
        producer.send(topic, message);

        log.debug("Sent event {} to {}", event.id(), topic);
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            // The broker discards an uncommitted transaction when the session fails, so the
            // failed rollback leaves nothing behind.
            log.warn("Failed to roll back a publishing transaction: {}", e.toString());
        }
    }

    /**
     * Tells whether the broker rolled back because a message repeated a stored
     * duplicate-detection id. The Artemis 2.40 JMS client then throws a plain
     * {@link JMSException} from {@code commit()} caused by an {@link ActiveMQException} of type
     * {@code DUPLICATE_ID_REJECTED}.
     */
    public static boolean isDuplicateRejection(JMSException failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ActiveMQException artemis
                    && artemis.getType() == ActiveMQExceptionType.DUPLICATE_ID_REJECTED) {
                return true;
            }
            if (cause instanceof JMSException jms && jms.getLinkedException() != null
                    && jms.getLinkedException() != jms.getCause()) {
                cause = jms.getLinkedException();
            } else {
                cause = cause.getCause();
            }
        }
        return false;
    }

    private static Set<Long> batchIds(List<OutboundRecord> records) {
        Set<Long> ids = new TreeSet<>();
        records.forEach(record -> ids.add(record.batchId()));
        return ids;
    }

    private static Set<String> recordTypes(List<OutboundRecord> records) {
        Set<String> types = new TreeSet<>();
        records.forEach(record -> types.add(record.recordType()));
        return types;
    }

    /** Carries a failure of the caller's {@code beforeCommit} past the broker error handling. */
    private static final class BeforeCommitFailure extends RuntimeException {

        BeforeCommitFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
