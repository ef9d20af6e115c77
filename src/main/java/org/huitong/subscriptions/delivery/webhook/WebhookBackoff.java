package org.huitong.subscriptions.delivery.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before attempt {@code n + 1} the dispatcher waits a random time
 * between half and all of {@code min(maxBackoff, initialBackoff * 2^(n - 1))}, so that many
 * dispatchers failing at once do not retry in step.
 */
record WebhookBackoff(Duration initial, Duration max) {

    /** Returns the wait after failed attempt {@code attempt}, counted from 1. */
    Duration delayAfter(int attempt) {
        long initialMillis = initial.toMillis();
        long maxMillis = max.toMillis();
        int doublings = Math.min(attempt - 1, 40);
        long full = initialMillis > maxMillis >> doublings ? maxMillis : initialMillis << doublings;
        if (full <= 1) {
            return Duration.ofMillis(full);
        }
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }
}
