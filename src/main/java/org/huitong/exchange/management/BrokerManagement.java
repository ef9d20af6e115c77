package org.huitong.exchange.management;

import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Artemis management requests (operations and attributes of the broker, its queues and
 * addresses) as messages to the broker's management address, and waits for the reply.
 *
 * <p>The same requests work on the embedded broker, where the hub's in-VM connection has every
 * right, and on an external broker, where the hub's broker user needs the {@code manage}
 * permission on the management address. One connection is kept open and requests are sent one
 * at a time; a failed connection is replaced on the next request.
 */
public class BrokerManagement implements AutoCloseable {

    /** Artemis' default management address. */
    public static final String DEFAULT_ADDRESS = "activemq.management";

    /** Resource name of the broker itself. */
    public static final String BROKER = "broker";

    private static final Logger log = LoggerFactory.getLogger(BrokerManagement.class);

    private final ConnectionFactory connectionFactory;
    private final String managementAddress;
    private final Duration timeout;

    private Connection connection;
    private Session session;
    private MessageProducer producer;
    private TemporaryQueue replies;
    private MessageConsumer replyConsumer;

    /**
     * @param connectionFactory an Artemis connection factory, since the request format is Artemis'
     * @param managementAddress the broker's {@code management-address}
     * @param timeout how long to wait for each reply
     */
    public BrokerManagement(ConnectionFactory connectionFactory, String managementAddress, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.managementAddress = managementAddress;
        this.timeout = timeout;
    }

    /** Returns the resource name of a queue, for example {@code queue.feeds.sub-1}. */
    public static String queue(String name) {
        return "queue." + name;
    }

    /** Invokes an operation and returns its result, or null for a void operation. */
    public synchronized Object invoke(String resource, String operation, Object... arguments) {
        try {
            Message request = session().createMessage();
            JMSManagementHelper.putOperationInvocation(request, resource, operation, arguments);
            return result(request, resource + "." + operation);
        } catch (JMSException e) {
            throw failed(resource + "." + operation, e);
        }
    }

    /** Reads an attribute, for example {@code messageCount} of a queue. */
    public synchronized Object attribute(String resource, String name) {
        try {
            Message request = session().createMessage();
            JMSManagementHelper.putAttribute(request, resource, name);
            return result(request, resource + "." + name);
        } catch (JMSException e) {
            throw failed(resource + "." + name, e);
        }
    }

    private Object result(Message request, String description) throws JMSException {
        request.setJMSReplyTo(replies);
        producer.send(request);
        Message reply = replyConsumer.receive(timeout.toMillis());
        if (reply == null) {
            closeConnection();
            throw new BrokerManagementException("The management request " + description + " timed out after "
                    + timeout + ": check that the broker is running and reachable.");
        }
        try {
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new BrokerManagementException("The broker rejected the management request " + description
                        + ": " + JMSManagementHelper.getResult(reply, String.class));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (BrokerManagementException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerManagementException("Cannot read the broker's reply to " + description + ": " + e, e);
        }
    }

    private Session session() throws JMSException {
        if (session == null) {
            Connection opened = connectionFactory.createConnection();
            try {
                opened.setExceptionListener(e -> {
                    log.warn("Lost the broker management connection: {}", e.toString());
                    synchronized (this) {
                        closeConnection();
                    }
                });
                Session created = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = created.createProducer(created.createQueue(managementAddress));
                replies = created.createTemporaryQueue();
                replyConsumer = created.createConsumer(replies);
                opened.start();
                connection = opened;
                session = created;
            } catch (JMSException | RuntimeException e) {
                opened.close();
                throw e;
            }
        }
        return session;
    }

    private BrokerManagementException failed(String description, JMSException e) {
        closeConnection();
        return new BrokerManagementException("The management request " + description + " failed: " + e, e);
    }

    private void closeConnection() {
        Connection current = connection;
        connection = null;
        session = null;
        producer = null;
        replies = null;
        replyConsumer = null;
        if (current != null) {
            try {
                current.close();
            } catch (JMSException e) {
                log.debug("Closing the broker management connection failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
