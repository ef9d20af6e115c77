package org.huitong.subscriptions;

/**
 * The HTTPS endpoint to which the hub pushes a subscription's records, besides its queue. The
 * signing secret is kept apart, encrypted, and read through
 * {@link SubscriptionDirectory#webhookSecret(String)}.
 *
 * @param url the HTTPS endpoint of the subscriber; its host must be on the operator's allowlist
 * @param batchSize maximum number of records in one POST; 1 sends each record on its own
 */
public record Webhook(String url, int batchSize) {
}
