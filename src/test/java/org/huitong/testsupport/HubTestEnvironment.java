package org.huitong.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A whole hub's folders for one test class: a fresh data directory (database, broker journal,
 * inboxes), the repository's connector descriptors with fast polling, the route templates plus
 * the test-only ones of {@code src/test/resources/test-routes}, and a free broker port. Descriptor
 * files are reloaded and connector states observed every 0.3 seconds.
 */
public final class HubTestEnvironment {

    /** Poll delay and read-lock age given to every connector in tests, in milliseconds. */
    public static final String FAST_POLL_MS = "200";

    /** User name of the broker's internal account in tests. */
    public static final String BROKER_USER = "hub-test";

    /** Password of the broker's internal account in tests. */
    public static final String BROKER_PASSWORD = "hub-test-password";

    private final Path root;
    private final Path dataDir;
    private final Path connectorsDir;
    private final Path routesDir;
    private final int brokerPort;

    private HubTestEnvironment(Path root) throws IOException {
        this.root = root;
        this.dataDir = Files.createDirectories(root.resolve("data"));
        this.connectorsDir = Files.createDirectories(root.resolve("connectors"));
        this.routesDir = Files.createDirectories(root.resolve("routes"));
        this.brokerPort = freePort();
        copyDescriptorsWithFastPolling(Path.of("connectors"), connectorsDir);
        copyFiles(Path.of("routes"), routesDir);
        copyFiles(Path.of("src/test/resources/test-routes"), routesDir);
    }

    /** Creates the folders under a new temporary directory. */
    public static HubTestEnvironment create() {
        try {
            return new HubTestEnvironment(Files.createTempDirectory("huitong-hub-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the folders under {@code root}, for example a JUnit {@code @TempDir} that JUnit deletes. */
    public static HubTestEnvironment create(Path root) {
        try {
            return new HubTestEnvironment(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the hub at these folders and this broker port; no samples are fed. */
    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * Returns the properties that {@link #register} sets, for a hub started with
     * {@code SpringApplicationBuilder}.
     */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("huitong.data-dir", dataDir.toString());
        properties.put("huitong.connectors.descriptor-dir", connectorsDir.toString());
        properties.put("huitong.exchange.broker.port", brokerPort);
        properties.put("huitong.exchange.broker.internal-user", BROKER_USER);
        properties.put("huitong.exchange.broker.internal-password", BROKER_PASSWORD);
        properties.put("huitong.samples.feed-on-first-run", "false");
        properties.put("huitong.routes-dir", routesDir.toString());
        // Sources started by tests listen on loopback; a test may override the allowlist.
        properties.put("huitong.sources.allowed-hosts", "127.0.0.1");
        properties.put("huitong.connectors.reload-interval", "PT0.3S");
        properties.put("huitong.connectors.monitor-interval", "PT0.3S");
        return properties;
    }

    /**
     * Sets {@code options.chunkSize} in the copied descriptor of a connector. Call it before the
     * hub starts, or the change is applied by the next reload of descriptor files.
     */
    public void setChunkSize(String connectorId, int chunkSize) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path file = connectorsDir.resolve(connectorId + ".yaml");
        try {
            ObjectNode descriptor = (ObjectNode) yaml.readTree(file.toFile());
            descriptor.with("options").put("chunkSize", chunkSize);
            yaml.writeValue(file.toFile(), descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite descriptor " + file, e);
        }
    }

    public Path connectorsDir() {
        return connectorsDir;
    }

    public Path root() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** Returns the CORE URL of the hub's broker, logged in as the internal account. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort + "?user=" + BROKER_USER + "&password=" + BROKER_PASSWORD;
    }

    /** Returns the AMQP URL of the hub's broker for Qpid JMS, logged in as the internal account. */
    public String amqpUrl() {
        return "amqp://127.0.0.1:" + brokerPort + "?jms.username=" + BROKER_USER + "&jms.password=" + BROKER_PASSWORD;
    }

    public Path inbox(String connectorId) {
        return dataDir.resolve("inbox").resolve(connectorId);
    }

    /**
     * Delivers {@code file} to the connector's inbox as a department should: copied under a
     * temporary name, then renamed.
     */
    public Path drop(String connectorId, Path file, String name) {
        try {
            Path inbox = Files.createDirectories(inbox(connectorId));
            Path temporary = inbox.resolve(name + ".part");
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the done-file marker of a delivered file. */
    public void markDone(String connectorId, String name) {
        try {
            Files.createFile(inbox(connectorId).resolve(name + ".done"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copyDescriptorsWithFastPolling(Path from, Path to) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                ObjectNode descriptor = (ObjectNode) yaml.readTree(file.toFile());
                ObjectNode parameters = descriptor.with("source").with("parameters");
                parameters.put("pollDelayMs", FAST_POLL_MS);
                parameters.put("readLockMinAgeMs", FAST_POLL_MS);
                yaml.writeValue(to.resolve(file.getFileName()).toFile(), descriptor);
            }
        }
    }
}
