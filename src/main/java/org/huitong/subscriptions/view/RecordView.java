package org.huitong.subscriptions.view;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One subscription's view of published events: its filter, its granted fields and its masking.
 * The queue, the webhook and the feed API all deliver what this view returns, so the three
 * agree record for record.
 */
public interface RecordView {

    /**
     * Returns a copy of the CloudEvent whose {@code data} contains only the granted fields, with
     * personal fields masked unless granted in clear, or empty when the filter rejects the event.
     * The input is not changed.
     */
    Optional<ObjectNode> apply(ObjectNode cloudEvent);

    /**
     * Returns a JMS message selector over the hub's message properties that covers as much of the
     * filter as properties allow, or {@code null} when the filter has no such part. Records that
     * pass the selector still go through {@link #apply}.
     */
    String brokerSelector();
}
