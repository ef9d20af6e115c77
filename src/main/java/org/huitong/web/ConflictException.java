package org.huitong.web;

/** A request conflicts with the current state, such as a name already taken, so the API returns 409. */
public class ConflictException extends ApiException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
