package org.huitong.security;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * An authentication failure whose message is a key of the {@code i18n/security} bundle, so
 * that {@link ProblemAuthenticationEntryPoint} can tell the caller exactly what was wrong.
 */
public class HubAuthenticationException extends AuthenticationException {

    private final String messageKey;

    private final transient Object[] args;

    private final HttpStatus status;

    private final Instant retryAt;

    private HubAuthenticationException(HttpStatus status, Instant retryAt, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.retryAt = retryAt;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Creates the failure of a rejected credential: 401. */
    public static HubAuthenticationException unauthorized(String messageKey, Object... args) {
        return new HubAuthenticationException(HttpStatus.UNAUTHORIZED, null, messageKey, args);
    }

    /** Creates the failure of a throttled login: 429 with a {@code Retry-After} header. */
    public static HubAuthenticationException throttled(Instant retryAt, String messageKey, Object... args) {
        return new HubAuthenticationException(HttpStatus.TOO_MANY_REQUESTS, retryAt, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public HttpStatus status() {
        return status;
    }

    /** Returns when a throttled caller may try again, or null if the failure is not throttling. */
    public Instant retryAt() {
        return retryAt;
    }
}
