package org.huitong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param actor the caller's name, or {@code anonymous} for a failed login, or {@code system}
 *     for an action outside any request
 * @param outcome {@link AuditLog#SUCCESS}, {@link AuditLog#FAILURE} or {@link AuditLog#DENIED}
 * @param before the object before the change, with secrets redacted; null when not applicable
 * @param after the object after the change, with secrets redacted; null when not applicable
 */
public record AuditEvent(long id, Instant at, String actor, String actorRole, String action,
                         String targetType, String targetId, String departmentCode, String outcome,
                         String reason, JsonNode before, JsonNode after, String remoteAddress) {
}
