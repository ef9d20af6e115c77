package org.huitong.subscriptions.delivery;

import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription's {@link RelayListener} on its own thread and connection, and commits
 * the receives from the relay queue and the sends to the feed queue of up to
 * {@code maxBatch} messages in one transaction. The persistent broker syncs its journal on every
 * commit, so one commit per message limited a relay to a few hundred messages per second.
 *
 * <p>A message the broker redelivers, for example after a failed batch, ends its batch: it is
 * committed together with the new messages received before it, never with later ones. A message
 * that keeps failing therefore takes only messages on their first delivery with it when its
 * transaction rolls back, and their next attempt is not again tied to that message. After its
 * last attempt the broker moves it to {@code DLQ}.
 *
 * <p>After a connection failure the worker opens a new connection after a delay that doubles up
 * to {@link #MAX_RECONNECT_DELAY}; the transaction in progress rolls back with the old one.
 */
final class RelayWorker implements Runnable {

    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(RelayWorker.class);

    private final String subscriptionId;
    private final ConnectionFactory connectionFactory;
    private final String relayDestination;
    private final RelayListener listener;
    private final int maxBatch;
    private final long receiveTimeoutMillis;
    private final Thread thread;

    private volatile boolean running = true;

    /** Work that runs once before the first message is relayed, on the worker's thread, or null when done. */
    private FirstStep firstStep;

    /** Work a worker does in a session of its own before it relays, such as the initial events. */
    @FunctionalInterface
    interface FirstStep {
        void run(Session session) throws JMSException;
    }

    /**
     * @param relayDestination the fully qualified name of the relay queue,
     *     {@code exchange.<recordType>::huitong.relay.<id>}
     * @param receiveTimeoutMillis how long a receive waits before the worker checks whether it
     *     should stop, which also bounds how long {@link #stop} waits
     */
    RelayWorker(String subscriptionId, ConnectionFactory connectionFactory, String relayDestination,
                RelayListener listener, int maxBatch, long receiveTimeoutMillis) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("The relay batch size is " + maxBatch + "; set 1 or more");
        }
        this.subscriptionId = subscriptionId;
        this.connectionFactory = connectionFactory;
        this.relayDestination = relayDestination;
        this.listener = listener;
        this.maxBatch = maxBatch;
        this.receiveTimeoutMillis = receiveTimeoutMillis;
        this.thread = new Thread(this, "relay-" + subscriptionId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Runs {@code step} before the first message is relayed. When it fails, the worker reconnects
     * and runs it again. Call before {@link #start}.
     */
    void firstRun(FirstStep step) {
        this.firstStep = step;
    }

    /**
     * Stops the worker and waits until the batch in progress is committed and the connection is
     * closed, so the caller may then delete the queues.
     */
    void stop() {
        running = false;
        try {
            thread.join(receiveTimeoutMillis + Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The relay of subscription {} did not stop within 30 seconds", subscriptionId);
        }
    }

    @Override
    public void run() {
        Duration reconnectDelay = FIRST_RECONNECT_DELAY;
        while (running) {
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                if (firstStep != null) {
                    firstStep.run(session);
                    firstStep = null;
                }
                MessageConsumer consumer = session.createConsumer(session.createQueue(relayDestination));
                connection.start();
                reconnectDelay = FIRST_RECONNECT_DELAY;
                relay(session, consumer);
            } catch (JMSException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The relay of subscription {} lost its broker connection; reconnecting in {} ms: {}",
                        subscriptionId, reconnectDelay.toMillis(), e.toString());
                sleep(reconnectDelay);
                reconnectDelay = min(reconnectDelay.multipliedBy(2), MAX_RECONNECT_DELAY);
            }
        }
    }

    /** Relays batches until the worker stops. Throws when the session or the connection fails. */
    private void relay(Session session, MessageConsumer consumer) throws JMSException {
        while (running) {
            Message message = consumer.receive(receiveTimeoutMillis);
            int pending = 0;
            try {
                while (message != null) {
                    listener.onMessage(message, session);
                    pending++;
                    if (message.getJMSRedelivered() || pending == maxBatch) {
                        session.commit();
                        pending = 0;
                    }
                    message = pending == 0 ? null : consumer.receiveNoWait();
                }
                if (pending > 0) {
                    session.commit();
                }
            } catch (JMSException | RuntimeException e) {
                log.warn("Relay of subscription {} failed and rolled back its transaction, so the broker will"
                        + " redeliver its messages: {}", subscriptionId, e.toString());
                session.rollback();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
