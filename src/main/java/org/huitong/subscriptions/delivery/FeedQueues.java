package org.huitong.subscriptions.delivery;

/**
 * Broker names used for one subscription. The subscriber reads only its own queue; the relay
 * queue on the record type's exchange address is internal to the hub.
 */
public final class FeedQueues {

    /** Prefix of every subscriber-facing queue. */
    public static final String FEED_PREFIX = "feeds.";

    /** Prefix of the hub's internal queues that copy exchange events for a subscription. */
    public static final String RELAY_PREFIX = "huitong.relay.";

    private FeedQueues() {
    }

    /** Returns the queue (and address) the subscriber reads, for example {@code feeds.sub-42}. */
    public static String feed(String subscriptionId) {
        return FEED_PREFIX + subscriptionId;
    }

    /** Returns the hub's relay queue on the exchange address of the subscription's record type. */
    public static String relay(String subscriptionId) {
        return RELAY_PREFIX + subscriptionId;
    }
}
