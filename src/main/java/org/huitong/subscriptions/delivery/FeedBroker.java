package org.huitong.subscriptions.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.huitong.exchange.ExchangeAddress;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.exchange.management.BrokerQueues.QueueInfo;
import org.huitong.exchange.security.BrokerAccounts;
import org.huitong.subscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads and deletes a subscription's two queues, on the embedded broker or an external
 * one.
 *
 * <ul>
 *   <li>The relay queue {@code huitong.relay.<id>}: durable, MULTICAST, on the record type's
 *       {@code exchange.<recordType>} address, filtered by the view's broker selector. Only the
 *       hub reads it.
 *   <li>The feed queue {@code feeds.<id>}: durable, ANYCAST, alone on its own address of the same
 *       name. An anycast queue that is alone on its address is what CORE and AMQP clients open
 *       as a queue, what STOMP subscribes to by its name, and what an MQTT subscription to the
 *       topic {@code feeds/<id>} consumes in Artemis 2.40 without creating a queue of its own.
 *       {@link BrokerAccounts#grantFeed} lets only the subscriber read it.
 * </ul>
 */
class FeedBroker {

    private static final Logger log = LoggerFactory.getLogger(FeedBroker.class);

    private final BrokerQueues queues;
    private final BrokerAccounts accounts;

    FeedBroker(BrokerQueues queues, BrokerAccounts accounts) {
        this.queues = queues;
        this.accounts = accounts;
    }

    /**
     * Creates the subscription's queues that do not exist yet, lets the subscriber read its feed
     * queue, and gives an existing relay queue the current selector.
     *
     * @return {@link QueueState#NO_ADDRESS} when the record type's exchange address does not
     *     exist, so nothing can be relayed; {@link QueueState#RELAY_CREATED} when the relay queue
     *     is new, so it holds only events published from now on
     */
    QueueState ensureQueues(Subscription subscription, String selector) {
        String exchange = new ExchangeAddress(subscription.recordType()).name();
        if (!queues.addressExists(exchange)) {
            log.warn("Cannot deliver subscription {}: the broker has no address {}. Add record type {} to"
                    + " huitong.exchange.record-types.", subscription.id(), exchange, subscription.recordType());
            return QueueState.NO_ADDRESS;
        }

        String feed = FeedQueues.feed(subscription.id());
        accounts.grantFeed(subscription.subscriberId(), feed);
        if (queues.queue(feed).isEmpty()) {
            queues.createAnycastQueue(feed);
        }

        String relay = FeedQueues.relay(subscription.id());
        Optional<QueueInfo> existingRelay = queues.queue(relay);
        if (existingRelay.isEmpty()) {
            queues.createMulticastQueue(exchange, relay, selector);
            return QueueState.RELAY_CREATED;
        }
        if (!Objects.equals(existingRelay.get().filter(), selector)) {
            queues.updateFilter(exchange, relay, selector);
        }
        return QueueState.READY;
    }

    /** The state of a subscription's queues after {@link #ensureQueues}. */
    enum QueueState {
        /** The record type's exchange address does not exist. */
        NO_ADDRESS,
        /** Both queues existed, and the relay queue may hold events not yet relayed. */
        READY,
        /** The relay queue was created now. */
        RELAY_CREATED
    }

    /**
     * Deletes both queues, the feed address and the feed's permissions. Consumers of the feed
     * queue are disconnected, so delivery stops at once; messages still queued are deleted with
     * the queue.
     */
    void deleteQueues(String subscriptionId) {
        String feed = FeedQueues.feed(subscriptionId);
        queues.deleteQueue(FeedQueues.relay(subscriptionId));
        queues.deleteQueue(feed);
        queues.deleteAddress(feed);
        accounts.removeFeedGrant(feed);
    }

    /** Returns the names of all queues whose name starts with {@code prefix}. */
    List<String> queueNames(String prefix) {
        return queues.queueNames(prefix);
    }

    /**
     * Returns the current queue depths and oldest message age of the subscription.
     *
     * <p>NOTE: the broker reports the age of the first message in the queue's memory. A message
     * delivered to a consumer but not yet acknowledged, and a message that is only paged to disk,
     * are not seen, so the age is a lower bound while a consumer is slow or the queue pages.
     */
    DeliveryStats stats(String subscriptionId) {
        Optional<QueueInfo> feed = queues.queue(FeedQueues.feed(subscriptionId));
        Optional<QueueInfo> relay = queues.queue(FeedQueues.relay(subscriptionId));

        return new DeliveryStats(subscriptionId, feed.isPresent(),
                feed.map(QueueInfo::messageCount).orElse(0L),
                feed.map(QueueInfo::firstMessageAge).orElse(Duration.ZERO),
                relay.map(QueueInfo::messageCount).orElse(0L),
                feed.map(QueueInfo::consumerCount).orElse(0));
    }
}
