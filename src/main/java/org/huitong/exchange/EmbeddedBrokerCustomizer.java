package org.huitong.exchange;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.ServiceLoader;
import java.util.Set;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.protocol.ProtocolManagerFactory;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.util.unit.DataSize;

/**
 * Makes Spring Boot's embedded Artemis broker durable and reachable by subscribers.
 *
 * <p>Spring Boot's embedded broker keeps its journal in a temporary folder and is not
 * persistent by default, so a restart would lose every queued message. This customizer turns
 * persistence on, stores all data under one data directory, turns security on, declares a
 * network acceptor next to the in-VM one that the hub itself uses, and sets redelivery,
 * dead-letter, expiry, paging and duplicate-detection rules.
 *
 * <p>The network acceptor does not start with the broker: {@code BrokerSecurityInstaller}
 * starts it once the MQTT subscribe guard is registered, so no network client connects to a
 * broker without it.
 */
public class EmbeddedBrokerCustomizer implements ArtemisConfigurationCustomizer {

    /** Address that receives messages whose delivery attempts ran out. */
    public static final String DEAD_LETTER_ADDRESS = "DLQ";

    /** Address that receives messages whose time to live ran out. */
    public static final String EXPIRY_ADDRESS = "ExpiryQueue";

    /** Name of the network acceptor in the broker configuration. */
    public static final String ACCEPTOR_NAME = "huitong-network";

    private static final long MIN_PAGE_SIZE = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerCustomizer.class);

    private final ExchangeProperties.Broker properties;
    private final Path dataDirectory;

    /**
     * @param dataDirectory directory that contains the journal, bindings, paging and
     *     large-message folders
     */
    public EmbeddedBrokerCustomizer(ExchangeProperties.Broker properties, Path dataDirectory) {
        this.properties = properties;
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    @Override
    public void customize(Configuration configuration) {
        enablePersistence(configuration);

        // Who may do what is decided by HubBrokerSecurityManager, which ignores role settings.
        configuration.setSecurityEnabled(true);
        // Artemis 2.40 keys its authentication cache by user name and password only, so a
        // network client without credentials would reuse the hub's trusted in-VM login.
        configuration.setAuthenticationCacheSize(0);
        addNetworkAcceptor(configuration);

        configuration.addAddressSetting("#", deliverySettings(configuration.getAddressSettings().get("#")));
        configuration.addAddressSetting(ExchangeAddress.PREFIX + "#", exchangeSettings());
        configuration.addAddressSetting(FeedQueues.FEED_PREFIX + "#", feedSettings());

        configuration.setIDCacheSize(properties.getDuplicateIdCacheSize());
        configuration.setGlobalMaxSize(globalMaxSize(properties.getGlobalMaxSize(), Runtime.getRuntime().maxMemory()));
        configuration.setPersistIDCache(true);
    }

    /**
     * Returns the configured global limit, or a quarter of {@code maxHeap}. With Artemis' default,
     * half of the heap, the 512 MB ingest benchmark spent about a tenth of its time in garbage
     * collection pauses, and a quarter made it about 15% faster (docs/benchmarks.md).
     */
    static long globalMaxSize(DataSize configured, long maxHeap) {
        return configured != null ? configured.toBytes() : maxHeap / 4;
    }

    private void enablePersistence(Configuration configuration) {
        configuration.setPersistenceEnabled(true);

        // NIO works on every file system, but the AIO journal needs libaio and O_DIRECT support.
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(dataDirectory.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        configuration.setPagingDirectory(dataDirectory.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(dataDirectory.resolve("largemessages").toString());

        log.info("Embedded broker stores its data in {}", dataDirectory);
    }

    private void addNetworkAcceptor(Configuration configuration) {
        String protocols = String.join(",", availableProtocols());
        String uri = "tcp://" + properties.getHost() + ":" + properties.getPort() + "?protocols=" + protocols
                + "&autoStart=false";

        try {
            configuration.addAcceptorConfiguration(ACCEPTOR_NAME, uri);
        } catch (Exception e) {
            throw new IllegalStateException("Invalid broker acceptor " + uri
                    + ": check huitong.exchange.broker.host and port", e);
        }

        log.info("Embedded broker will accept {} on {}:{}", protocols, properties.getHost(), properties.getPort());
    }

    /**
     * Returns CORE plus every protocol whose Artemis module is on the class path (AMQP with
     * {@code artemis-amqp-protocol}; STOMP, MQTT and OpenWire only when their modules are added).
     */
    static Set<String> availableProtocols() {
        Set<String> protocols = new LinkedHashSet<>();
        protocols.add("CORE");

        for (ProtocolManagerFactory<?> factory : ServiceLoader.load(ProtocolManagerFactory.class)) {
            protocols.addAll(Set.of(factory.getProtocols()));
        }
        return protocols;
    }

    /**
     * Returns the settings for every address. The redelivery delay grows up to a maximum, so a
     * failing consumer does not retry in a tight loop. The dead-letter address keeps a message
     * after its last delivery attempt, which the broker would otherwise drop.
     */
    private AddressSettings deliverySettings(AddressSettings existing) {
        AddressSettings settings = existing != null ? existing : new AddressSettings();

        settings.setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS));
        settings.setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS));
        settings.setRedeliveryDelay(properties.getRedeliveryDelay().toMillis());
        settings.setRedeliveryMultiplier(properties.getRedeliveryMultiplier());
        settings.setMaxRedeliveryDelay(properties.getMaxRedeliveryDelay().toMillis());
        settings.setMaxDeliveryAttempts(properties.getMaxDeliveryAttempts());
        return settings;
    }

    /**
     * Returns the settings for {@code exchange.#}. The broker pages to disk instead of blocking
     * publishers when subscribers fall behind. It does not create addresses on demand, because
     * an address created by a send has no subscribers and its messages would be dropped.
     *
     * <p>Artemis' retroactive addresses stay off: they copied every message once more, and
     * publishing through the hub ran about a fifth slower with them. A new subscription gets
     * recent events from the published-event log instead.
     */
    private AddressSettings exchangeSettings() {
        return new AddressSettings()
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(properties.getExchangeMaxSize().toBytes())
                .setPageSizeBytes(pageSizeBytes())
                .setAutoCreateAddresses(false)
                .setIDCacheSize(properties.getDuplicateIdCacheSize());
    }

    /**
     * Returns the settings for {@code feeds.#}, the subscribers' queues that the hub fills. The
     * queue of a subscriber that falls behind pages to disk instead of blocking the relay, and
     * with it publishing and other subscriptions. Only the hub creates these addresses and queues.
     */
    private AddressSettings feedSettings() {
        return new AddressSettings()
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(properties.getFeedMaxSize().toBytes())
                .setPageSizeBytes(pageSizeBytes())
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false);
    }

    /**
     * Returns the page size of the exchange and feed addresses. Artemis takes an int, and below
     * 64KB the broker would start a new file every few messages.
     */
    int pageSizeBytes() {
        long bytes = properties.getPageSize().toBytes();
        if (bytes < MIN_PAGE_SIZE || bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("Invalid huitong.exchange.broker.page-size " + properties.getPageSize()
                    + ": set it between 64KB and 2047MB, for example 2MB");
        }
        return (int) bytes;
    }
}
