package org.huitong.subscriptions.feed;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of a subscription's feed.
 *
 * @param events the subscription's view of each event, oldest first
 * @param next the cursor to send as {@code after} for the following page
 * @param hasMore true when further events may already be readable; false when the feed is
 *     caught up
 */
public record FeedPage(List<ObjectNode> events, String next, boolean hasMore) {
}
