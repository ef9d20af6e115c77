package org.huitong.subscriptions;

/**
 * A subscription as stored, with its last decision and whether it has a webhook secret.
 *
 * @param decision the last approval, refusal or revocation; null while nothing was decided
 */
public record StoredSubscription(Subscription subscription, SubscriptionDecision decision) {
}
