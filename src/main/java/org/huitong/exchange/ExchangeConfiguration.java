package org.huitong.exchange;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.jms.ConnectionFactory;
import org.huitong.exchange.management.BrokerManagement;
import org.huitong.exchange.management.BrokerQueues;
import org.huitong.exchange.security.BrokerAccounts;
import org.huitong.exchange.security.BrokerSecurityInstaller;
import org.huitong.exchange.security.FeedAccess;
import org.huitong.exchange.security.HubBrokerSecurityManager;
import org.huitong.exchange.security.InternalBrokerAccount;
import org.huitong.exchange.security.ManagedBrokerAccounts;
import org.huitong.security.LoginThrottle;
import org.huitong.subscriptions.SubscriptionDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the embedded broker's settings and security, the exchange addresses and the publisher.
 * Spring Boot's {@code ArtemisAutoConfiguration} applies the two customizers only when it starts
 * the embedded broker, so they have no effect with the {@code external-broker} profile, which
 * also turns the security beans off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeConfiguration {

    @Bean
    EmbeddedBrokerCustomizer embeddedBrokerCustomizer(ExchangeProperties properties,
                                                      @Value("${huitong.data-dir:./data}") String hubDataDirectory) {
        return new EmbeddedBrokerCustomizer(properties.getBroker(), brokerDataDirectory(properties, hubDataDirectory));
    }

    @Bean
    static ProducerWindow producerWindow() {
        return new ProducerWindow();
    }

    @Bean
    @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", matchIfMissing = true)
    static BrokerSecurityInstaller brokerSecurityInstaller(ObjectProvider<HubBrokerSecurityManager> securityManager,
                                                           ObjectProvider<FeedAccess> feedAccess) {
        return new BrokerSecurityInstaller(securityManager, feedAccess);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", matchIfMissing = true)
    FeedAccess feedAccess(ObjectProvider<SubscriptionDirectory> directory) {
        return new FeedAccess(directory);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", matchIfMissing = true)
    InternalBrokerAccount internalBrokerAccount(ExchangeProperties properties,
                                                @Value("${huitong.data-dir:./data}") String hubDataDirectory) {
        return InternalBrokerAccount.resolve(properties.getBroker(), brokerDataDirectory(properties, hubDataDirectory));
    }

    @Bean
    @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", matchIfMissing = true)
    HubBrokerSecurityManager hubBrokerSecurityManager(InternalBrokerAccount internalAccount, FeedAccess feedAccess,
                                                      ObjectProvider<LoginThrottle> throttle) {
        // The full hub always has the throttle; the narrow exchange test contexts have none.
        return new HubBrokerSecurityManager(internalAccount, feedAccess, throttle.getIfAvailable());
    }

    private static Path brokerDataDirectory(ExchangeProperties properties, String hubDataDirectory) {
        String configured = properties.getBroker().getDataDirectory();
        return configured != null ? Path.of(configured) : Path.of(hubDataDirectory, "broker");
    }

    @Bean(destroyMethod = "close")
    BrokerManagement brokerManagement(ConnectionFactory connectionFactory, ExchangeProperties properties) {
        ExchangeProperties.Management management = properties.getManagement();
        return new BrokerManagement(ConnectionFactories.uncached(connectionFactory), management.getAddress(),
                management.getTimeout());
    }

    @Bean
    BrokerQueues brokerQueues(BrokerManagement management) {
        return new BrokerQueues(management);
    }

    /**
     * The embedded broker checks every login and access with the hub; an external broker keeps
     * its own users and permissions, which the hub writes.
     */
    @Bean
    BrokerAccounts brokerAccounts(BrokerManagement management, ExchangeProperties properties,
                                  @Value("${spring.artemis.embedded.enabled:true}") boolean embedded) {
        ExchangeProperties.Management settings = properties.getManagement();
        return embedded ? BrokerAccounts.HUB_CHECKED : new ManagedBrokerAccounts(management, settings.getHubRole(),
                settings.getSubscriberUsers() == ExchangeProperties.SubscriberUsers.MANAGED);
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
