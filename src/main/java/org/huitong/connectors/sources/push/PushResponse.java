package org.huitong.connectors.sources.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The response body of an accepted push, in one language.
 *
 * @param status the batch status: COMPLETED, PARTIAL (part of the body could not be read) or
 *     REJECTED (none of it)
 * @param idempotencyKey the request's Idempotency-Key, or {@code null}
 * @param replayed {@code true} when this is the stored response of an earlier push with the same key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushResponse(String connector, long batchId, String status, long received, long accepted,
                           long published, long unchanged, long rejected, List<Rejection> rejections,
                           boolean rejectionsTruncated, String idempotencyKey, boolean replayed) {

    /** A rejected record; {@code record} 0 is the unreadable rest of the body. */
    public record Rejection(long record, long line, List<Reason> reasons) {
    }

    /** A reason a record was rejected. */
    public record Reason(String code, String field, String sourceColumn, String message) {
    }
}
