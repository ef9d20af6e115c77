package org.huitong.connectors.sources.push;

import org.springframework.http.HttpStatus;

/**
 * A push the hub does not process, with the HTTP status and the {@code i18n/push} message that
 * {@link PushExceptionHandler} returns.
 *
 * @see PushExceptionHandler
 */
class PushRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private Integer retryAfterSeconds;

    PushRejectedException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Asks the client to retry after this many seconds, sent as the Retry-After header. */
    PushRejectedException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
