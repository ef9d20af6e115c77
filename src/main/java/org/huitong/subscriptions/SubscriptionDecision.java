package org.huitong.subscriptions;

import java.time.Instant;

/**
 * The last decision on a subscription: its approval, refusal or revocation.
 *
 * @param decidedBy the user or key that decided
 * @param reason the reason given; required for a refusal or revocation, optional for an approval
 */
public record SubscriptionDecision(String decidedBy, Instant decidedAt, String reason) {
}
