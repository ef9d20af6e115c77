package org.huitong.subscriptions;

/**
 * Where a subscription is in its approval flow.
 *
 * <ul>
 *   <li>{@link #PENDING}: requested, waiting for the providing department's administrator or an
 *       operator to approve or refuse it. Nothing is delivered.
 *   <li>{@link #ACTIVE}: granted, either at once because it requests only open fields or by an
 *       approval. Records are delivered.
 *   <li>{@link #REFUSED}: refused with a reason. Nothing is delivered. Final.
 *   <li>{@link #REVOKED}: delivery stopped and its queue removed. Final.
 * </ul>
 */
public enum SubscriptionStatus {
    PENDING, ACTIVE, REFUSED, REVOKED
}
