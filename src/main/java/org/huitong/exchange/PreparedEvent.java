package org.huitong.exchange;

import io.cloudevents.CloudEvent;

/**
 * A record with its CloudEvent and the event's JSON text, serialized once and then both sent to
 * the broker and appended to the {@link PublishedEventLog}.
 */
record PreparedEvent(OutboundRecord record, CloudEvent event, String json) {
}
