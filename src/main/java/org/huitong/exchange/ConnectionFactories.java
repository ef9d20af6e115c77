package org.huitong.exchange;

import jakarta.jms.ConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/** Helpers for the hub's JMS connection factory. */
public final class ConnectionFactories {

    private ConnectionFactories() {
    }

    /**
     * Returns the factory behind Spring Boot's caching wrapper, so that a long-running consumer
     * opens and closes a connection of its own instead of sharing the publisher's.
     */
    public static ConnectionFactory uncached(ConnectionFactory connectionFactory) {
        if (connectionFactory instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null) {
            return caching.getTargetConnectionFactory();
        }
        return connectionFactory;
    }
}
