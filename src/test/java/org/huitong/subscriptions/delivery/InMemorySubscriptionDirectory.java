package org.huitong.subscriptions.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionDirectory;

/**
 * A subscription directory kept in memory for delivery tests, with plain-text broker passwords.
 * It counts password checks, so a test can see whether the broker cached a login.
 */
final class InMemorySubscriptionDirectory implements SubscriptionDirectory {

    private record Credentials(String subscriberId, String password) {
    }

    private final Map<String, Credentials> logins = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger passwordChecks = new AtomicInteger();

    void addSubscriber(String subscriberId, String username, String password) {
        logins.put(username, new Credentials(subscriberId, password));
    }

    void put(Subscription subscription) {
        subscriptions.put(subscription.id(), subscription);
    }

    int passwordChecks() {
        return passwordChecks.get();
    }

    @Override
    public Optional<Subscription> find(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    @Override
    public List<Subscription> active() {
        return subscriptions.values().stream().filter(Subscription::isActive).toList();
    }

    @Override
    public List<Subscription> activeFor(String subscriberId) {
        return active().stream().filter(s -> s.subscriberId().equals(subscriberId)).toList();
    }

    @Override
    public Optional<String> authenticateBroker(String username, String password) {
        passwordChecks.incrementAndGet();
        Credentials credentials = logins.get(username);
        if (credentials == null || !credentials.password().equals(password)) {
            return Optional.empty();
        }
        return Optional.of(credentials.subscriberId());
    }

    @Override
    public Optional<String> webhookSecret(String subscriptionId) {
        return Optional.empty();
    }
}
