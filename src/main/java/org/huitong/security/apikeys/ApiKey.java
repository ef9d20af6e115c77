package org.huitong.security.apikeys;

import java.time.Instant;
import org.huitong.security.HubRole;

/**
 * An API key as stored in {@code api_key}, and as the API shows it: the key itself is stored
 * only as a hash, which this record leaves out.
 *
 * @param keyPrefix the key's first characters, for telling keys apart
 * @param expiresAt null for a key that does not expire
 * @param revokedAt null for a key that was not revoked
 * @param subscriberId the subscribing system of a {@link HubRole#SUBSCRIBER} key, otherwise null
 */
public record ApiKey(long id, String name, String keyPrefix, HubRole role, String departmentCode,
                     String createdBy, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                     Instant revokedAt, String subscriberId) {

    /** Returns the user name under which requests with this key act, for example {@code api-key:7}. */
    public String actorName() {
        return "api-key:" + id;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
