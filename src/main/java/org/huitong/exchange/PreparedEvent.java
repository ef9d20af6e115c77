package org.huitong.exchange;


/**
 * A record with its event id and the event's structured JSON text, written once and then both
 * sent to the broker and appended to the {@link PublishedEventLog}.
 */
record PreparedEvent(OutboundRecord record, String id, String json) {
}
