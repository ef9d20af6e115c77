package org.huitong.web;

/** A requested resource does not exist, so the API returns 404. */
public class NotFoundException extends ApiException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
