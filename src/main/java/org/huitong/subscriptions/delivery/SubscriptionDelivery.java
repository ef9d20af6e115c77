package org.huitong.subscriptions.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.huitong.exchange.ExchangeAddress;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionChanged;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.view.RecordView;
import org.huitong.subscriptions.view.RecordViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Keeps one relay per active subscription on the embedded broker: the subscription's queues
 * ({@link FeedBroker}) and a {@link RelayWorker} that moves the view of each event from the
 * relay queue to the feed queue ({@link RelayListener}) in transactions of up to
 * {@value #RELAY_BATCH_SIZE} messages.
 *
 * <p>At start it reconciles the broker with the directory: it creates what active subscriptions
 * need and deletes {@code huitong.relay.*} and {@code feeds.*} queues of every other
 * subscription. After that it follows {@link SubscriptionChanged} events.
 *
 * <p>Delivery is off, and logged so at start, while the hub has no {@link SubscriptionDirectory}
 * or {@link RecordViews} bean, or when it uses an external broker.
 */
public class SubscriptionDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDelivery.class);

    /** How long a relay consumer waits for a message before it checks whether it should stop. */
    private static final long RECEIVE_TIMEOUT_MILLIS = 200;

    /** Maximum number of messages a relay commits in one transaction. */
    static final int RELAY_BATCH_SIZE = 100;

    private final ObjectProvider<SubscriptionDirectory> directoryProvider;
    private final ObjectProvider<RecordViews> viewsProvider;
    private final ObjectProvider<EmbeddedActiveMQ> embeddedBroker;
    private final ObjectProvider<MeterRegistry> meterRegistry;
    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, RelayWorker> relays = new ConcurrentHashMap<>();

    // Set by start() when delivery is on; null while it is off.
    private volatile SubscriptionDirectory directory;
    private volatile RecordViews views;
    private volatile FeedBroker broker;
    private volatile DeliveryMetrics metrics;
    private volatile boolean running;

    /**
     * @param connectionFactory an in-VM connection factory of the embedded broker; each relay
     *     opens its own connection from it
     */
    public SubscriptionDelivery(ObjectProvider<SubscriptionDirectory> directory, ObjectProvider<RecordViews> views,
                                ObjectProvider<EmbeddedActiveMQ> embeddedBroker, ObjectProvider<MeterRegistry> meterRegistry,
                                ConnectionFactory connectionFactory, ObjectMapper json, Clock clock) {
        this.directoryProvider = directory;
        this.viewsProvider = views;
        this.embeddedBroker = embeddedBroker;
        this.meterRegistry = meterRegistry;
        this.connectionFactory = connectionFactory;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        SubscriptionDirectory foundDirectory = directoryProvider.getIfAvailable();
        RecordViews foundViews = viewsProvider.getIfAvailable();
        EmbeddedActiveMQ foundBroker = embeddedBroker.getIfAvailable();
        if (foundDirectory == null || foundViews == null || foundBroker == null) {
            log.info("Subscription delivery is off: the hub has no {}", foundBroker == null ? "embedded broker"
                    : foundDirectory == null ? "SubscriptionDirectory bean" : "RecordViews bean");
            return;
        }

        FeedBroker feedBroker = new FeedBroker(foundBroker.getActiveMQServer(), clock);
        metrics = new DeliveryMetrics(meterRegistry.getIfAvailable(), feedBroker::stats);
        directory = foundDirectory;
        views = foundViews;
        broker = feedBroker;

        List<Subscription> active = directory.active();
        Set<String> activeIds = new HashSet<>();
        for (Subscription subscription : active) {
            activeIds.add(subscription.id());
            startRelay(subscription);
        }
        deleteQueuesOfInactiveSubscriptions(activeIds);

        log.info("Subscription delivery started with {} active subscriptions", relays.size());
    }

    @Override
    public synchronized void stop() {
        relays.keySet().forEach(this::stopRelay);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts, restarts or ends the delivery of a subscription after its change is committed. */
    @EventListener
    public synchronized void onSubscriptionChanged(SubscriptionChanged event) {
        if (broker == null) {
            return;
        }
        Subscription subscription = event.subscription();
        switch (subscription.status()) {
            case ACTIVE -> startRelay(subscription);
            case REVOKED, REFUSED -> endDelivery(subscription.id());
            case PENDING -> stopRelay(subscription.id());
        }
    }

    /** Returns how far the subscription's delivery is behind, read from the broker now. */
    public DeliveryStats stats(String subscriptionId) {
        FeedBroker current = broker;
        if (current == null) {
            return new DeliveryStats(subscriptionId, false, 0, Duration.ZERO, 0, 0);
        }
        return current.stats(subscriptionId);
    }

    private void startRelay(Subscription subscription) {
        String id = subscription.id();
        try {
            RecordView view = views.forSubscription(subscription);
            if (!broker.ensureQueues(subscription, view.brokerSelector())) {
                return;
            }
            stopRelay(id);

            RelayWorker worker = worker(subscription, view);
            worker.start();
            relays.put(id, worker);
            metrics.register(subscription);
            log.info("Relaying {} to {} for subscriber {}", FeedQueues.relay(id), FeedQueues.feed(id),
                    subscription.subscriberId());
        } catch (Exception e) {
            log.error("Failed to start delivery of subscription {} of subscriber {}: {}", id,
                    subscription.subscriberId(), e.toString(), e);
        }
    }

    private RelayWorker worker(Subscription subscription, RecordView view) {
        String id = subscription.id();
        // The relay queue is MULTICAST on the exchange address, so it is named fully qualified.
        String relayQueue = new ExchangeAddress(subscription.recordType()).name() + "::" + FeedQueues.relay(id);
        return new RelayWorker(id, connectionFactory, relayQueue, new RelayListener(id, view, json),
                RELAY_BATCH_SIZE, RECEIVE_TIMEOUT_MILLIS);
    }

    /** Stops the relay consumer of a subscription and keeps its queues. */
    private void stopRelay(String subscriptionId) {
        RelayWorker worker = relays.remove(subscriptionId);
        if (worker != null) {
            worker.stop();
            log.info("Stopped the relay of subscription {}", subscriptionId);
        }
    }

    private void endDelivery(String subscriptionId) {
        stopRelay(subscriptionId);
        metrics.remove(subscriptionId);
        try {
            broker.deleteQueues(subscriptionId);
            log.info("Ended delivery of subscription {} and deleted its queues", subscriptionId);
        } catch (Exception e) {
            log.error("Failed to delete the queues of ended subscription {}: {}. The next start of the hub"
                    + " deletes them.", subscriptionId, e.toString(), e);
        }
    }

    private void deleteQueuesOfInactiveSubscriptions(Set<String> activeIds) {
        Set<String> stale = new HashSet<>();
        for (String queue : broker.queueNames(FeedQueues.FEED_PREFIX)) {
            stale.add(queue.substring(FeedQueues.FEED_PREFIX.length()));
        }
        for (String queue : broker.queueNames(FeedQueues.RELAY_PREFIX)) {
            stale.add(queue.substring(FeedQueues.RELAY_PREFIX.length()));
        }
        stale.removeAll(activeIds);

        for (String subscriptionId : stale) {
            log.info("Deleting the queues of subscription {}, which is not active", subscriptionId);
            endDelivery(subscriptionId);
        }
    }
}
