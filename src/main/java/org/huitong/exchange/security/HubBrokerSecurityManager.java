package org.huitong.exchange.security;

import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates and authorizes every connection to the embedded broker.
 *
 * <ul>
 *   <li>In-VM connections, which only the hub's own code can open, get every right.
 *   <li>The internal account ({@link InternalBrokerAccount}) gets every right over the network.
 *   <li>A subscriber logs in with the broker credentials that
 *       {@code SubscriptionDirectory.authenticateBroker} accepts. It may consume and browse the
 *       feed queues of its own active subscriptions and nothing else: no send, no queue or
 *       address creation or deletion, no {@code exchange.*} address, no management.
 * </ul>
 *
 * <p>Artemis caches authentication and authorization results for
 * {@code security-invalidation-interval} (10 seconds by default in Artemis 2.40), so the
 * directory's password check does not run for every connection. A revoked subscription still
 * loses access at once, because the hub deletes its feed queue and thereby closes its
 * consumers.
 */
public class HubBrokerSecurityManager implements ActiveMQSecurityManager5 {

    private static final Logger log = LoggerFactory.getLogger(HubBrokerSecurityManager.class);

    private final InternalBrokerAccount internalAccount;
    private final FeedAccess feedAccess;

    public HubBrokerSecurityManager(InternalBrokerAccount internalAccount, FeedAccess feedAccess) {
        this.internalAccount = internalAccount;
        this.feedAccess = feedAccess;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (isInVm(connection)) {
            return BrokerSubjects.hub(internalAccount.username());
        }
        if (internalAccount.matches(user, password)) {
            return BrokerSubjects.hub(user);
        }

        Optional<String> subscriberId = feedAccess.authenticate(user, password);
        if (subscriberId.isPresent()) {
            return BrokerSubjects.subscriber(user, subscriberId.get());
        }

        log.warn("Rejected broker login of user '{}' from {}: unknown user, wrong password or disabled subscriber",
                printable(user), connection == null ? "unknown address" : connection.getRemoteAddress());
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (BrokerSubjects.isHub(subject)) {
            return true;
        }
        Optional<String> subscriberId = BrokerSubjects.subscriberId(subject);
        if (subscriberId.isEmpty()) {
            return false;
        }

        boolean granted = (checkType == CheckType.CONSUME || checkType == CheckType.BROWSE)
                && feedAccess.mayRead(subscriberId.get(), address);
        if (!granted) {
            log.info("Denied {} on {} to subscriber {}", checkType, printable(address), subscriberId.get());
        }
        return granted;
    }

    /** Returns true for connections through the broker's in-VM acceptor. */
    static boolean isInVm(RemotingConnection connection) {
        return connection != null && connection.getTransportConnection() instanceof InVMConnection;
    }

    @Override
    public boolean validateUser(String user, String password) {
        throw new UnsupportedOperationException("Artemis calls authenticate on an ActiveMQSecurityManager5");
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        throw new UnsupportedOperationException("Artemis calls authorize on an ActiveMQSecurityManager5");
    }

    /** Replaces control characters, so a client-chosen name cannot forge log lines. */
    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
