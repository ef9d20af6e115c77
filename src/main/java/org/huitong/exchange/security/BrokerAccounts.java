package org.huitong.exchange.security;

/**
 * Keeps the broker's own users and permissions in step with the hub's subscribers, where the
 * broker needs them.
 *
 * <p>The embedded broker checks every login and access with the hub
 * ({@link HubBrokerSecurityManager}), so there {@link #HUB_CHECKED} does nothing. An external
 * broker checks its own users and security settings, which {@link ManagedBrokerAccounts} writes.
 */
public interface BrokerAccounts {

    /** The accounts of a broker whose security manager checks with the hub, so nothing is kept in step. */
    BrokerAccounts HUB_CHECKED = new BrokerAccounts() {
    };

    /**
     * Gives the subscriber's broker user this password, creating the user if needed. It runs
     * before the hub commits the new password, so a failure leaves the old one in force.
     */
    default void setPassword(String subscriberId, String password) {
    }

    /** Lets only the subscriber and the hub consume and browse the queue. */
    default void grantFeed(String subscriberId, String queue) {
    }

    /** Removes what {@link #grantFeed} set for the queue. */
    default void removeFeedGrant(String queue) {
    }

    /**
     * Returns true when the hub issues subscribers their broker passwords, false when the
     * operator keeps the broker's users.
     */
    default boolean issuesPasswords() {
        return true;
    }

    /** Returns true when the broker has a user for the subscriber, or needs none. */
    default boolean hasUser(String subscriberId) {
        return true;
    }
}
