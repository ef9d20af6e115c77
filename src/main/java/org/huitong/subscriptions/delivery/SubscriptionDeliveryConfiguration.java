package org.huitong.subscriptions.delivery;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.huitong.exchange.ConnectionFactories;
import org.huitong.exchange.PublishedEventLog;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.exchange.security.BrokerAccounts;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.huitong.subscriptions.view.RecordViews;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the per-subscription relays. */
@Configuration(proxyBeanMethods = false)
public class SubscriptionDeliveryConfiguration {

    @Bean
    SubscriptionDelivery subscriptionDelivery(ObjectProvider<SubscriptionDirectory> directory,
                                              ObjectProvider<RecordViews> views, BrokerQueues queues,
                                              BrokerAccounts accounts, ObjectProvider<MeterRegistry> meterRegistry,
                                              ConnectionFactory connectionFactory,
                                              ObjectProvider<PublishedEventLog> eventLog,
                                              @Value("${huitong.subscriptions.initial-events:10000}") int initialEvents) {
        JsonMapper json = exactJson();
        PublishedEventLog log = eventLog.getIfAvailable();
        InitialEvents initial = log == null ? null : new InitialEvents(log, initialEvents, json);
        return new SubscriptionDelivery(directory, views, queues, accounts, meterRegistry,
                ConnectionFactories.uncached(connectionFactory), json, initial);
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
