package org.huitong.exchange;

/** The broker did not commit a publishing transaction; nothing of it was published. */
public class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
