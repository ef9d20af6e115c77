package org.huitong.subscriptions.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.huitong.exchange.ExchangeAddress;
import org.huitong.subscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads and deletes a subscription's two queues on the embedded broker.
 *
 * <ul>
 *   <li>The relay queue {@code huitong.relay.<id>}: durable, MULTICAST, on the record type's
 *       {@code exchange.<recordType>} address, filtered by the view's broker selector. Only the
 *       hub reads it.
 *   <li>The feed queue {@code feeds.<id>}: durable, ANYCAST, alone on its own address of the same
 *       name. An anycast queue that is alone on its address is what CORE and AMQP clients open
 *       as a queue, what STOMP subscribes to by its name, and what an MQTT subscription to the
 *       topic {@code feeds/<id>} consumes in Artemis 2.40 without creating a queue of its own.
 * </ul>
 */
class FeedBroker {

    private static final Logger log = LoggerFactory.getLogger(FeedBroker.class);

    private final ActiveMQServer server;
    private final Clock clock;

    FeedBroker(ActiveMQServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /**
     * Creates the subscription's queues that do not exist yet, and gives an existing relay queue
     * the current selector.
     *
     * @return false when the record type's exchange address does not exist, so nothing can be
     *     relayed
     */
    boolean ensureQueues(Subscription subscription, String selector) throws Exception {
        SimpleString exchange = SimpleString.of(new ExchangeAddress(subscription.recordType()).name());
        if (server.getAddressInfo(exchange) == null) {
            log.warn("Cannot deliver subscription {}: the broker has no address {}. Add record type {} to"
                    + " huitong.exchange.record-types.", subscription.id(), exchange, subscription.recordType());
            return false;
        }

        String feed = FeedQueues.feed(subscription.id());
        if (queue(feed).isEmpty()) {
            server.createQueue(QueueConfiguration.of(feed)
                    .setAddress(feed)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true)
                    .setAutoCreateAddress(true));
            log.info("Created feed queue {} for subscriber {}", feed, subscription.subscriberId());
        }

        String relay = FeedQueues.relay(subscription.id());
        QueueConfiguration relayConfiguration = QueueConfiguration.of(relay)
                .setAddress(exchange)
                .setRoutingType(RoutingType.MULTICAST)
                .setFilterString(selector)
                .setDurable(true);
        Optional<Queue> existingRelay = queue(relay);
        if (existingRelay.isEmpty()) {
            server.createQueue(relayConfiguration);
            log.info("Created relay queue {} on {} with selector {}", relay, exchange, selector);
        } else if (!Objects.equals(filterOf(existingRelay.get()), selector)) {
            // Artemis 2.40 replaces the filter, and a null selector removes it.
            server.updateQueue(relayConfiguration);
            log.info("Changed the selector of relay queue {} to {}", relay, selector);
        }
        return true;
    }

    /**
     * Deletes both queues and the feed address. Consumers of the feed queue are disconnected, so
     * delivery stops at once; messages still queued are deleted with the queue.
     */
    void deleteQueues(String subscriptionId) throws Exception {
        deleteQueue(FeedQueues.relay(subscriptionId));
        deleteQueue(FeedQueues.feed(subscriptionId));

        SimpleString feedAddress = SimpleString.of(FeedQueues.feed(subscriptionId));
        if (server.getAddressInfo(feedAddress) != null) {
            server.removeAddressInfo(feedAddress, null, true);
        }
    }

    /** Returns the names of all queues whose name starts with {@code prefix}. */
    List<String> queueNames(String prefix) {
        return server.getPostOffice().getAddresses().stream()
                .flatMap(address -> queuesOn(address).stream())
                .filter(name -> name.startsWith(prefix))
                .distinct()
                .toList();
    }

    /** Returns the current queue depths and oldest message age of the subscription. */
    DeliveryStats stats(String subscriptionId) {
        Optional<Queue> feed = queue(FeedQueues.feed(subscriptionId));
        Optional<Queue> relay = queue(FeedQueues.relay(subscriptionId));

        return new DeliveryStats(subscriptionId, feed.isPresent(),
                feed.map(Queue::getMessageCount).orElse(0L),
                feed.map(this::oldestMessageAge).orElse(Duration.ZERO),
                relay.map(Queue::getMessageCount).orElse(0L),
                feed.map(Queue::getConsumerCount).orElse(0));
    }

    Optional<Queue> queue(String name) {
        return Optional.ofNullable(server.locateQueue(SimpleString.of(name)));
    }

    private void deleteQueue(String name) throws Exception {
        if (queue(name).isPresent()) {
            server.destroyQueue(SimpleString.of(name), null, false, true);
            log.info("Deleted queue {}", name);
        }
    }

    /**
     * Returns the age of the first message in the queue's memory.
     *
     * <p>NOTE: a message delivered to a consumer but not yet acknowledged, and a message that is
     * only paged to disk, are not seen, so the age is a lower bound while a consumer is slow or
     * the queue pages.
     */
    private Duration oldestMessageAge(Queue queue) {
        MessageReference first = queue.peekFirstMessage();
        if (first == null || first.getMessage().getTimestamp() <= 0) {
            return Duration.ZERO;
        }
        long ageMillis = clock.millis() - first.getMessage().getTimestamp();
        return Duration.ofMillis(Math.max(0, ageMillis));
    }

    private List<String> queuesOn(SimpleString address) {
        try {
            return server.bindingQuery(address).getQueueNames().stream().map(SimpleString::toString).toList();
        } catch (Exception e) {
            log.warn("Failed to list the queues of address {}: {}", address, e.toString());
            return List.of();
        }
    }

    private static String filterOf(Queue queue) {
        Filter filter = queue.getFilter();
        return filter == null ? null : filter.getFilterString().toString();
    }
}
