package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jakarta.jms.Connection;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.util.unit.DataSize;

class EmbeddedBrokerTest {

    @TempDir
    static Path dataDirectory;

    static EmbeddedExchange exchange;

    @BeforeAll
    static void startBroker() {
        exchange = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort(),
                "huitong.exchange.broker.max-delivery-attempts=7",
                "huitong.exchange.broker.exchange-max-size=8MB",
                "huitong.exchange.broker.page-size=1MB",
                "huitong.exchange.broker.global-max-size=96MB");
    }

    @AfterAll
    static void stopBroker() {
        exchange.close();
    }

    @Test
    void persistsUnderDataDirectory() {
        Configuration configuration = exchange.server().getConfiguration();

        assertThat(configuration.isPersistenceEnabled()).isTrue();
        assertThat(configuration.isPersistIDCache()).isTrue();
        assertThat(configuration.getJournalLocation().toPath()).isEqualTo(dataDirectory.resolve("journal"));
        assertThat(configuration.getBindingsLocation().toPath()).isEqualTo(dataDirectory.resolve("bindings"));
        assertThat(configuration.getPagingLocation().toPath()).isEqualTo(dataDirectory.resolve("paging"));
        assertThat(configuration.getLargeMessagesLocation().toPath()).isEqualTo(dataDirectory.resolve("largemessages"));
        assertThat(dataDirectory.resolve("journal")).isDirectory();
    }

    @Test
    void globalMaxSizeConfigured() {
        assertThat(exchange.server().getConfiguration().getGlobalMaxSize()).isEqualTo(96L * 1024 * 1024);
    }

    @Test
    void globalMaxSizeDefaultsToQuarterOfHeap() {
        assertThat(EmbeddedBrokerCustomizer.globalMaxSize(null, 512L << 20)).isEqualTo(128L << 20);
        assertThat(EmbeddedBrokerCustomizer.globalMaxSize(DataSize.ofMegabytes(40), 512L << 20)).isEqualTo(40L << 20);
    }

    @Test
    void exchangeAddressesHaveDeliveryAndPagingSettings() {
        AddressSettings settings = exchange.server().getAddressSettingsRepository().getMatch("exchange.credit.license");

        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(settings.getExpiryAddress().toString()).isEqualTo("ExpiryQueue");
        assertThat(settings.getRedeliveryDelay()).isEqualTo(1000L);
        assertThat(settings.getRedeliveryMultiplier()).isEqualTo(2.0);
        assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(300_000L);
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(7);
        assertThat(settings.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.PAGE);
        assertThat(settings.getMaxSizeBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(settings.getPageSizeBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.isAutoCreateAddresses()).isFalse();
        assertThat(settings.getIDCacheSize()).isEqualTo(50_000);
    }

    @Test
    void feedAddressesUseSamePageSize() {
        AddressSettings settings = exchange.server().getAddressSettingsRepository()
                .getMatch(FeedQueues.FEED_PREFIX + "sub-1");

        assertThat(settings.getPageSizeBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void pageSizeOutOfRangeRejected() {
        ExchangeProperties.Broker broker = new ExchangeProperties.Broker();
        broker.setPageSize(DataSize.ofKilobytes(4));
        EmbeddedBrokerCustomizer customizer = new EmbeddedBrokerCustomizer(broker, dataDirectory);

        assertThatThrownBy(customizer::pageSizeBytes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("huitong.exchange.broker.page-size")
                .hasMessageContaining("2MB");

        broker.setPageSize(DataSize.ofGigabytes(4));
        assertThatThrownBy(customizer::pageSizeBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherAddressesHaveDeadLetterAndRedeliveryDelay() {
        AddressSettings settings = exchange.server().getAddressSettingsRepository().getMatch("orders.incoming");

        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(settings.getExpiryAddress().toString()).isEqualTo("ExpiryQueue");
        assertThat(settings.getRedeliveryDelay()).isEqualTo(1000L);
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(7);
    }

    @Test
    void deadLetterAndExpiryQueuesExist() throws Exception {
        ActiveMQServer server = exchange.server();

        assertThat(server.locateQueue("DLQ")).isNotNull();
        assertThat(server.locateQueue("ExpiryQueue")).isNotNull();
    }

    @Test
    void declaresMulticastAddressPerRecordType() {
        for (String recordType : new ExchangeProperties().getRecordTypes()) {
            AddressInfo address = exchange.server().getAddressInfo(SimpleString.of("exchange." + recordType));

            assertThat(address).as(recordType).isNotNull();
            assertThat(address.getRoutingTypes()).as(recordType).containsExactly(RoutingType.MULTICAST);
        }
    }

    @Test
    void acceptorSpeaksFourProtocols() {
        TransportConfiguration acceptor = exchange.server().getConfiguration().getAcceptorConfigurations().stream()
                .filter(configuration -> EmbeddedBrokerCustomizer.ACCEPTOR_NAME.equals(configuration.getName()))
                .findFirst()
                .orElseThrow();

        assertThat(acceptor.getParams()).containsEntry("host", "127.0.0.1");
        assertThat(acceptor.getParams()).containsEntry("port", String.valueOf(exchange.port));
        assertThat(acceptor.getParams().get("protocols").toString().split(","))
                .containsExactlyInAnyOrder("CORE", "AMQP", "STOMP", "MQTT");
    }

    @Test
    void acceptsCoreClient() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(exchange.coreUrl()).createConnection()) {
            connection.start();

            assertThat(connection.getMetaData().getJMSProviderName()).isEqualTo("ActiveMQ");
        }
    }

    @Test
    void acceptsAmqpClient() throws Exception {
        try (Connection connection = new JmsConnectionFactory(exchange.amqpUrl()).createConnection()) {
            connection.start();

            assertThat(connection.getMetaData().getJMSProviderName()).isEqualTo("QpidJMS");
        }
    }

    @Test
    void hubConnectsThroughInVmConnector() {
        CachingConnectionFactory caching = exchange.context.getBean(CachingConnectionFactory.class);
        ActiveMQConnectionFactory target = (ActiveMQConnectionFactory) caching.getTargetConnectionFactory();

        assertThat(target.getStaticConnectors()).hasSize(1);
        assertThat(target.getStaticConnectors()[0].getFactoryClassName()).isEqualTo(InVMConnectorFactory.class.getName());
    }
}
