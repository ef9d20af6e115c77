package org.huitong.web;

/**
 * An API error whose message is an entry of the {@code i18n/api} bundle, rendered in the
 * request's language by {@link ApiExceptionHandler}.
 */
public abstract class ApiException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected ApiException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
