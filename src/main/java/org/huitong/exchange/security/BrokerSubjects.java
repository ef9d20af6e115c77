package org.huitong.exchange.security;

import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/** Builds and reads the JAAS subjects that {@link HubBrokerSecurityManager} gives connections. */
final class BrokerSubjects {

    /** Role of the hub's in-VM connections and of the internal account: every right. */
    static final String HUB_ROLE = "huitong-hub";

    private BrokerSubjects() {
    }

    static Subject hub(String username) {
        return subject(username, new RolePrincipal(HUB_ROLE));
    }

    static Subject subscriber(String username, String subscriberId) {
        return subject(username, new SubscriberPrincipal(subscriberId));
    }

    static boolean isHub(Subject subject) {
        return subject != null && subject.getPrincipals(RolePrincipal.class).stream()
                .anyMatch(role -> HUB_ROLE.equals(role.getName()));
    }

    static Optional<String> subscriberId(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(SubscriberPrincipal.class).stream()
                .map(SubscriberPrincipal::subscriberId)
                .findFirst();
    }

    private static Subject subject(String username, java.security.Principal principal) {
        // Artemis requires a UserPrincipal; it names the caller in the broker's logs.
        Subject subject = new Subject(false, Set.of(new UserPrincipal(username), principal), Set.of(), Set.of());
        subject.setReadOnly();
        return subject;
    }
}
