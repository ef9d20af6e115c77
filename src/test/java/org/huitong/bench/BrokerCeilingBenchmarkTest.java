package org.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.exchange.EmbeddedBrokerCustomizer;
import org.huitong.exchange.ExchangeProperties;
import org.huitong.exchange.ProducerWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Measures how fast the embedded broker alone stores messages with the hub's settings, as the
 * upper limit of any publishing through it on this machine. No hub runs: one in-VM producer sends
 * N prepared text messages of {@value #BODY_CHARS} characters (about the size of a 行政许可
 * CloudEvent) to {@code exchange.credit.license} in transactions of 500 and with the hub's
 * producer window, as the pipeline does.
 *
 * <p>Three cases, each on a new broker with its own journal:
 * <ol>
 *   <li>the hub's settings: a duplicate-detection id on every message, and a durable
 *       subscription without a consumer, so the broker stores (and soon pages) every message;
 *   <li>the same without duplicate-detection ids;
 *   <li>no subscription, so the broker stores nothing.
 * </ol>
 *
 * <p>A shorter run with the hub's settings comes first and is not reported, so that the JIT
 * compiler has warmed up for every case. The rate counts the sends and commits; CPU is the whole process's CPU time per message,
 * broker threads included. Only message counts are asserted. The normal test run uses a small N;
 * {@code ./mvnw test -Pbenchmark -Dbench.tests=BrokerCeilingBenchmarkTest} sends 200,000 per case
 * (see docs/benchmarks.md).
 */
class BrokerCeilingBenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("bench.broker.messages", 2_000);

    private static final int BODY_CHARS = 1_200;

    /**
     * In-VM acceptor of the measured broker. Spring Boot numbers the embedded brokers of the hub
     * contexts that other tests leave cached in this JVM from 0 upwards, so this one uses an id far above them.
     */
    private static final String IN_VM_URL = "vm://90417";

    private static final int CHUNK = 500;

    private static final String ADDRESS = "exchange.credit.license";

    @TempDir
    Path directory;

    private record Case(String name, boolean duplicateIds, boolean subscription) {
    }

    private record Result(Case setup, double perSecond, double cpuMicrosPerMessage, long stored) {
    }

    /**
     * Sets the log levels that the hub's application.yml sets, because no Spring Boot runs here
     * to apply them. Logback's fallback logs everything from DEBUG, and Artemis' message audit
     * logger then writes two lines per message, which took a third of the CPU.
     */
    @BeforeAll
    static void hubLogLevels() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.apache.activemq.audit")).setLevel(Level.WARN);
    }

    @Test
    void measureBrokerAlone() throws Exception {
        List<Case> cases = List.of(
                new Case("hub settings (duplicate ids, stored)", true, true),
                new Case("without duplicate ids", false, true),
                new Case("nothing stored (no subscription)", true, false));
        // A first run of the hub's settings, not reported, so that the first case does not pay the JIT warm-up.
        run(cases.get(0), Files.createDirectories(directory.resolve("warm-up")), MESSAGES / 4);
        List<Result> results = new ArrayList<>();
        for (Case setup : cases) {
            Result result = run(setup, Files.createDirectories(directory.resolve("case-" + results.size())), MESSAGES);
            assertThat(result.stored()).as("messages stored in case '%s'", setup.name())
                    .isEqualTo(setup.subscription() ? MESSAGES : 0);
            results.add(result);
        }
        report(results);
    }

    private static Result run(Case setup, Path dataDirectory, int messages) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(dataDirectory));
        broker.start();
        try {
            broker.getActiveMQServer().addAddressInfo(new AddressInfo(SimpleString.of(ADDRESS), RoutingType.MULTICAST));
            if (setup.subscription()) {
                broker.getActiveMQServer().createQueue(QueueConfiguration.of("bench").setAddress(ADDRESS)
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            send(setup, messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (os.getProcessCpuTime() - cpuBefore) / 1e3 / messages;
            var queue = broker.getActiveMQServer().locateQueue(SimpleString.of("bench"));
            long stored = 0;
            if (queue != null) {
                // The broker updates the count just after the commit returns.
                await().atMost(Duration.ofSeconds(30)).until(() -> queue.getMessageCount() >= messages);
                stored = queue.getMessageCount();
            }
            return new Result(setup, messages / seconds, cpuMicros, stored);
        } finally {
            broker.stop();
        }
    }

    /** Returns the hub's embedded-broker settings with an in-VM acceptor and security off. */
    private static ConfigurationImpl configuration(Path dataDirectory) {
        ConfigurationImpl configuration = new ConfigurationImpl();
        try {
            configuration.addAcceptorConfiguration("in-vm", IN_VM_URL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new EmbeddedBrokerCustomizer(new ExchangeProperties().getBroker(), dataDirectory).customize(configuration);
        configuration.setSecurityEnabled(false);
        return configuration;
    }

    private static void send(Case setup, int messages) throws Exception {
        String body = "x".repeat(BODY_CHARS);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                IN_VM_URL + "?producerWindowSize=" + ProducerWindow.BYTES);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(null)) {
            Topic topic = session.createTopic(ADDRESS);
            for (int i = 1; i <= messages; i++) {
                TextMessage message = session.createTextMessage(body);
                if (setup.duplicateIds()) {
                    message.setStringProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), UUID.randomUUID().toString());
                }
                producer.send(topic, message);
                if (i % CHUNK == 0) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    private static void report(List<Result> results) throws Exception {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Broker ceiling: %d messages of %d characters per case, transactions of %d, %d processors%n",
                MESSAGES, BODY_CHARS, CHUNK, Runtime.getRuntime().availableProcessors()));
        for (Result result : results) {
            text.append(String.format(Locale.ROOT, "  %-40s: %,8.0f messages/s, %,5.0f µs CPU per message%n",
                    result.setup().name(), result.perSecond(), result.cpuMicrosPerMessage()));
        }
        System.out.print(text);
        Files.writeString(Path.of("target", "benchmark-broker.txt"), text);
    }
}
