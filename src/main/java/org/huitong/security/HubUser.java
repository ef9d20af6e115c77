package org.huitong.security;

import java.util.Objects;

/**
 * The authenticated caller.
 *
 * @param name user name, {@code api-key:<id>} for an API key, or the token's user name for a JWT
 * @param departmentCode the caller's department; non-null only for {@link HubRole#DEPARTMENT_ADMIN}
 * @param subscriberId the subscribing system; non-null only for {@link HubRole#SUBSCRIBER}
 */
public record HubUser(String name, HubRole role, String departmentCode, String subscriberId) {

    /** Creates a caller that is not a subscriber. */
    public HubUser(String name, HubRole role, String departmentCode) {
        this(name, role, departmentCode, null);
    }

    public HubUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (role == HubRole.DEPARTMENT_ADMIN && departmentCode == null) {
            throw new IllegalArgumentException("A DEPARTMENT_ADMIN needs a department code: " + name);
        }
        if (role != HubRole.DEPARTMENT_ADMIN && departmentCode != null) {
            throw new IllegalArgumentException("Only a DEPARTMENT_ADMIN has a department code: " + name);
        }
        if ((role == HubRole.SUBSCRIBER) != (subscriberId != null)) {
            throw new IllegalArgumentException("A SUBSCRIBER, and only a SUBSCRIBER, has a subscriber id: " + name);
        }
    }

    /** Creates the caller that acts for a subscribing system. */
    public static HubUser subscriber(String name, String subscriberId) {
        return new HubUser(name, HubRole.SUBSCRIBER, null, subscriberId);
    }

    /** Returns true for ADMIN, OPERATOR and AUDITOR, which read every department's data. */
    public boolean seesAllDepartments() {
        return role == HubRole.ADMIN || role == HubRole.OPERATOR || role == HubRole.AUDITOR;
    }

    /** Returns true if the caller is the department administrator of this department. */
    public boolean administers(String departmentCode) {
        return role == HubRole.DEPARTMENT_ADMIN && isOwn(departmentCode);
    }

    /** Returns true if the caller may read data of the department. */
    public boolean canRead(String departmentCode) {
        return seesAllDepartments() || isOwn(departmentCode);
    }

    /** Returns true if the caller may create, update and delete connectors of the department. */
    public boolean canManage(String departmentCode) {
        return role == HubRole.ADMIN || role == HubRole.DEPARTMENT_ADMIN && isOwn(departmentCode);
    }

    /** Returns true if the caller may pause, resume and otherwise drive the department's connectors. */
    public boolean canOperate(String departmentCode) {
        return role == HubRole.ADMIN || role == HubRole.OPERATOR
                || role == HubRole.DEPARTMENT_ADMIN && isOwn(departmentCode);
    }

    private boolean isOwn(String departmentCode) {
        return this.departmentCode != null && this.departmentCode.equals(departmentCode);
    }
}
