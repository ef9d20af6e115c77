package org.huitong.subscriptions.delivery.webhook;

import java.util.List;

/**
 * Records taken from a feed queue for one POST, kept unchanged across its retries.
 *
 * @param deliveryId sent as {@code X-Huitong-Delivery}; the same on every retry of this batch
 * @param events the CloudEvent JSON texts, in queue order
 */
record WebhookBatch(String deliveryId, List<String> events) {

    static final String SINGLE_CONTENT_TYPE = "application/cloudevents+json";
    static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    WebhookBatch {
        events = List.copyOf(events);
    }

    /**
     * Returns the request body: the event itself when the webhook takes one record per request,
     * otherwise a JSON array of the events, which is how the CloudEvents HTTP binding sends a batch.
     */
    String body(int batchSize) {
        if (batchSize == 1) {
            return events.get(0);
        }
        return "[" + String.join(",", events) + "]";
    }

    String contentType(int batchSize) {
        return batchSize == 1 ? SINGLE_CONTENT_TYPE : BATCH_CONTENT_TYPE;
    }
}
