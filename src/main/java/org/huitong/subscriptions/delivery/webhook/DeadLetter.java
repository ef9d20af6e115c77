package org.huitong.subscriptions.delivery.webhook;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record that the webhook did not accept within the allowed attempts.
 *
 * @param id names the dead letter in replay and discard requests
 * @param deliveryId the {@code X-Huitong-Delivery} value of the failed batch
 * @param event the CloudEvent as it would have been sent; a JSON string when it is not JSON
 * @param lastError why the last attempt failed
 * @param lastStatus the HTTP status of the last attempt, 0 when no response arrived
 * @param attempts how many POSTs were made
 */
public record DeadLetter(String id, String deliveryId, JsonNode event, String lastError, int lastStatus,
                         int attempts, Instant firstAttemptAt, Instant deadLetteredAt) {
}
