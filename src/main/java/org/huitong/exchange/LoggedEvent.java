package org.huitong.exchange;

import java.time.Instant;

/**
 * One published event as kept in the {@link PublishedEventLog}.
 *
 * @param seq position in the log, increasing with each appended event; gaps are possible
 * @param eventId the CloudEvents {@code id}
 * @param recordType for example {@code elder.person}
 * @param subject the CloudEvents {@code subject}, which is the business key
 * @param recordVersion the {@code recordversion} extension
 * @param department code of the providing department
 * @param division the record's {@code divisionCode}, or {@code null} if it has none
 * @param publishedAt the CloudEvents {@code time}
 * @param event the CloudEvent JSON text exactly as sent to the broker
 */
public record LoggedEvent(long seq, String eventId, String recordType, String subject, int recordVersion,
                          String department, String division, Instant publishedAt, String event) {
}
