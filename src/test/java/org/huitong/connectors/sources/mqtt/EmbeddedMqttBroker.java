package org.huitong.connectors.sources.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.huitong.testsupport.HubTestEnvironment;

/** A Moquette MQTT broker on 127.0.0.1 that a test can stop and start again on the same port. */
final class EmbeddedMqttBroker implements AutoCloseable {

    private final int port;
    private Server server;

    private EmbeddedMqttBroker(int port) {
        this.port = port;
    }

    /** Starts a broker on a free port, without persistence and with anonymous clients allowed. */
    static EmbeddedMqttBroker start() {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(HubTestEnvironment.freePort());
        broker.startAgain();
        return broker;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private final Path dataPath = createDataPath();

    private static Path createDataPath() {
        try {
            return Files.createTempDirectory("moquette");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void startAgain() {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", String.valueOf(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("allow_anonymous", "true");
        // Without these, Moquette 0.17 reports to its telemetry collector on the internet and writes an
        // instance id under ./data. Tests make no outbound calls and write only to temporary folders.
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("data_path", dataPath.toString());
        server = new Server();
        try {
            server.startServer(new MemoryConfig(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the client ids connected now; empty while the broker is stopped. */
    synchronized List<String> connectedClientIds() {
        if (server == null) {
            return List.of();
        }
        return server.listConnectedClients().stream().map(client -> client.getClientID()).toList();
    }

    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Publishes each payload with QoS 1 from a short-lived device client, in order. */
    static void publish(String brokerUrl, String topic, String... payloads) throws MqttException {
        MqttClient device = new MqttClient(brokerUrl, "device-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        device.connect(options);
        try {
            for (String payload : payloads) {
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                device.publish(topic, message);
            }
        } finally {
            device.disconnect();
            device.close();
        }
    }
}
