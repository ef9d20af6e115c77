package org.huitong.subscriptions.delivery.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer counters of one subscription's webhook delivery, tagged with {@code subscription}
 * and {@code subscriber}. They count records, except failed attempts, which count POSTs.
 */
class WebhookMetrics {

    static final String DELIVERED = "huitong.webhook.delivered";
    static final String FAILED_ATTEMPTS = "huitong.webhook.failed.attempts";
    static final String DEAD_LETTERED = "huitong.webhook.dead.lettered";

    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter deadLettered;

    /** @param registry the hub's registry, or null when it has none, which turns counting off */
    WebhookMetrics(MeterRegistry registry, String subscriptionId, String subscriberId) {
        this.delivered = counter(registry, DELIVERED, "Records the webhook acknowledged with a 2xx status",
                "records", subscriptionId, subscriberId);
        this.failedAttempts = counter(registry, FAILED_ATTEMPTS, "POSTs to the webhook that failed and are retried"
                + " or dead-lettered", "requests", subscriptionId, subscriberId);
        this.deadLettered = counter(registry, DEAD_LETTERED, "Records moved to the dead letters after the last"
                + " failed attempt", "records", subscriptionId, subscriberId);
    }

    void delivered(int records) {
        increment(delivered, records);
    }

    void failedAttempt() {
        increment(failedAttempts, 1);
    }

    void deadLettered(int records) {
        increment(deadLettered, records);
    }

    private static void increment(Counter counter, int amount) {
        if (counter != null) {
            counter.increment(amount);
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String unit,
                                   String subscriptionId, String subscriberId) {
        if (registry == null) {
            return null;
        }
        return Counter.builder(name)
                .description(description)
                .baseUnit(unit)
                .tags("subscription", subscriptionId, "subscriber", subscriberId)
                .register(registry);
    }
}
