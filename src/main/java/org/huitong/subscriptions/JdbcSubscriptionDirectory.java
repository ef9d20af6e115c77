package org.huitong.subscriptions;

import java.util.List;
import java.util.Optional;

import org.huitong.security.SecretCipher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Reads subscribers and subscriptions from the database for the delivery components. */
@Component
public class JdbcSubscriptionDirectory implements SubscriptionDirectory {

    /**
     * Hash checked when the user name is unknown, so that a login with an unknown name takes as
     * long as one with a wrong password and does not reveal which subscribers exist.
     */
    private final String unknownUserHash;

    private final SubscriberRepository subscribers;
    private final SubscriptionRepository subscriptions;
    private final PasswordEncoder passwords;
    private final SecretCipher cipher;

    public JdbcSubscriptionDirectory(SubscriberRepository subscribers, SubscriptionRepository subscriptions,
                                     PasswordEncoder passwords, SecretCipher cipher) {
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.passwords = passwords;
        this.cipher = cipher;
        this.unknownUserHash = passwords.encode(BrokerPasswords.generate());
    }

    @Override
    public Optional<Subscription> find(String subscriptionId) {
        return subscriptions.find(subscriptionId).map(StoredSubscription::subscription);
    }

    @Override
    public List<Subscription> active() {
        return subscriptions.withStatus(SubscriptionStatus.ACTIVE, null);
    }

    @Override
    public List<Subscription> activeFor(String subscriberId) {
        return subscriptions.withStatus(SubscriptionStatus.ACTIVE, subscriberId);
    }

    @Override
    public Optional<String> authenticateBroker(String username, String password) {
        if (username == null || password == null || password.length() > BrokerPasswords.MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<String> hash = subscribers.brokerPasswordHash(username);
        boolean matches = passwords.matches(password, hash.orElse(unknownUserHash));
        return matches && hash.isPresent() ? Optional.of(username) : Optional.empty();
    }

    @Override
    public Optional<String> webhookSecret(String subscriptionId) {
        return subscriptions.webhookSecret(subscriptionId).map(cipher::decrypt);
    }
}
