package org.huitong.connectors.sources.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huitong.batches.BatchStatus;
import org.huitong.i18n.LocalizedText;
import org.huitong.pipeline.BatchOutcome;
import org.huitong.pipeline.Violation;
import org.huitong.quarantine.QuarantinedRecord;

/**
 * The outcome of one push in both languages, as stored under its Idempotency-Key and rendered
 * in the language of each request that asks for it.
 *
 * @param received records read from the body
 * @param accepted records that passed: {@code published} new or changed, {@code unchanged} already known
 * @param rejected records quarantined
 * @param rejections the quarantined records, at most {@link #MAX_LISTED}, and an entry with
 *     record number 0 for a rest of the body that could not be read
 */
record PushResult(String connector, long batchId, BatchStatus status, long received, long accepted,
                  long published, long unchanged, long rejected, List<Rejection> rejections,
                  boolean rejectionsTruncated) {

    /** Maximum number of rejected records listed in a response; the count covers all. */
    static final int MAX_LISTED = 500;

    /**
     * One rejected record.
     *
     * @param record 1-based position of the record in the body; 0 for the unreadable rest of it
     * @param line the body's line where the record starts
     */
    record Rejection(long record, long line, List<Reason> reasons) {
    }

    /** One reason a record was rejected. */
    record Reason(String code, String field, String sourceColumn, LocalizedText message) {
    }

    static PushResult of(String connector, BatchOutcome outcome, List<QuarantinedRecord> quarantined) {
        List<Rejection> rejections = new ArrayList<>();
        for (QuarantinedRecord record : quarantined.subList(0, Math.min(quarantined.size(), MAX_LISTED))) {
            List<Reason> reasons = new ArrayList<>();
            for (Violation violation : record.violations()) {
                reasons.add(new Reason(violation.code(), violation.field(), violation.sourceColumn(),
                        violation.message()));
            }
            rejections.add(new Rejection(record.recordNumber(), record.firstLine(), reasons));
        }
        return new PushResult(connector, outcome.batchId(), outcome.status(), outcome.read(),
                outcome.published() + outcome.unchanged(), outcome.published(), outcome.unchanged(),
                outcome.quarantined(), rejections, quarantined.size() > MAX_LISTED);
    }

    /** Returns the HTTP status: 422 when nothing of the body could be read, 200 otherwise. */
    int httpStatus() {
        return status == BatchStatus.REJECTED ? 422 : 200;
    }

    /** Renders the result in the request's language. */
    PushResponse render(Locale locale, String idempotencyKey, boolean replayed) {
        List<PushResponse.Rejection> rendered = rejections.stream()
                .map(rejection -> new PushResponse.Rejection(rejection.record(), rejection.line(),
                        rejection.reasons().stream().map(reason -> new PushResponse.Reason(reason.code(),
                                reason.field(), reason.sourceColumn(), reason.message().forLocale(locale)))
                                .toList()))
                .toList();
        return new PushResponse(connector, batchId, status.name(), received, accepted, published, unchanged,
                rejected, rendered, rejectionsTruncated, idempotencyKey, replayed);
    }
}
