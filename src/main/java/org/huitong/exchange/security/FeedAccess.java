package org.huitong.exchange.security;

import java.util.Optional;

import org.apache.activemq.artemis.utils.CompositeAddress;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Decides which broker resources a subscriber may read: the feed queue of each of its own active
 * subscriptions, and nothing else. The subscription directory is the only source, so a revoked
 * or refused subscription loses access with the next check.
 */
public class FeedAccess {

    private final ObjectProvider<SubscriptionDirectory> directory;

    public FeedAccess(ObjectProvider<SubscriptionDirectory> directory) {
        this.directory = directory;
    }

    /**
     * Checks a subscriber's broker credentials and returns its id, or empty when they are wrong
     * or no subscription directory exists in this hub.
     */
    Optional<String> authenticate(String username, String password) {
        SubscriptionDirectory subscriptions = directory.getIfAvailable();
        if (subscriptions == null || username == null || password == null) {
            return Optional.empty();
        }
        return subscriptions.authenticateBroker(username, password);
    }

    /**
     * Returns true if {@code resource}, an address or a fully qualified queue name
     * ({@code address::queue}), is the feed queue of an active subscription of the subscriber.
     */
    boolean mayRead(String subscriberId, String resource) {
        return feedSubscriptionId(resource)
                .flatMap(this::findActive)
                .filter(subscription -> subscription.subscriberId().equals(subscriberId))
                .isPresent();
    }

    /**
     * Returns the subscription id named by the feed queue {@code feeds.<id>}, given as an address
     * or as {@code feeds.<id>::feeds.<id>}, or empty for any other resource.
     */
    static Optional<String> feedSubscriptionId(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String address = CompositeAddress.extractAddressName(resource);
        String queue = CompositeAddress.isFullyQualified(resource) ? CompositeAddress.extractQueueName(resource) : address;

        if (!address.equals(queue) || !address.startsWith(FeedQueues.FEED_PREFIX)) {
            return Optional.empty();
        }
        String subscriptionId = address.substring(FeedQueues.FEED_PREFIX.length());
        return subscriptionId.isEmpty() ? Optional.empty() : Optional.of(subscriptionId);
    }

    private Optional<Subscription> findActive(String subscriptionId) {
        SubscriptionDirectory subscriptions = directory.getIfAvailable();
        if (subscriptions == null) {
            return Optional.empty();
        }
        return subscriptions.find(subscriptionId).filter(Subscription::isActive);
    }
}
