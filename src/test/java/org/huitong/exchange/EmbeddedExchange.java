package org.huitong.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.jms.JmsHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A narrow Spring context with only the embedded broker, the JMS connection factory, the JMS
 * health indicator and the exchange configuration. Each test gives it a data directory and a
 * port of its own, so tests running at the same time on the machine do not clash.
 */
final class EmbeddedExchange implements AutoCloseable {

    /** User name of the broker's internal account in these tests. */
    static final String INTERNAL_USER = "exchange-test";

    /** Password of the broker's internal account in these tests. */
    static final String INTERNAL_PASSWORD = "exchange-test-password";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ArtemisAutoConfiguration.class, JmsAutoConfiguration.class,
            JmsHealthContributorAutoConfiguration.class})
    @Import(ExchangeConfiguration.class)
    static class ExchangeTestApplication {
    }

    final ConfigurableApplicationContext context;
    final int port;

    private EmbeddedExchange(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts a hub context whose broker stores its data under {@code dataDirectory}. */
    static EmbeddedExchange start(Path dataDirectory, int port, String... extraProperties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("huitong.exchange.broker.data-directory=" + dataDirectory,
                        "huitong.exchange.broker.port=" + port,
                        "huitong.exchange.broker.internal-user=" + INTERNAL_USER,
                        "huitong.exchange.broker.internal-password=" + INTERNAL_PASSWORD,
                        "huitong.exchange.broker.redelivery-delay=1s")
                .properties(extraProperties)
                .run();
        return new EmbeddedExchange(context, port);
    }

    /**
     * Starts a hub context with the {@code external-broker} profile, connected to the broker at
     * {@code brokerUrl} instead of an embedded one.
     */
    static ConfigurableApplicationContext startWithExternalBroker(String brokerUrl) {
        return new SpringApplicationBuilder(ExchangeTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("external-broker")
                .properties("HUITONG_BROKER_URL=" + brokerUrl,
                        "HUITONG_BROKER_USER=" + INTERNAL_USER,
                        "HUITONG_BROKER_PASSWORD=" + INTERNAL_PASSWORD)
                .run();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ActiveMQServer server() {
        return context.getBean(EmbeddedActiveMQ.class).getActiveMQServer();
    }

    ExchangePublisher publisher() {
        return context.getBean(ExchangePublisher.class);
    }

    /** Returns the CORE URL of the broker, logged in as the internal account. */
    String coreUrl() {
        return "tcp://127.0.0.1:" + port + "?user=" + INTERNAL_USER + "&password=" + INTERNAL_PASSWORD;
    }

    /** Returns the AMQP URL of the broker for Qpid JMS, logged in as the internal account. */
    String amqpUrl() {
        return "amqp://127.0.0.1:" + port + "?jms.username=" + INTERNAL_USER + "&jms.password=" + INTERNAL_PASSWORD;
    }

    /** Returns the CORE URL of the broker without credentials. */
    String anonymousCoreUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
