package org.huitong.exchange.management;

/** A management request that the broker refused, did not answer, or could not receive. */
public class BrokerManagementException extends RuntimeException {

    public BrokerManagementException(String message) {
        super(message);
    }

    public BrokerManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
