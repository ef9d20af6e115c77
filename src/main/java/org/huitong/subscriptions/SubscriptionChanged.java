package org.huitong.subscriptions;

/**
 * Spring application event published after a subscription was created, approved, refused,
 * revoked or changed, once the change is committed. Delivery components start or stop their
 * work for the subscription on it.
 */
public record SubscriptionChanged(Subscription subscription) {
}
