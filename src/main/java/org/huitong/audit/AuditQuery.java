package org.huitong.audit;

import java.time.Instant;

/**
 * Filters of an audit log search; a null field matches every event.
 *
 * @param from events at or after this instant
 * @param to events before this instant
 */
public record AuditQuery(String actor, String action, String targetType, String targetId,
                         String departmentCode, Instant from, Instant to) {

    /** Returns a query that matches every event. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
