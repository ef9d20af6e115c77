package org.huitong.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Reads one feed queue on its own thread as its subscriber, over CORE with the subscriber's
 * broker login, and commits every {@value #COMMIT_EVERY} messages. It counts the messages and
 * records when the last one arrived.
 */
final class FeedDrainer implements AutoCloseable {

    static final int COMMIT_EVERY = 100;

    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private final Thread thread;

    private volatile boolean running = true;
    private volatile long received;
    private volatile long lastReceivedNanos;
    private volatile Exception failure;

    FeedDrainer(String brokerUrl, String user, String password, String feedQueue) throws JMSException {
        connection = new ActiveMQConnectionFactory(brokerUrl).createConnection(user, password);
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        consumer = session.createConsumer(session.createQueue(feedQueue));
        thread = new Thread(this::drain, "drain-" + feedQueue);
        connection.start();
        thread.start();
    }

    long received() {
        return received;
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Returns the exception that stopped the drainer, or null. */
    Exception failure() {
        return failure;
    }

    /** Resets the count, so the next measurement starts from zero. */
    void reset() {
        received = 0;
        lastReceivedNanos = 0;
    }

    private void drain() {
        try {
            long uncommitted = 0;
            while (running) {
                Message message = consumer.receive(100);
                if (message == null) {
                    if (uncommitted > 0) {
                        session.commit();
                        uncommitted = 0;
                    }
                    continue;
                }
                uncommitted++;
                if (uncommitted == COMMIT_EVERY) {
                    session.commit();
                    uncommitted = 0;
                }
                lastReceivedNanos = System.nanoTime();
                received++;
            }
        } catch (JMSException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(10_000);
        connection.close();
    }
}
