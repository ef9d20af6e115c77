package org.huitong.subscriptions.delivery;

import java.time.Duration;

/**
 * How far a subscription's delivery is behind, read from the broker at the time of the call.
 *
 * @param subscriptionId the subscription
 * @param feedQueueExists false when the hub has no feed queue for it, for example because it is
 *     not active or the broker is external
 * @param feedDepth messages in the feed queue that the subscriber has not acknowledged
 * @param oldestMessageAge age of the oldest message waiting in the feed queue, zero when none
 *     waits; see {@code FeedBroker} for the messages it does not see
 * @param relayDepth messages of the exchange that the hub has not yet filtered into the feed queue
 * @param feedConsumers consumers attached to the feed queue
 */
public record DeliveryStats(String subscriptionId, boolean feedQueueExists, long feedDepth,
                            Duration oldestMessageAge, long relayDepth, int feedConsumers) {
}
