package org.huitong.subscriptions.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.huitong.exchange.ExchangeConfiguration;
import org.huitong.exchange.ExchangePublisher;
import org.huitong.exchange.OutboundRecord;
import org.huitong.exchange.PublishException;
import org.huitong.security.HubSecurityProperties;
import org.huitong.security.LoginThrottle;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionChanged;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.SubscriptionStatus;
import org.huitong.subscriptions.view.RecordViews;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A narrow hub context for delivery tests: the embedded broker with its security, the exchange
 * publisher, subscription delivery, an in-memory directory and {@link TestRecordViews}. A test
 * can stop it and start another on the same data directory and directory.
 */
final class DeliveryHub implements AutoCloseable {

    static final String INTERNAL_USER = "delivery-test";
    static final String INTERNAL_PASSWORD = "delivery-test-password";

    static final String RECORD_TYPE = "credit.license";

    static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    // A test configuration, so that the component scan of full-hub tests does not pick it up and
    // import these stand-in beans into every other test's context.
    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ArtemisAutoConfiguration.class, JmsAutoConfiguration.class})
    @Import({ExchangeConfiguration.class, SubscriptionDeliveryConfiguration.class, DeliveryTestBeans.class})
    static class DeliveryTestApplication {
    }

    /** The views and the meter registry of the test hub; the directory is registered per start. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DeliveryTestBeans {

        @Bean
        RecordViews testRecordViews() {
            return new TestRecordViews();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Returns the hub's throttle with its default settings: 5 failures in 15 minutes lock a name out. */
        @Bean
        LoginThrottle loginThrottle() {
            return new LoginThrottle(new HubSecurityProperties(true, null, false,
                    new HubSecurityProperties.InitialAdmin("admin", null, null),
                    new HubSecurityProperties.Jwt("huitong_role", "department", "preferred_username"),
                    new HubSecurityProperties.Login(5, Duration.ofMinutes(15), Duration.ofMinutes(15))));
        }
    }

    final ConfigurableApplicationContext context;
    final int port;
    final InMemorySubscriptionDirectory directory;

    private DeliveryHub(ConfigurableApplicationContext context, int port, InMemorySubscriptionDirectory directory) {
        this.context = context;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Starts a hub whose broker stores its data under {@code dataDirectory}. New subscriptions
     * receive only what is published after they start, unless {@code extraProperties} set
     * {@code huitong.subscriptions.initial-events} and the context has a published-event log.
     */
    static DeliveryHub start(Path dataDirectory, int port, InMemorySubscriptionDirectory directory,
                             String... extraProperties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DeliveryTestApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(c -> c.getBeanFactory().registerSingleton("subscriptionDirectory", directory))
                .properties("huitong.exchange.broker.data-directory=" + dataDirectory,
                        "huitong.exchange.broker.port=" + port,
                        "huitong.exchange.broker.internal-user=" + INTERNAL_USER,
                        "huitong.exchange.broker.internal-password=" + INTERNAL_PASSWORD,
                        "huitong.subscriptions.initial-events=0",
                        "huitong.exchange.broker.redelivery-delay=200ms")
                .properties(extraProperties)
                .run();
        return new DeliveryHub(context, port, directory);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns an active subscription to all credit licenses of the given division prefixes. */
    static Subscription subscription(String id, String subscriberId, List<String> divisions) {
        return new Subscription(id, subscriberId, RECORD_TYPE, new SubscriptionFilter(divisions, List.of(), null),
                List.of("XK_WSH", "XK_XDR_MC", "registeredCapital", "divisionCode"), List.of(), "testing delivery",
                null, SubscriptionStatus.ACTIVE, null, Instant.parse("2024-03-01T00:00:00Z"));
    }

    /** Returns a license record in the given division, with a personal field and an exact decimal. */
    static OutboundRecord license(String licenseNumber, String divisionCode) {
        ObjectNode data;
        try {
            data = (ObjectNode) EXACT_JSON.readTree("""
                    {"XK_WSH": "%s", "XK_XDR_MC": "兰州示例商贸有限公司",
                     "registeredCapital": 12345678901234567.8900, "feeRate": 0.00000010,
                     "divisionCode": "%s"}
                    """.formatted(licenseNumber, divisionCode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new OutboundRecord(RECORD_TYPE, "https://schemas.huitong.example/credit/license/1.0.json",
                licenseNumber, 1, "0".repeat(64), data, "SCJGJ", "scjg-xk-csv", 42L, "许可.csv", 1, 1);
    }

    /** Stores the subscription and announces the change as the directory's owner would. */
    void change(Subscription subscription) {
        directory.put(subscription);
        context.publishEvent(new SubscriptionChanged(subscription));
    }

    void revoke(String subscriptionId) {
        Subscription current = directory.find(subscriptionId).orElseThrow();
        change(new Subscription(current.id(), current.subscriberId(), current.recordType(), current.filter(),
                current.fields(), current.clearFields(), current.purpose(), current.providerDepartment(),
                SubscriptionStatus.REVOKED, current.webhook(), current.createdAt()));
    }

    void publish(OutboundRecord... records) throws PublishException {
        context.getBean(ExchangePublisher.class).publish(List.of(records));
    }

    ActiveMQServer server() {
        return context.getBean(EmbeddedActiveMQ.class).getActiveMQServer();
    }

    boolean queueExists(String name) {
        return server().locateQueue(SimpleString.of(name)) != null;
    }

    SubscriptionDelivery delivery() {
        return context.getBean(SubscriptionDelivery.class);
    }

    MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    String coreUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    String amqpUrl() {
        return "amqp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
