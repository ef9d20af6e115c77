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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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

    /** Marks a temporary hub directory with the process id of the JVM that created it. */
    private static final String OWNER_FILE = "owner.pid";

    /**
     * Creates the folders under a new temporary directory, first deleting the directories that
     * earlier test JVMs left behind. A hub's journal, paging files and database take gigabytes in
     * a benchmark, and the embedded broker blocks every producer once the disk is 90% full. A JVM
     * cannot delete its own directory on exit: the cached Spring contexts are still closing then.
     */
    public static HubTestEnvironment create() {
        try {
            Path root = Files.createTempDirectory("huitong-hub-");
            deleteAbandoned(root.getParent());
            Files.writeString(root.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return new HubTestEnvironment(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the hub directories whose owner process is no longer running. */
    private static void deleteAbandoned(Path tempDir) throws IOException {
        try (Stream<Path> dirs = Files.list(tempDir)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith("huitong-hub-"))
                    .filter(HubTestEnvironment::ownerExited)
                    .forEach(HubTestEnvironment::deleteQuietly);
        }
    }

    private static boolean ownerExited(Path dir) {
        Path owner = dir.resolve(OWNER_FILE);
        try {
            long pid = Long.parseLong(Files.readString(owner).trim());
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            // No owner file: a directory of an older test run, or one whose JVM is writing it now.
            return Files.isDirectory(dir) && olderThanOneDay(dir);
        }
    }

    private static boolean olderThanOneDay(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a directory tree as far as it can. What cannot be deleted stays for a later run. */
    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // The directory stays in the temporary folder.
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
