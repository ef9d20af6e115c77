package org.huitong.web;

/** A request body exceeds its size limit, so the API returns 413 without reading the rest. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
