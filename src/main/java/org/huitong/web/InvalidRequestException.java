package org.huitong.web;

/** A request parameter is invalid, so the API returns 400. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
