package org.huitong.exchange.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.huitong.exchange.brokerplugin.FeedTopicGuard;
import org.huitong.security.LoginThrottle;
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
 * <p>Artemis' own authentication cache is off ({@code EmbeddedBrokerCustomizer}), because its key
 * is the user name and password only: an anonymous network login would hit the entry of the
 * hub's anonymous in-VM login. This class remembers subscriber logins for
 * {@link #LOGIN_CACHE_TTL} instead. Artemis still caches authorization results for
 * {@code security-invalidation-interval} (10 seconds by default in Artemis 2.40). A revoked
 * subscription loses access at once all the same, because the hub deletes its feed queue and
 * thereby closes its consumers.
 *
 * <p>Failed network logins count per user name in the hub's {@link LoginThrottle}, under the
 * prefix {@value #THROTTLE_PREFIX}, apart from API logins. A name locked out is rejected without
 * checking its password until the lock-out ends.
 */
public class HubBrokerSecurityManager implements ActiveMQSecurityManager5 {

    /**
     * How long a subscriber's successful login is remembered. A changed password or a disabled
     * subscriber is noticed by new sessions after this time at the latest.
     */
    static final Duration LOGIN_CACHE_TTL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(HubBrokerSecurityManager.class);

    /** Prefix of broker user names in the login throttle. */
    static final String THROTTLE_PREFIX = "broker:";

    private final InternalBrokerAccount internalAccount;
    private final FeedAccess feedAccess;
    private final SubscriberLoginCache logins = new SubscriberLoginCache(LOGIN_CACHE_TTL);
    private final LoginThrottle throttle;

    /** @param throttle the hub's login throttle, or null where the context has none */
    public HubBrokerSecurityManager(InternalBrokerAccount internalAccount, FeedAccess feedAccess,
                                    LoginThrottle throttle) {
        this.internalAccount = internalAccount;
        this.feedAccess = feedAccess;
        this.throttle = throttle;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (isInVm(connection)) {
            return BrokerSubjects.hub(internalAccount.username());
        }
        String address = connection == null ? "unknown address" : connection.getRemoteAddress();
        Optional<Instant> locked = throttle == null ? Optional.empty() : throttle.lockedUntil(throttleKey(user));
        if (locked.isPresent()) {
            log.warn("Rejected broker login of user '{}' from {}: locked out until {} after repeated failed logins",
                    printable(user), address, locked.get());
            return null;
        }

        Subject subject = internalAccount.matches(user, password) ? BrokerSubjects.hub(user)
                : authenticateSubscriber(user, password).map(id -> BrokerSubjects.subscriber(user, id)).orElse(null);
        if (subject != null) {
            if (throttle != null) {
                throttle.succeeded(throttleKey(user));
            }
            return subject;
        }

        Optional<Instant> lockedNow = throttle == null ? Optional.empty() : throttle.failed(throttleKey(user));
        log.warn("Rejected broker login of user '{}' from {}: unknown user, wrong password or disabled subscriber{}",
                printable(user), address, lockedNow.map(until -> "; the name is locked out until " + until).orElse(""));
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

    private Optional<String> authenticateSubscriber(String user, String password) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        // Artemis caches authorization per user name, so a subscriber must not share the
        // internal account's name.
        if (user.equals(internalAccount.username())) {
            return Optional.empty();
        }

        Optional<String> cached = logins.subscriberId(user, password);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<String> subscriberId = feedAccess.authenticate(user, password);
        subscriberId.ifPresent(id -> logins.remember(user, password, id));
        return subscriberId;
    }

    private static String throttleKey(String user) {
        return THROTTLE_PREFIX + (user == null ? "" : user);
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
        return FeedTopicGuard.printable(text);
    }
}
