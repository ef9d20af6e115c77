package org.huitong.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of authentication, login throttling and secret encryption ({@code huitong.security.*}).
 *
 * @param bootstrapAdmin on a start with no users and no initial password, create user
 *     {@code admin} with a random password written to {@code ${huitong.data-dir}/initial-admin-password}
 * @param secretKey base64 of the 32-byte AES key of {@link SecretCipher}; when empty the hub
 *     uses {@code ${huitong.data-dir}/secret.key}, creating it on first start
 * @param requireSecretKey refuse to start without {@code secretKey}, as production does
 */
@ConfigurationProperties("huitong.security")
public record HubSecurityProperties(
        @DefaultValue("true") boolean bootstrapAdmin,
        String secretKey,
        @DefaultValue("false") boolean requireSecretKey,
        @DefaultValue InitialAdmin initialAdmin,
        @DefaultValue Jwt jwt,
        @DefaultValue Login login) {

    /**
     * The first administrator, created once when the user table is empty.
     *
     * @param password the password, usually from the environment variable {@code HUITONG_ADMIN_PASSWORD}
     * @param passwordFile a file whose first line is the password, for secrets mounted as files
     */
    public record InitialAdmin(@DefaultValue("admin") String username, String password, Path passwordFile) {
    }

    /**
     * Claims of a bearer token that carry the caller's identity.
     *
     * @param roleClaim a role name, or a list with exactly one known role name, case-insensitive
     * @param departmentClaim the department code, required for DEPARTMENT_ADMIN
     * @param nameClaim the user name; the subject ({@code sub}) when the token lacks it
     */
    public record Jwt(@DefaultValue("huitong_role") String roleClaim,
                      @DefaultValue("department") String departmentClaim,
                      @DefaultValue("preferred_username") String nameClaim) {
    }

    /**
     * Throttling of password logins: after {@code maxFailures} failed logins for one user name
     * within {@code failureWindow}, further logins with that name are rejected for {@code lockout}.
     */
    public record Login(@DefaultValue("5") int maxFailures,
                        @DefaultValue("15m") Duration failureWindow,
                        @DefaultValue("15m") Duration lockout) {
    }
}
