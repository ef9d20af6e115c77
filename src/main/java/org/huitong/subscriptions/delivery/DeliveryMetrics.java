package org.huitong.subscriptions.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import org.huitong.subscriptions.Subscription;

/**
 * Micrometer gauges that show whether one subscription falls behind without affecting others,
 * tagged with {@code subscription} and {@code subscriber}. The three gauges of a subscription
 * share one broker query per {@link #READING_TTL}, because each query takes several management
 * requests.
 */
class DeliveryMetrics {

    static final String FEED_DEPTH = "huitong.delivery.feed.depth";
    static final String FEED_OLDEST_AGE = "huitong.delivery.feed.oldest.age";
    static final String RELAY_DEPTH = "huitong.delivery.relay.depth";

    private final MeterRegistry registry;
    private final Function<String, DeliveryStats> stats;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    /** How long one broker query serves the gauges of a subscription. */
    static final Duration READING_TTL = Duration.ofSeconds(1);

    private record Reading(DeliveryStats stats, long readAtNanos) {
    }

    /** @param registry the registry, or null when the hub has none, which turns the gauges off */
    DeliveryMetrics(MeterRegistry registry, Function<String, DeliveryStats> stats) {
        this.registry = registry;
        this.stats = stats;
    }

    void register(Subscription subscription) {
        if (registry == null || meters.containsKey(subscription.id())) {
            return;
        }
        String id = subscription.id();
        Tags tags = Tags.of("subscription", id, "subscriber", subscription.subscriberId());

        meters.put(id, List.of(
                Gauge.builder(FEED_DEPTH, () -> current(id).feedDepth())
                        .description("Messages in the subscriber's feed queue that it has not acknowledged")
                        .baseUnit("messages")
                        .tags(tags)
                        .register(registry),
                TimeGauge.builder(FEED_OLDEST_AGE, () -> current(id).oldestMessageAge().toMillis(),
                                TimeUnit.MILLISECONDS)
                        .description("Age of the oldest message waiting in the subscriber's feed queue")
                        .tags(tags)
                        .register(registry),
                Gauge.builder(RELAY_DEPTH, () -> current(id).relayDepth())
                        .description("Exchange messages that the hub has not yet filtered into the feed queue")
                        .baseUnit("messages")
                        .tags(tags)
                        .register(registry)));
    }

    private DeliveryStats current(String subscriptionId) {
        long now = System.nanoTime();
        Reading reading = readings.get(subscriptionId);
        if (reading == null || now - reading.readAtNanos() > READING_TTL.toNanos()) {
            reading = new Reading(stats.apply(subscriptionId), now);
            readings.put(subscriptionId, reading);
        }
        return reading.stats();
    }

    void remove(String subscriptionId) {
        readings.remove(subscriptionId);
        List<Meter> removed = meters.remove(subscriptionId);
        if (removed != null) {
            removed.forEach(registry::remove);
        }
    }
}
