package org.huitong.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quarantined record as the API returns it, with messages in the request's language.
 *
 * @param firstLine first physical line or row in the source file; 0 when the whole file is
 *     concerned
 * @param lastLine last physical line or row; 0 when the entry covers the rest of the file
 */
public record QuarantineView(long id, long batchId, String connectorId, String recordType,
                             String sourceFile, long recordNumber, long firstLine, long lastLine,
                             Map<String, String> rawValues, List<ViolationView> violations,
                             Instant createdAt) {

    /** One reason, in the request's language. */
    public record ViolationView(String code, String field, String sourceColumn, String message) {
    }

    static QuarantineView of(QuarantinedRecord record, Locale locale) {
        List<ViolationView> violations = record.violations().stream()
                .map(v -> new ViolationView(v.code(), v.field(), v.sourceColumn(),
                        v.message().forLocale(locale)))
                .toList();
        return new QuarantineView(record.id(), record.batchId(), record.connectorId(),
                record.recordType(), record.sourceFile(), record.recordNumber(),
                record.firstLine(), record.lastLine(), record.rawValues(), violations,
                record.createdAt());
    }
}
