package org.huitong.subscriptions.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.huitong.exchange.ExchangeAddress;
import org.huitong.exchange.management.BrokerManagementException;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.exchange.security.BrokerAccounts;
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
 * Keeps one relay per active subscription on the broker, embedded or external: the subscription's queues
 * ({@link FeedBroker}) and a {@link RelayWorker} that moves the view of each event from the
 * relay queue to the feed queue ({@link RelayListener}) in transactions of up to
 * {@value #RELAY_BATCH_SIZE} messages.
 *
 * <p>At start it reconciles the broker with the directory: it creates what active subscriptions
 * need and deletes {@code huitong.relay.*} and {@code feeds.*} queues of every other
 * subscription. After that it follows {@link SubscriptionChanged} events.
 *
 * <p>Delivery is off, and logged so at start, while the hub has no {@link SubscriptionDirectory}
 * or {@link RecordViews} bean. When the broker cannot be reached at start, the reconciliation is
 * tried again every {@link #RECONCILE_RETRY}.
 */
public class SubscriptionDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDelivery.class);

    /** How long a relay consumer waits for a message before it checks whether it should stop. */
    private static final long RECEIVE_TIMEOUT_MILLIS = 200;

    /** Maximum number of messages a relay commits in one transaction. */
    static final int RELAY_BATCH_SIZE = 100;

    /** How long to wait before trying again to reconcile with a broker that could not be reached. */
    static final Duration RECONCILE_RETRY = Duration.ofSeconds(30);

    private final ObjectProvider<SubscriptionDirectory> directoryProvider;
    private final ObjectProvider<RecordViews> viewsProvider;
    private final BrokerQueues queues;
    private final BrokerAccounts accounts;
    private final ObjectProvider<MeterRegistry> meterRegistry;
    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;
    private final Duration reconcileRetry;
    private final InitialEvents initialEvents;
    private final Map<String, RelayWorker> relays = new ConcurrentHashMap<>();

    // Set by start() when delivery is on; null while it is off.
    private volatile SubscriptionDirectory directory;
    private volatile RecordViews views;
    private volatile FeedBroker broker;
    private volatile DeliveryMetrics metrics;
    private volatile boolean running;
    private Thread retry;

    /**
     * @param connectionFactory a connection factory of the broker without caching; each relay
     *     opens its own connection from it
     * @param initialEvents what a new subscription receives first, or null for nothing
     */
    SubscriptionDelivery(ObjectProvider<SubscriptionDirectory> directory, ObjectProvider<RecordViews> views,
                         BrokerQueues queues, BrokerAccounts accounts, ObjectProvider<MeterRegistry> meterRegistry,
                         ConnectionFactory connectionFactory, ObjectMapper json, InitialEvents initialEvents) {
        this(directory, views, queues, accounts, meterRegistry, connectionFactory, json, initialEvents, RECONCILE_RETRY);
    }

    /** @param reconcileRetry how long to wait before trying again to reconcile with an unreachable broker */
    SubscriptionDelivery(ObjectProvider<SubscriptionDirectory> directory, ObjectProvider<RecordViews> views,
                         BrokerQueues queues, BrokerAccounts accounts, ObjectProvider<MeterRegistry> meterRegistry,
                         ConnectionFactory connectionFactory, ObjectMapper json, InitialEvents initialEvents,
                         Duration reconcileRetry) {
        this.initialEvents = initialEvents;
        this.reconcileRetry = reconcileRetry;
        this.directoryProvider = directory;
        this.viewsProvider = views;
        this.queues = queues;
        this.accounts = accounts;
        this.meterRegistry = meterRegistry;
        this.connectionFactory = connectionFactory;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        running = true;
        SubscriptionDirectory foundDirectory = directoryProvider.getIfAvailable();
        RecordViews foundViews = viewsProvider.getIfAvailable();
        if (foundDirectory == null || foundViews == null) {
            log.info("Subscription delivery is off: the hub has no {}",
                    foundDirectory == null ? "SubscriptionDirectory bean" : "RecordViews bean");
            return;
        }
        FeedBroker feedBroker = new FeedBroker(queues, accounts);
        metrics = new DeliveryMetrics(meterRegistry.getIfAvailable(), feedBroker::stats);
        directory = foundDirectory;
        views = foundViews;
        broker = feedBroker;
        reconcileOrRetry();
    }

    private void reconcileOrRetry() {
        try {
            reconcile();
        } catch (BrokerManagementException e) {
            log.error("Subscription delivery cannot start yet: {}. Trying again in {}.", e.getMessage(),
                    reconcileRetry);
            retry = new Thread(this::retryLater, "subscription-delivery-retry");
            retry.setDaemon(true);
            retry.start();
        }
    }

    private void retryLater() {
        try {
            Thread.sleep(reconcileRetry.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        synchronized (this) {
            if (running && broker != null) {
                reconcileOrRetry();
            }
        }
    }

    private void reconcile() {
        List<Subscription> active = directory.active();
        // Reads the broker's queues first, so an unreachable broker fails here, before any relay.
        deleteQueuesOfInactiveSubscriptions(active.stream().map(Subscription::id).collect(Collectors.toSet()));
        active.forEach(this::startRelay);
        warnAboutMissingUsers(active);
        log.info("Subscription delivery started with {} active subscriptions", relays.size());
    }

    private void warnAboutMissingUsers(List<Subscription> active) {
        active.stream().map(Subscription::subscriberId).distinct()
                .filter(subscriberId -> !accounts.hasUser(subscriberId))
                .forEach(subscriberId -> log.warn("The broker has no user for subscriber {}, so it cannot read its"
                        + " feeds. Issue new credentials with POST /api/subscribers/{}/credentials.",
                        subscriberId, subscriberId));
    }

    @Override
    public synchronized void stop() {
        if (retry != null) {
            retry.interrupt();
            retry = null;
        }
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
            long beforeRelay = initialEvents == null ? 0 : initialEvents.positionBeforeRelay(subscription.recordType());
            FeedBroker.QueueState queues = broker.ensureQueues(subscription, view.brokerSelector());
            if (queues == FeedBroker.QueueState.NO_ADDRESS) {
                return;
            }
            stopRelay(id);

            RelayListener listener = new RelayListener(id, view, json);
            RelayWorker worker = worker(subscription, listener);
            if (queues == FeedBroker.QueueState.RELAY_CREATED && initialEvents != null) {
                initialEvents.plan(id, subscription.recordType(), view, beforeRelay).ifPresent(plan ->
                        worker.firstRun(session -> listener.skipOnce(initialEvents.deliver(session, plan))));
            }
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

    private RelayWorker worker(Subscription subscription, RelayListener listener) {
        String id = subscription.id();
        // The relay queue is MULTICAST on the exchange address, so it is named fully qualified.
        String relayQueue = new ExchangeAddress(subscription.recordType()).name() + "::" + FeedQueues.relay(id);
        return new RelayWorker(id, connectionFactory, relayQueue, listener, RELAY_BATCH_SIZE, RECEIVE_TIMEOUT_MILLIS);
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
