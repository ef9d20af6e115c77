package org.huitong.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The permissions of a caller of the hub.
 *
 * <ul>
 *   <li>{@link #ADMIN}: everything, including users, API keys and the audit log.
 *   <li>{@link #OPERATOR}: reads everything and drives connector lifecycles, but manages no users
 *       and cannot read the audit log.
 *   <li>{@link #DEPARTMENT_ADMIN}: only the data of its own department.
 *   <li>{@link #AUDITOR}: reads everything, including the audit log, and changes nothing.
 *   <li>{@link #SUBSCRIBER}: a downstream system; only its own subscriptions and feeds. Only its
 *       API keys carry this role, which identity providers and user accounts cannot grant.
 * </ul>
 */
public enum HubRole {
    ADMIN, OPERATOR, DEPARTMENT_ADMIN, AUDITOR, SUBSCRIBER;

    /** Returns the Spring Security authority of this role, for example {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Parses a role name case-insensitively, with {@code -} accepted for {@code _}, as identity
     * providers often write {@code department-admin}.
     */
    public static Optional<HubRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (HubRole role : values()) {
            if (role.name().equals(normalized)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
