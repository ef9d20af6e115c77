package org.huitong.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * A subscriber's standing request for one record type, with what it was granted.
 *
 * @param id stable identifier such as {@code sub-42}; names the subscription's broker queue
 * @param subscriberId the subscribing system
 * @param recordType the record type, for example {@code credit.license}
 * @param filter which records are delivered
 * @param fields the granted top-level fields of {@code data}; restricted fields never appear here
 * @param clearFields the granted personal fields that are delivered unmasked; a subset of
 *     {@code fields}
 * @param purpose why the subscriber needs the data, as it stated it
 * @param providerDepartment the department whose administrator decides a conditional
 *     subscription; {@code null} for an open one
 * @param status where the subscription is in its approval flow
 * @param webhook the push endpoint, or {@code null} when the subscriber only reads its queue or
 *     the feed API
 * @param createdAt when the subscription was requested
 */
public record Subscription(String id, String subscriberId, String recordType, SubscriptionFilter filter,
                           List<String> fields, List<String> clearFields, String purpose,
                           String providerDepartment, SubscriptionStatus status, Webhook webhook,
                           Instant createdAt) {

    public Subscription {
        filter = filter == null ? SubscriptionFilter.NONE : filter;
        fields = List.copyOf(fields);
        clearFields = clearFields == null ? List.of() : List.copyOf(clearFields);
    }

    /** Returns true while records are delivered. */
    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }
}
