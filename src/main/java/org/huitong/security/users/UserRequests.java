package org.huitong.security.users;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.huitong.security.HubRole;

/**
 * Request bodies of the user endpoints. Each constraint message is a key of the
 * {@code i18n/security} bundle whose argument {0} is the field name; no message repeats the
 * rejected value, because it may be a password.
 */
public final class UserRequests {

    /** Lower-case letters, digits and {@code . _ @ -}, 2 to 64 characters, starting with a letter or digit. */
    public static final String USERNAME_REGEX = "^[a-z0-9][a-z0-9._@-]{1,63}$";

    /** Upper bound checked before the password policy, so that a huge value is never hashed. */
    static final int MAX_PASSWORD_CHARS = 200;

    private UserRequests() {
    }

    /** A new user; {@code departmentCode} is required for DEPARTMENT_ADMIN and not allowed otherwise. */
    public record Create(
            @NotNull(message = "body.required")
            @Pattern(regexp = USERNAME_REGEX, message = "body.username.invalid") String username,
            @NotNull(message = "body.required")
            @Size(max = MAX_PASSWORD_CHARS, message = "body.password.too-long") String password,
            @NotNull(message = "body.required") HubRole role,
            @Size(max = 63, message = "body.department.invalid") String departmentCode) {
    }

    /** Changes to a user; absent fields stay as they are. */
    public record Update(
            HubRole role,
            @Size(max = 63, message = "body.department.invalid") String departmentCode,
            Boolean enabled,
            @Size(max = MAX_PASSWORD_CHARS, message = "body.password.too-long") String password) {
    }

    /** A built-in user's change of their own password. */
    public record ChangePassword(
            @NotNull(message = "body.required")
            @Size(max = MAX_PASSWORD_CHARS, message = "body.password.too-long") String currentPassword,
            @NotNull(message = "body.required")
            @Size(max = MAX_PASSWORD_CHARS, message = "body.password.too-long") String newPassword) {
    }
}
