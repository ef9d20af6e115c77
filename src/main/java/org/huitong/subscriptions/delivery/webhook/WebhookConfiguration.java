package org.huitong.subscriptions.delivery.webhook;

import java.time.Clock;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.huitong.exchange.ConnectionFactories;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.i18n.Messages;
import org.huitong.security.HostResolver;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires webhook delivery: the host policy, the sender, the dispatchers and the dead letters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    WebhookHostPolicy webhookHostPolicy(WebhookProperties properties, ObjectProvider<HostResolver> resolver) {
        return new WebhookHostPolicy(properties, resolver.getIfAvailable(() -> HostResolver.SYSTEM));
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties, WebhookHostPolicy hostPolicy,
                                ObjectProvider<SslBundles> sslBundles, Messages messages, ObjectProvider<Clock> clock) {
        return new WebhookSender(properties, hostPolicy, sslContext(properties, sslBundles), messages,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DeadLetterQueues webhookDeadLetterQueues(BrokerQueues queues) {
        return new DeadLetterQueues(queues);
    }

    @Bean
    WebhookDispatchers webhookDispatchers(SubscriptionDirectory directory, DeadLetterQueues deadLetterQueues,
                                          ConnectionFactory connectionFactory, WebhookSender sender,
                                          WebhookProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
                                          ObjectProvider<Clock> clock) {
        return new WebhookDispatchers(directory, deadLetterQueues, ConnectionFactories.uncached(connectionFactory),
                sender, properties, meterRegistry.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WebhookDeadLetters webhookDeadLetters(DeadLetterQueues deadLetterQueues, ConnectionFactory connectionFactory) {
        JsonMapper exactJson = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        return new WebhookDeadLetters(deadLetterQueues, ConnectionFactories.uncached(connectionFactory), exactJson);
    }

    private static SSLContext sslContext(WebhookProperties properties, ObjectProvider<SslBundles> sslBundles) {
        if (properties.sslBundle().isBlank()) {
            return null;
        }
        SslBundles bundles = sslBundles.getIfAvailable();
        if (bundles == null) {
            throw new IllegalStateException("huitong.subscriptions.webhook.ssl-bundle is " + properties.sslBundle()
                    + ", but the hub has no SSL bundles. Define it under spring.ssl.bundle.");
        }
        return bundles.getBundle(properties.sslBundle()).createSslContext();
    }
}
