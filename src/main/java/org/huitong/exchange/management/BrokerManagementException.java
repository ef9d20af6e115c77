package org.huitong.exchange.management;

/** A management request that the broker rejected, that timed out, or that could not be sent. */
public class BrokerManagementException extends RuntimeException {

    public BrokerManagementException(String message) {
        super(message);
    }

    public BrokerManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
