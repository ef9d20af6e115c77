package org.huitong.connectors.sources.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Socket factories for MQTT routes that stop opening connections once their route is removed.
 *
 * <p>camel-paho 4.17 disconnects a consumer's client on stop only while it is connected, and
 * then drops it. When the connection is lost during the route's start, for example because the
 * broker closed it between CONNECT and SUBSCRIBE, that client keeps reconnecting after the route
 * is gone, under the connector's fixed client id. The route built next would then compete with
 * it: the broker drops one of the two clients at each connect, and the connector flaps between
 * RUNNING and DEGRADED. Each route build therefore gets its own factory, and removing the route
 * retires it, so the leftover client's reconnects fail before they reach the broker.
 */
@Component
public class RetiringSocketFactories {

    private final CamelContext camel;
    private final AtomicLong builds = new AtomicLong();
    private final Map<String, List<Retirable>> byConnector = new ConcurrentHashMap<>();

    public RetiringSocketFactories(CamelContext camel) {
        this.camel = camel;
    }

    /** Creates a factory for a new route of the connector and returns its Camel registry name. */
    public String register(String connectorId, boolean tls) {
        Retirable factory = tls ? new RetiringSslSocketFactory() : new RetiringPlainSocketFactory();
        String name = "huitong-mqtt-sockets-" + connectorId + "-" + builds.incrementAndGet();
        camel.getRegistry().bind(name, factory);
        byConnector.computeIfAbsent(connectorId, id -> new CopyOnWriteArrayList<>()).add(factory);
        return name;
    }

    /** Retires every factory of the connector's earlier routes; their clients can no longer connect. */
    public void retire(String connectorId) {
        List<Retirable> factories = byConnector.remove(connectorId);
        if (factories != null) {
            factories.forEach(Retirable::retire);
        }
    }

    private interface Retirable {
        void retire();
    }

    private static IOException retired() {
        return new IOException("The route of this MQTT client was removed; it may not connect again");
    }

    private static final class RetiringPlainSocketFactory extends SocketFactory implements Retirable {

        private final AtomicBoolean retired = new AtomicBoolean();
        private final SocketFactory delegate = SocketFactory.getDefault();

        @Override
        public void retire() {
            retired.set(true);
        }

        private SocketFactory open() throws IOException {
            if (retired.get()) {
                throw retired();
            }
            return delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            return open().createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return open().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return open().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return open().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return open().createSocket(address, port, localAddress, localPort);
        }
    }

    /** The TLS variant: Paho requires an {@link SSLSocketFactory} for {@code ssl://} brokers. */
    private static final class RetiringSslSocketFactory extends SSLSocketFactory implements Retirable {

        private final AtomicBoolean retired = new AtomicBoolean();
        private final SSLSocketFactory delegate = (SSLSocketFactory) SSLSocketFactory.getDefault();

        @Override
        public void retire() {
            retired.set(true);
        }

        private SSLSocketFactory open() throws IOException {
            if (retired.get()) {
                throw retired();
            }
            return delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return open().createSocket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return open().createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return open().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return open().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return open().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return open().createSocket(address, port, localAddress, localPort);
        }
    }
}
