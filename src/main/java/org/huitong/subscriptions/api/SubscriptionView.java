package org.huitong.subscriptions.api;

import java.time.Instant;
import java.util.List;

import org.huitong.subscriptions.StoredSubscription;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionDecision;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.SubscriptionStatus;
import org.huitong.subscriptions.Webhook;
import org.huitong.subscriptions.delivery.FeedQueues;

/**
 * A subscription as the API shows it.
 *
 * @param queue the broker queue the subscriber reads while the subscription is active
 * @param feed the API path of the catch-up feed
 * @param decision the last approval, refusal or revocation; null while none was made
 * @param webhook where the hub pushes the records, without the signing secret; null when the
 *     subscriber reads its queue or feed itself
 */
public record SubscriptionView(String id, String subscriberId, String recordType, SubscriptionFilter filter,
                               List<String> fields, List<String> clearFields, String purpose,
                               String providerDepartment, SubscriptionStatus status, SubscriptionDecision decision,
                               Instant createdAt, String queue, String feed, Webhook webhook) {

    static SubscriptionView of(StoredSubscription stored) {
        Subscription s = stored.subscription();
        return new SubscriptionView(s.id(), s.subscriberId(), s.recordType(), s.filter(), s.fields(),
                s.clearFields(), s.purpose(), s.providerDepartment(), s.status(), stored.decision(), s.createdAt(),
                FeedQueues.feed(s.id()), "/api/feeds/" + s.id(), s.webhook());
    }
}
