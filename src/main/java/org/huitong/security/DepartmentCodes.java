package org.huitong.security;

import java.util.regex.Pattern;
import org.huitong.web.InvalidRequestException;

/** The format of department codes, such as {@code samr} or {@code lanzhou-mca}. */
public final class DepartmentCodes {

    /** 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit. */
    public static final String REGEX = "^[a-z0-9][a-z0-9-]{1,62}$";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private DepartmentCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }

    /**
     * Checks the department of a user or API key: required and well-formed for
     * DEPARTMENT_ADMIN, absent for every other role. SUBSCRIBER is rejected, because only the
     * keys issued with a subscriber carry it.
     *
     * @throws InvalidRequestException naming the rule that {@code code} breaks
     */
    public static void requireValidFor(HubRole role, String code) {
        if (role == HubRole.SUBSCRIBER) {
            throw new InvalidRequestException("role.subscriber-not-assignable");
        }
        if (role == HubRole.DEPARTMENT_ADMIN) {
            if (code == null || code.isBlank()) {
                throw new InvalidRequestException("department.required");
            }
            if (!isValid(code)) {
                throw new InvalidRequestException("department.invalid", code);
            }
        } else if (code != null) {
            throw new InvalidRequestException("department.not-allowed", role.name());
        }
    }
}
