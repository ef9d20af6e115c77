package org.huitong.subscriptions;

import java.util.List;
import java.util.Optional;

/** Read access to subscribers and subscriptions for the delivery components. */
public interface SubscriptionDirectory {

    Optional<Subscription> find(String subscriptionId);

    /** Returns every subscription whose records are delivered. */
    List<Subscription> active();

    /** Returns the active subscriptions of one subscriber. */
    List<Subscription> activeFor(String subscriberId);

    /**
     * Checks a subscriber's broker credentials and returns its id, or empty when the user name is
     * unknown, the password is wrong or the subscriber is disabled.
     */
    Optional<String> authenticateBroker(String username, String password);

    /** Returns the decrypted webhook signing secret of a subscription, or empty if it has none. */
    Optional<String> webhookSecret(String subscriptionId);
}
