package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * A Paho consumer whose connection is lost between CONNECT and SUBSCRIBE fails its route's start
 * and, in camel-paho 4.17, keeps reconnecting after the route is removed. Retiring the route's
 * socket factory stops those reconnects from reaching the broker.
 */
class RetiringSocketFactoriesTest {

    private static final long OBSERVE_MILLIS = 4_000;

    /**
     * An MQTT server on loopback that accepts CONNECT and closes the connection on the next
     * packet, as Moquette 0.17 sometimes does when SUBSCRIBE follows CONNECT closely. It counts
     * connections.
     */
    private static final class ClosingServer implements AutoCloseable {

        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();

        ClosingServer() throws IOException {
            Thread acceptor = new Thread(this::acceptAll, "closing-mqtt-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    connections.incrementAndGet();
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    skipPacket(in);
                    client.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x00});
                    client.getOutputStream().flush();
                    skipPacket(in);
                } catch (IOException e) {
                    // The client closed first, or the server is shutting down.
                }
            }
        }

        /** Reads one MQTT packet: a fixed header byte, a variable-length size and the body. */
        private static void skipPacket(DataInputStream in) throws IOException {
            in.readUnsignedByte();
            int length = 0;
            int multiplier = 1;
            int digit;
            do {
                digit = in.readUnsignedByte();
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            in.readFully(new byte[length]);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Adds a route whose start fails because the server closes the connection, then removes it. */
    private static void failedRoute(CamelContext camel, ClosingServer server, String socketFactory)
            throws Exception {
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paho:it/leftover/+?brokerUrl=" + server.url() + "&clientId=leftover"
                        + "&cleanSession=false&automaticReconnect=true&maxReconnectDelay=200&qos=1"
                        + "&socketFactory=#" + socketFactory)
                        .routeId("leftover").to("log:leftover?level=DEBUG");
            }
        })).isNotNull();
        camel.getRouteController().stopRoute("leftover");
        camel.removeRoute("leftover");
    }

    @Test
    void leftoverClientReconnectsWhileFactoryActive() throws Exception {
        try (ClosingServer server = new ClosingServer(); CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            RetiringSocketFactories factories = new RetiringSocketFactories(camel);
            failedRoute(camel, server, factories.register("c1", false));
            int afterRemoval = server.connections.get();

            Thread.sleep(OBSERVE_MILLIS);

            assertThat(server.connections.get()).isGreaterThan(afterRemoval);
            factories.retire("c1");
        }
    }

    @Test
    void retiredFactoryStopsReconnects() throws Exception {
        try (ClosingServer server = new ClosingServer(); CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            RetiringSocketFactories factories = new RetiringSocketFactories(camel);
            failedRoute(camel, server, factories.register("c1", false));

            factories.retire("c1");
            int afterRetire = server.connections.get();
            Thread.sleep(OBSERVE_MILLIS);

            assertThat(server.connections.get()).isEqualTo(afterRetire);
        }
    }

    @Test
    void newFactoryOfSameConnectorStillConnects() throws Exception {
        try (ClosingServer server = new ClosingServer(); CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            RetiringSocketFactories factories = new RetiringSocketFactories(camel);
            failedRoute(camel, server, factories.register("c1", false));
            factories.retire("c1");
            int afterRetire = server.connections.get();

            failedRoute(camel, server, factories.register("c1", false));

            assertThat(server.connections.get()).isGreaterThan(afterRetire);
            factories.retire("c1");
        }
    }
}
