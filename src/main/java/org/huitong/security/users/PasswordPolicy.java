package org.huitong.security.users;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.huitong.web.InvalidRequestException;

/**
 * Rules for built-in users' passwords: at least 12 characters, at most 72 bytes in UTF-8
 * (bcrypt ignores everything after the 72nd byte), and not containing the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    public static final int MAX_UTF8_BYTES = 72;

    private PasswordPolicy() {
    }

    /** @throws InvalidRequestException naming the rule the password breaks, never the password */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidRequestException("password.too-short", String.valueOf(MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new InvalidRequestException("password.too-long", String.valueOf(MAX_UTF8_BYTES));
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("password.contains-username");
        }
    }
}
