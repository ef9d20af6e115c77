package org.huitong.subscriptions.delivery.webhook;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionChanged;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.SubscriptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Runs one {@link WebhookDispatcher} per active subscription that has a webhook. At start it
 * starts them for the directory's active subscriptions and deletes the dead-letter queues of
 * subscriptions that are revoked, refused or gone; after that it follows
 * {@link SubscriptionChanged} events. A change of the webhook restarts the dispatcher with the new
 * URL, batch size and secret. Removing the webhook or ending the subscription stops the
 * dispatcher before the event listener returns.
 */
public class WebhookDispatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatchers.class);

    private final SubscriptionDirectory directory;
    private final DeadLetterQueues deadLetterQueues;
    private final ConnectionFactory connectionFactory;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final MeterRegistry meterRegistry;
    private final Clock clock;
    private final Map<String, WebhookDispatcher> dispatchers = new ConcurrentHashMap<>();

    private volatile boolean running;

    /** @param meterRegistry the hub's registry, or null */
    WebhookDispatchers(SubscriptionDirectory directory, DeadLetterQueues deadLetterQueues,
                       ConnectionFactory connectionFactory, WebhookSender sender, WebhookProperties properties,
                       MeterRegistry meterRegistry, Clock clock) {
        this.directory = directory;
        this.deadLetterQueues = deadLetterQueues;
        this.connectionFactory = connectionFactory;
        this.sender = sender;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (Subscription subscription : directory.active()) {
            if (subscription.webhook() != null) {
                startDispatcher(subscription);
            }
        }
        for (String subscriptionId : deadLetterQueues.subscriptionIds()) {
            Optional<SubscriptionStatus> status = directory.find(subscriptionId).map(Subscription::status);
            if (status.isEmpty() || status.get() == SubscriptionStatus.REVOKED
                    || status.get() == SubscriptionStatus.REFUSED) {
                deadLetterQueues.delete(subscriptionId);
            }
        }
        log.info("Webhook dispatch started for {} subscriptions", dispatchers.size());
    }

    @Override
    public synchronized void stop() {
        dispatchers.keySet().forEach(this::stopDispatcher);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts, restarts or stops the subscription's dispatcher after its change is committed. */
    @EventListener
    public synchronized void onSubscriptionChanged(SubscriptionChanged event) {
        Subscription subscription = event.subscription();
        if (subscription.isActive() && subscription.webhook() != null) {
            startDispatcher(subscription);
            return;
        }
        stopDispatcher(subscription.id());
        if (subscription.status() == SubscriptionStatus.REVOKED || subscription.status() == SubscriptionStatus.REFUSED) {
            deadLetterQueues.delete(subscription.id());
        }
    }

    private void startDispatcher(Subscription subscription) {
        String id = subscription.id();
        stopDispatcher(id);
        Optional<String> secret = directory.webhookSecret(id);
        if (secret.isEmpty()) {
            log.error("Subscription {} has a webhook but no signing secret, so nothing is pushed. Set the webhook"
                    + " again with PUT /api/subscriptions/{}/webhook.", id, id);
            return;
        }
        try {
            deadLetterQueues.ensure(id);
        } catch (Exception e) {
            log.error("Failed to create the dead-letter queue of subscription {}, so nothing is pushed: {}", id,
                    e.toString(), e);
            return;
        }
        WebhookDispatcher dispatcher = new WebhookDispatcher(id, subscription.webhook(), secret.get(),
                connectionFactory, sender, properties,
                new WebhookMetrics(meterRegistry, id, subscription.subscriberId()), clock);
        dispatchers.put(id, dispatcher);
        dispatcher.start();
    }

    private void stopDispatcher(String subscriptionId) {
        WebhookDispatcher dispatcher = dispatchers.remove(subscriptionId);
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }
}
