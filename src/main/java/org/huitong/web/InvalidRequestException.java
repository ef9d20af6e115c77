package org.huitong.web;

/** A request parameter is invalid; answered with 400 and a message from the api bundle. */
public class InvalidRequestException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public InvalidRequestException(String messageKey, Object... args) {
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
