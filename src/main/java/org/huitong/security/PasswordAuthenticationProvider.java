package org.huitong.security;

import java.time.Instant;
import java.util.Optional;
import org.huitong.audit.AuditLog;
import org.huitong.security.users.UserAccount;
import org.huitong.security.users.UserRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against {@code hub_user}, with login throttling. Each failure is
 * audited as {@code LOGIN_FAILED} with the name tried, and each rejection during a lock-out as
 * {@code LOGIN_THROTTLED}; the password is never written anywhere.
 */
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String TARGET_TYPE = "user";

    private final UserRepository users;

    private final PasswordEncoder passwords;

    private final LoginThrottle throttle;

    private final AuditLog audit;

    /** Hash checked for unknown names, so that they take as long as a wrong password. */
    private final String unknownUserHash;

    public PasswordAuthenticationProvider(UserRepository users, PasswordEncoder passwords, LoginThrottle throttle,
                                          AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.unknownUserHash = passwords.encode("unknown user: the password never matches");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();

        Optional<Instant> lockedUntil = throttle.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            audit.recordFailure("LOGIN_THROTTLED", TARGET_TYPE, username, null, AuditLog.DENIED,
                    "locked out until " + lockedUntil.get());
            throw throttled(username, lockedUntil.get());
        }

        Optional<UserAccount> account = users.find(username);
        if (account.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            throw failed(username, "unknown user");
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            throw failed(username, "wrong password");
        }
        if (!account.get().enabled()) {
            audit.recordFailure("LOGIN_FAILED", TARGET_TYPE, username, account.get().departmentCode(),
                    AuditLog.FAILURE, "user disabled");
            throw HubAuthenticationException.unauthorized("auth.user-disabled", username);
        }
        throttle.succeeded(username);
        return new HubAuthentication(account.get().toHubUser(), AuthenticationMethod.PASSWORD);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private HubAuthenticationException failed(String username, String reason) {
        audit.recordFailure("LOGIN_FAILED", TARGET_TYPE, username, null, AuditLog.FAILURE, reason);
        // The failure that reaches the limit still gets 401. The lock-out starts with the next attempt.
        throttle.failed(username);
        return HubAuthenticationException.unauthorized("auth.bad-credentials");
    }

    private static HubAuthenticationException throttled(String username, Instant until) {
        return HubAuthenticationException.throttled(until, "auth.throttled", username, until.toString());
    }
}
