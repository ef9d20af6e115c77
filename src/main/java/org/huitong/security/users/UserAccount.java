package org.huitong.security.users;

import java.time.Instant;
import org.huitong.security.HubRole;
import org.huitong.security.HubUser;

/**
 * A built-in user as stored in {@code hub_user}.
 *
 * @param passwordHash a {@code DelegatingPasswordEncoder} value such as {@code {bcrypt}$2a$10$...}
 */
public record UserAccount(long id, String username, String passwordHash, HubRole role, String departmentCode,
                          boolean enabled, Instant createdAt, String createdBy, Instant updatedAt) {

    public HubUser toHubUser() {
        return new HubUser(username, role, departmentCode);
    }

    /** Returns what the API and the audit log show of this user: everything but the hash. */
    public UserView view() {
        return new UserView(username, role, departmentCode, enabled, createdAt, createdBy, updatedAt);
    }
}
