package org.huitong.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;

/**
 * An Artemis server plugin that makes the broker reject sends to {@code exchange.*} addresses:
 * while it is armed, every such send after the first {@code sendsBeforeFailure} fails. A failed
 * send marks its transaction rollback-only, as Artemis does when a send fails a security check,
 * so the client's commit fails and the broker keeps nothing of the transaction.
 *
 * <p>The mark is needed because Artemis 2.40 clients send asynchronously inside a transacted
 * session. Without it, the broker only logs the plugin's exception (AMQ224016), the commit
 * succeeds and the rejected messages are missing.
 */
public final class FailingSendPlugin implements ActiveMQServerPlugin {

    private static final String EXCHANGE_PREFIX = "exchange.";

    private final int sendsBeforeFailure;
    private final AtomicInteger exchangeSends = new AtomicInteger();
    private final AtomicInteger rejectedSends = new AtomicInteger();
    private final AtomicBoolean armed = new AtomicBoolean(true);

    public FailingSendPlugin(int sendsBeforeFailure) {
        this.sendsBeforeFailure = sendsBeforeFailure;
    }

    /** Returns a customizer that registers this plugin on the hub's embedded broker. */
    public ArtemisConfigurationCustomizer customizer() {
        return configuration -> configuration.registerBrokerPlugin(this);
    }

    /** Lets every later send through. */
    public void disarm() {
        armed.set(false);
    }

    /** Returns how many sends the plugin has rejected so far. */
    public int rejectedSends() {
        return rejectedSends.get();
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        String address = message.getAddress();
        if (address == null || !address.startsWith(EXCHANGE_PREFIX)) {
            return;
        }

        int send = exchangeSends.incrementAndGet();
        if (armed.get() && send > sendsBeforeFailure) {
            rejectedSends.incrementAndGet();
            ActiveMQException failure = new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION,
                    "Send " + send + " to " + address + " rejected by the test's broker fault");
            if (tx != null) {
                tx.markAsRollbackOnly(failure);
            }
            throw failure;
        }
    }
}
