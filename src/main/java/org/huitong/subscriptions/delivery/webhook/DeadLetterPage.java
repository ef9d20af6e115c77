package org.huitong.subscriptions.delivery.webhook;

import java.util.List;

/**
 * One page of a subscription's dead letters, oldest first.
 *
 * @param total dead letters in the queue
 */
public record DeadLetterPage(long total, int offset, int limit, List<DeadLetter> items) {
}
