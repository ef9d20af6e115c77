package org.huitong.web;

/** A requested resource does not exist; answered with 404 and a message from the api bundle. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public NotFoundException(String messageKey, Object... args) {
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
