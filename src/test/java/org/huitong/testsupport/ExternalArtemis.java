package org.huitong.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQBasicSecurityManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * A stand-alone Artemis broker for tests of the {@code external-broker} profile, configured from
 * the shipped {@code docker/artemis/broker.xml} with the basic security manager that the
 * operations guide requires. Only the acceptor (loopback, a free port) and the data directory
 * differ from what an operator deploys. It shares nothing with the hub: the hub reaches it over
 * TCP with the hub's broker user, like a broker on another machine.
 */
public final class ExternalArtemis implements AutoCloseable {

    /** The hub's broker user, the bootstrap user of the basic security manager. */
    public static final String HUB_USER = "huitong-hub";

    public static final String HUB_PASSWORD = "external-hub-password";

    private final EmbeddedActiveMQ broker;
    private final int port;

    /** The temporary directory that {@link #start()} created and {@link #close()} deletes, or null. */
    private Path temporaryDirectory;

    private ExternalArtemis(EmbeddedActiveMQ broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /**
     * Starts a broker with its data in a new temporary directory. {@link #close()} deletes the
     * directory, and so does the end of the JVM for a broker that test classes keep in a static
     * field and never close.
     */
    public static ExternalArtemis start() {
        try {
            Path directory = Files.createTempDirectory("external-artemis");
            ExternalArtemis started = start(directory);
            started.temporaryDirectory = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "external-artemis-cleanup"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExternalArtemis start(Path instanceDirectory) {
        return start(instanceDirectory, freePort());
    }

    /** Starts a broker that accepts clients on {@code port} of the loopback address. */
    public static ExternalArtemis start(Path instanceDirectory, int port) {
        try {
            FileConfiguration configuration = new FileConfiguration();
            FileDeploymentManager deployment = new FileDeploymentManager(
                    Path.of("docker/artemis/broker.xml").toAbsolutePath().toUri().toString());
            deployment.addDeployable(configuration);
            deployment.readConfiguration();
            configuration.setBrokerInstance(instanceDirectory.toFile());
            configuration.getAcceptorConfigurations().clear();
            configuration.addAcceptorConfiguration("test", "tcp://127.0.0.1:" + port
                    + "?protocols=CORE,AMQP,STOMP,MQTT");

            ActiveMQBasicSecurityManager security = new ActiveMQBasicSecurityManager().init(Map.of(
                    "bootstrapUser", HUB_USER, "bootstrapPassword", HUB_PASSWORD, "bootstrapRole", HUB_USER));
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
            broker.setConfiguration(configuration);
            broker.setSecurityManager(security);
            broker.start();
            return new ExternalArtemis(broker, port);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the external test broker from docker/artemis/broker.xml", e);
        }
    }

    public int port() {
        return port;
    }

    /** Returns the CORE URL without credentials, for the hub's {@code HUITONG_BROKER_URL}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Points a hub with the {@code external-broker} profile at this broker, as its hub user. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("HUITONG_BROKER_URL", this::url);
        registry.add("HUITONG_BROKER_USER", () -> HUB_USER);
        registry.add("HUITONG_BROKER_PASSWORD", () -> HUB_PASSWORD);
    }

    public ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public synchronized void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the external test broker", e);
        }
        if (temporaryDirectory != null) {
            try {
                FileSystemUtils.deleteRecursively(temporaryDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the external test broker's directory " + temporaryDirectory, e);
            }
            temporaryDirectory = null;
        }
    }

    /** Closes the broker at the JVM's end, printing a failure because no test can report it then. */
    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("External test broker: " + e.getMessage());
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
