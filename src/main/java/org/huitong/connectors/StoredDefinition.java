package org.huitong.connectors;

import java.time.Instant;

/**
 * A descriptor created through the API, as stored: JSON with secret parameters encrypted.
 *
 * @param revision 1 when created, increased by every update
 */
public record StoredDefinition(String id, String departmentCode, String descriptorJson, long revision,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
