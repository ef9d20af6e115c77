package org.huitong.subscriptions.delivery;

import java.time.Clock;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.view.RecordViews;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/** Wires the per-subscription relays of the embedded broker. */
@Configuration(proxyBeanMethods = false)
public class SubscriptionDeliveryConfiguration {

    @Bean
    SubscriptionDelivery subscriptionDelivery(ObjectProvider<SubscriptionDirectory> directory,
                                              ObjectProvider<RecordViews> views,
                                              ObjectProvider<EmbeddedActiveMQ> embeddedBroker,
                                              ObjectProvider<MeterRegistry> meterRegistry,
                                              ConnectionFactory connectionFactory,
                                              ObjectProvider<Clock> clock) {
        return new SubscriptionDelivery(directory, views, embeddedBroker, meterRegistry,
                ownConnections(connectionFactory), exactJson(), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Returns the factory behind Spring Boot's caching wrapper, so that each relay
     * opens and stops its own in-VM connection instead of sharing the publisher's.
     */
    private static ConnectionFactory ownConnections(ConnectionFactory connectionFactory) {
        if (connectionFactory instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null) {
            return caching.getTargetConnectionFactory();
        }
        return connectionFactory;
    }

    /**
     * Returns a mapper that keeps decimals exactly as published, for example 0.00000010 and
     * 12345678901234567.8900, because the relay parses and writes every event.
     */
    private static JsonMapper exactJson() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }
}
