package org.huitong.exchange;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the embedded broker's settings, the exchange addresses and the publisher. Spring Boot's
 * {@code ArtemisAutoConfiguration} applies the two customizers only when it starts the embedded
 * broker, so they have no effect with the {@code external-broker} profile.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeConfiguration {

    @Bean
    EmbeddedBrokerCustomizer embeddedBrokerCustomizer(ExchangeProperties properties,
                                                      @Value("${huitong.data-dir:./data}") String hubDataDirectory) {
        String configured = properties.getBroker().getDataDirectory();
        Path dataDirectory = configured != null ? Path.of(configured) : Path.of(hubDataDirectory, "broker");
        return new EmbeddedBrokerCustomizer(properties.getBroker(), dataDirectory);
    }

    @Bean
    ExchangeAddressDeclarations exchangeAddressDeclarations(ExchangeProperties properties) {
        return new ExchangeAddressDeclarations(properties.getRecordTypes());
    }

    @Bean
    CloudEventMessages cloudEventMessages() {
        return new CloudEventMessages();
    }

    @Bean
    JmsExchangePublisher jmsExchangePublisher(ConnectionFactory connectionFactory, CloudEventMessages messages,
                                              ExchangeProperties properties, ObjectProvider<Clock> clock,
                                              ObjectProvider<PublishedEventLog> eventLog) {
        // The hub always has the log; the exchange-only test context has no database.
        return new JmsExchangePublisher(connectionFactory, messages, properties.getRecordTypes(),
                clock.getIfAvailable(Clock::systemUTC), eventLog.getIfAvailable());
    }
}
