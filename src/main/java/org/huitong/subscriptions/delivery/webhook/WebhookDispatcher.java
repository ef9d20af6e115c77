package org.huitong.subscriptions.delivery.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.huitong.subscriptions.Webhook;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one subscription's feed queue to its webhook on a thread of its own.
 *
 * <p>It reads up to {@code batchSize} records in a transacted session and commits the receive only
 * after a 2xx response, so a record leaves the feed queue only when the webhook accepted it or it
 * was moved to the dead-letter queue in the same transaction. While a batch is retried, the
 * dispatcher reads nothing else, so later records wait and the order is kept. After the last
 * failed attempt the batch's records go to {@link DeadLetterMessages#queue} and dispatch continues
 * with the next records.
 *
 * <p>NOTE: stopping the dispatcher in the middle of a batch rolls its receive back. The broker
 * then redelivers those records after its redelivery delay, so a dispatcher started during that
 * delay, for example after the webhook was replaced, may send later records first. Each rollback
 * also counts as a broker delivery attempt, and the broker moves a record to {@code DLQ} after
 * {@code huitong.exchange.broker.max-delivery-attempts} of them.
 */
class WebhookDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** How long a receive waits for the first record before the loop checks whether to stop. */
    private static final long RECEIVE_TIMEOUT_MILLIS = 500;

    /** Wait before the dispatcher opens a new session after a broker error. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    /** How long {@link #stop()} waits for the thread to end. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final String subscriptionId;
    private final Webhook webhook;
    private final String secret;
    private final ConnectionFactory connectionFactory;
    private final WebhookSender sender;
    private final WebhookBackoff backoff;
    private final int maxAttempts;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Thread thread;

    private volatile boolean stopped;
    private long consecutiveFailures;

    WebhookDispatcher(String subscriptionId, Webhook webhook, String secret, ConnectionFactory connectionFactory,
                      WebhookSender sender, WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
        this.subscriptionId = subscriptionId;
        this.webhook = webhook;
        this.secret = secret;
        this.connectionFactory = connectionFactory;
        this.sender = sender;
        this.backoff = new WebhookBackoff(properties.initialBackoff(), properties.maxBackoff());
        this.maxAttempts = properties.maxAttempts();
        this.metrics = metrics;
        this.clock = clock;
        this.thread = new Thread(this, "webhook-" + subscriptionId);
        this.thread.setDaemon(true);
    }

    Webhook webhook() {
        return webhook;
    }

    void start() {
        thread.start();
    }

    /**
     * Stops the dispatcher and waits until its thread has ended, so that no request starts after
     * this returns. A request in flight is cancelled, but it may already have reached the webhook.
     * Its records go back to the feed queue, and the next dispatcher sends them again.
     */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Webhook dispatcher of subscription {} did not stop within {} ms", subscriptionId,
                    STOP_TIMEOUT_MILLIS);
        }
    }

    @Override
    public void run() {
        log.info("Webhook dispatch of subscription {} started", subscriptionId);
        while (!stopped) {
            Connection connection = null;
            try {
                connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(FeedQueues.feed(subscriptionId)));
                connection.start();
                dispatch(session, consumer);
            } catch (JMSException e) {
                if (!stopped) {
                    log.warn("Webhook dispatch of subscription {} lost its broker session, retrying in {} ms: {}",
                            subscriptionId, RECONNECT_DELAY.toMillis(), e.toString());
                    pause(RECONNECT_DELAY);
                }
            } catch (InterruptedException e) {
                // Stopped during a request or backoff; closing the connection rolls the batch back.
            } catch (RuntimeException e) {
                log.error("Webhook dispatch of subscription {} failed, retrying in {} ms", subscriptionId,
                        RECONNECT_DELAY.toMillis(), e);
                pause(RECONNECT_DELAY);
            } finally {
                // Clears an interrupt from stop(), which would make the broker client fail to close.
                Thread.interrupted();
                close(connection);
            }
        }
        log.info("Webhook dispatch of subscription {} stopped", subscriptionId);
    }

    private void dispatch(Session session, MessageConsumer consumer) throws JMSException, InterruptedException {
        while (!stopped) {
            List<Message> messages = receiveBatch(consumer);
            if (!messages.isEmpty()) {
                deliver(session, messages);
            }
        }
    }

    private List<Message> receiveBatch(MessageConsumer consumer) throws JMSException {
        List<Message> messages = new ArrayList<>();
        Message first = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        if (first == null) {
            return messages;
        }
        messages.add(first);
        while (messages.size() < webhook.batchSize()) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            messages.add(next);
        }
        return messages;
    }

    /** Posts the records until the webhook accepts them or the attempts are used up. */
    private void deliver(Session session, List<Message> messages) throws JMSException, InterruptedException {
        List<String> events = new ArrayList<>();
        for (Message message : messages) {
            if (!(message instanceof TextMessage text)) {
                // The relay writes only text messages, so this came from elsewhere and cannot be sent.
                deadLetter(session, List.of(message), UUID.randomUUID().toString(),
                        SendOutcome.failed(0, "not a text message, so it is not a CloudEvent in JSON"), 0,
                        clock.millis());
                return;
            }
            events.add(text.getText());
        }

        WebhookBatch batch = new WebhookBatch(UUID.randomUUID().toString(), events);
        long firstAttemptAt = clock.millis();
        SendOutcome outcome = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            checkNotStopped();
            outcome = sender.send(subscriptionId, webhook, secret, batch);
            if (outcome.isDelivered()) {
                session.commit();
                metrics.delivered(events.size());
                consecutiveFailures = 0;
                return;
            }
            consecutiveFailures++;
            metrics.failedAttempt();
            log.warn("Webhook delivery {} of subscription {} failed: status {}, attempt {} of {}, {} failures in a"
                            + " row: {}", batch.deliveryId(), subscriptionId, outcome.status(), attempt, maxAttempts,
                    consecutiveFailures, outcome.error());
            if (attempt < maxAttempts) {
                Thread.sleep(backoff.delayAfter(attempt).toMillis());
            }
        }
        deadLetter(session, messages, batch.deliveryId(), outcome, maxAttempts, firstAttemptAt);
    }

    /** Moves the records to the dead-letter queue in the transaction that removes them from the feed. */
    private void deadLetter(Session session, List<Message> messages, String deliveryId, SendOutcome outcome,
                            int attempts, long firstAttemptAt) throws JMSException {
        String error = outcome.error().length() > DeadLetterMessages.MAX_ERROR_LENGTH
                ? outcome.error().substring(0, DeadLetterMessages.MAX_ERROR_LENGTH) : outcome.error();
        try (MessageProducer producer = session.createProducer(
                session.createQueue(DeadLetterMessages.queue(subscriptionId)))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (Message message : messages) {
                TextMessage copy = session.createTextMessage(
                        message instanceof TextMessage text ? text.getText() : null);
                DeadLetterMessages.copyProperties(message, copy, false);
                copy.setStringProperty(DeadLetterMessages.ID, UUID.randomUUID().toString());
                copy.setStringProperty(DeadLetterMessages.DELIVERY_ID, deliveryId);
                copy.setStringProperty(DeadLetterMessages.LAST_ERROR, error);
                copy.setIntProperty(DeadLetterMessages.LAST_STATUS, outcome.status());
                copy.setIntProperty(DeadLetterMessages.ATTEMPTS, attempts);
                copy.setLongProperty(DeadLetterMessages.FIRST_ATTEMPT_AT, firstAttemptAt);
                copy.setLongProperty(DeadLetterMessages.DEAD_LETTERED_AT, clock.millis());
                producer.send(copy);
            }
        }
        session.commit();
        metrics.deadLettered(messages.size());
        log.warn("Moved {} records of subscription {} to {} after {} failed attempts of delivery {}",
                messages.size(), subscriptionId, DeadLetterMessages.queue(subscriptionId), attempts, deliveryId);
    }

    private void checkNotStopped() throws InterruptedException {
        if (stopped) {
            throw new InterruptedException("webhook dispatcher stopped");
        }
    }

    private void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (JMSException e) {
            log.warn("Failed to close the broker connection of webhook dispatch {}: {}", subscriptionId, e.toString());
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts; the loop condition ends the thread.
        }
    }
}
