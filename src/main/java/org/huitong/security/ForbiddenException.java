package org.huitong.security;

public class ForbiddenException extends org.huitong.web.ApiException {
    public ForbiddenException(String messageKey, Object... args) { super(messageKey, args); }
}
