package org.huitong.exchange;

import java.time.Instant;

/**
 * A record with the parts of its event that both the broker message and the
 * {@link PublishedEventLog} carry, each computed once: the event id, the division code (or
 * {@code null}) and the event's structured JSON text.
 */
record PreparedEvent(OutboundRecord record, String id, String division, String json) {

    /**
     * Prepares the event of {@code record} published at {@code publishTime}.
     *
     * @throws IllegalArgumentException if the record type or schema id is invalid
     */
    static PreparedEvent of(OutboundRecord record, Instant publishTime) {
        String id = EventId.of(record).toString();
        return new PreparedEvent(record, id, CloudEventMessages.division(record),
                EventJson.write(record, id, publishTime));
    }
}
