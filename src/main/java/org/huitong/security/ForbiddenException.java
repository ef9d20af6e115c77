package org.huitong.security;

import org.huitong.web.ApiException;

/**
 * The caller is authenticated but may not do this, so the API returns 403. The denial is also
 * written to the audit log as {@code ACCESS_DENIED}.
 */
public class ForbiddenException extends ApiException {

    private final String departmentCode;

    public ForbiddenException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private ForbiddenException(String departmentCode, String messageKey, Object... args) {
        super(messageKey, args);
        this.departmentCode = departmentCode;
    }

    /** Rejects access by a department administrator to another department's data. */
    public static ForbiddenException otherDepartment(HubUser user, String departmentCode) {
        return new ForbiddenException(departmentCode, "access.other-department", user.departmentCode(),
                String.valueOf(departmentCode));
    }

    /** Returns the department whose data was requested, or null if the denial concerns no department. */
    public String departmentCode() {
        return departmentCode;
    }

    /** Rejects an action that the caller's role does not allow. */
    public static ForbiddenException role(HubUser user) {
        return new ForbiddenException(null, "access.role", user.role().name());
    }
}
