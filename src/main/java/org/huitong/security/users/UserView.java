package org.huitong.security.users;

import java.time.Instant;
import org.huitong.security.HubRole;

/** A built-in user as the API shows it, without the password hash. */
public record UserView(String username, HubRole role, String departmentCode, boolean enabled,
                       Instant createdAt, String createdBy, Instant updatedAt) {
}
