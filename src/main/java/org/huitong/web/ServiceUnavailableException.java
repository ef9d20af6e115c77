package org.huitong.web;

/** A system the request needs, such as the broker, cannot be reached now, so the API returns 503. */
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
