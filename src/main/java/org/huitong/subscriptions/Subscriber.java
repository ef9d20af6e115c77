package org.huitong.subscriptions;

import java.time.Instant;

/**
 * A downstream system registered to receive records, such as the city credit platform.
 *
 * @param id the subscriber's code, also its broker user name, for example {@code credit-platform}
 * @param name display name
 * @param departmentCode the department that owns the system and manages it
 * @param contact who to call about it: a name, a phone number or an e-mail address
 * @param description what the system is; may be null
 * @param enabled false when the subscriber may no longer log in to the broker or the API
 */
public record Subscriber(String id, String name, String departmentCode, String contact, String description,
                         boolean enabled, Instant createdAt, String createdBy) {
}
