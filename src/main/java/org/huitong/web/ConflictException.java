package org.huitong.web;

/** A request conflicts with the current state of a resource, so the API returns 409. */
public class ConflictException extends ApiException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
