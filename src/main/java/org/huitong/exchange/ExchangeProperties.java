package org.huitong.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the central exchange and of the broker embedded in the hub, bound from
 * {@code huitong.exchange.*}.
 *
 * <p>The embedded broker is always persistent: {@link EmbeddedBrokerCustomizer} replaces what
 * Spring Boot derives from {@code spring.artemis.embedded.persistent} and
 * {@code spring.artemis.embedded.data-directory}, so set {@code huitong.exchange.broker.*}
 * instead. With the {@code external-broker} profile none of the broker settings apply, because
 * the hub then connects to a broker that has its own configuration.
 */
@ConfigurationProperties("huitong.exchange")
public class ExchangeProperties {

    /**
     * Record types whose addresses ({@code exchange.<recordType>}) the embedded broker declares
     * at start-up.
     */
    private List<String> recordTypes = new ArrayList<>(List.of(
            "credit.license", "credit.penalty", "elder.person", "elder.institution",
            "elder.service", "elder.alarm"));

    private final Broker broker = new Broker();

    private final EventLog eventLog = new EventLog();

    private final Management management = new Management();

    public List<String> getRecordTypes() {
        return recordTypes;
    }

    public void setRecordTypes(List<String> recordTypes) {
        this.recordTypes = recordTypes;
    }

    public Broker getBroker() {
        return broker;
    }

    public EventLog getEventLog() {
        return eventLog;
    }

    public Management getManagement() {
        return management;
    }

    /**
     * Settings of the broker's management address, through which the hub manages queues, and on
     * an external broker users and permissions.
     */
    public static class Management {

        /** The broker's {@code management-address}; Artemis' default unless the broker changed it. */
        private String address = "activemq.management";

        /** How long the hub waits for the broker's reply to one management request. */
        private Duration timeout = Duration.ofSeconds(10);

        /**
         * The role of the hub's own user on an external broker. The hub gives it every permission
         * on each feed queue next to the subscriber's consume and browse, because the queue's own
         * security settings replace the broker's {@code #} settings.
         */
        private String hubRole = "huitong-hub";

        /**
         * The keeper of the subscribers' users on an external broker: {@code managed}, the hub through
         * the management address (the broker needs Artemis' basic security manager), or
         * {@code operator}, the operator in the broker's own login modules such as LDAP. With
         * {@code operator} the hub issues no broker passwords; each subscriber's broker user must
         * be named after its id and have the role {@code huitong-subscriber-<id>}.
         */
        private SubscriberUsers subscriberUsers = SubscriberUsers.MANAGED;

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public String getHubRole() {
            return hubRole;
        }

        public SubscriberUsers getSubscriberUsers() {
            return subscriberUsers;
        }

        public void setSubscriberUsers(SubscriberUsers subscriberUsers) {
            this.subscriberUsers = subscriberUsers;
        }

        public void setHubRole(String hubRole) {
            this.hubRole = hubRole;
        }
    }

    /** Keepers of the subscribers' users on an external broker. */
    public enum SubscriberUsers {
        MANAGED, OPERATOR
    }

    /** Settings of the published-event log that the catch-up feed reads. */
    public static class EventLog {

        /** How long a published event stays in the log before the scheduled purge deletes it. */
        private Duration retention = Duration.ofDays(90);

        /** Time between the end of one purge and the start of the next. */
        private Duration purgeInterval = Duration.ofHours(1);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }
    }

    /** Settings of the embedded Artemis broker. */
    public static class Broker {

        /**
         * Directory of the journal, bindings, paging and large-message folders. Unset means
         * {@code ${huitong.data-dir}/broker}.
         */
        private String dataDirectory;

        /**
         * Host name or IP address the network acceptor binds to. The default accepts only local
         * clients. Network clients must log in: subscribers with their broker credentials, the
         * hub's own tools with the internal account.
         */
        private String host = "127.0.0.1";

        /**
         * TCP port of the network acceptor, which speaks CORE, AMQP 1.0, STOMP and MQTT on the
         * same port. With 0 the broker binds a free port, which suits tests that run next to a
         * live hub.
         */
        private int port = 61616;

        /**
         * User name of the internal account, which has full rights on the broker over the
         * network. The hub itself connects in-VM and needs no account.
         */
        private String internalUser = "huitong-internal";

        /**
         * Password of the internal account. Empty means a random password that the hub generates
         * at first start and keeps in the file {@code internal-password} of the broker data
         * directory, readable by its owner only.
         */
        private String internalPassword = "";

        /**
         * Memory that the messages of one subscriber's feed queue ({@code feeds.*}) may use before
         * the broker pages further messages to disk.
         */
        private DataSize feedMaxSize = DataSize.ofMegabytes(16);

        /** Delay before the first redelivery of a message that a consumer rolled back. */
        private Duration redeliveryDelay = Duration.ofSeconds(5);

        /** Factor applied to the redelivery delay after each further failed delivery. */
        private double redeliveryMultiplier = 2.0;

        /** Upper bound of the growing redelivery delay. */
        private Duration maxRedeliveryDelay = Duration.ofMinutes(5);

        /** Delivery attempts before the broker moves a message to the {@code DLQ} address. */
        private int maxDeliveryAttempts = 10;

        /**
         * Memory that the messages of one {@code exchange.*} address may use before the broker
         * pages further messages to disk.
         */
        private DataSize exchangeMaxSize = DataSize.ofMegabytes(64);

        /**
         * Size of one page file of the {@code exchange.*} and {@code feeds.*} addresses. The broker
         * keeps the messages of the page it is writing in memory until the page is full, so
         * larger pages keep more messages alive for longer. Artemis' default of 10 MB made the
         * 512 MB ingest benchmark run about twice as many full garbage collections.
         */
        private DataSize pageSize = DataSize.ofMegabytes(2);

        /**
         * Memory that the messages of all addresses together may use before the broker pages every
         * address. Empty means a quarter of the JVM's maximum heap: Artemis' own default of half
         * assumes the broker has the JVM to itself, but here the pipeline and H2 share it.
         */
        private DataSize globalMaxSize;

        /**
         * Number of duplicate-detection ids the broker keeps per address. It has to exceed the
         * number of messages published to one address between a publish and its repetition,
         * otherwise the repeated message is delivered again.
         */
        // NOTE: 50,000 is an estimate that covers several large source files per record type.
        // Raise it if one file may contain more records.
        private int duplicateIdCacheSize = 50_000;

        public String getInternalUser() {
            return internalUser;
        }

        public void setInternalUser(String internalUser) {
            this.internalUser = internalUser;
        }

        public String getInternalPassword() {
            return internalPassword;
        }

        public void setInternalPassword(String internalPassword) {
            this.internalPassword = internalPassword;
        }

        public DataSize getFeedMaxSize() {
            return feedMaxSize;
        }

        public void setFeedMaxSize(DataSize feedMaxSize) {
            this.feedMaxSize = feedMaxSize;
        }

        public String getDataDirectory() {
            return dataDirectory;
        }

        public void setDataDirectory(String dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Duration getRedeliveryDelay() {
            return redeliveryDelay;
        }

        public void setRedeliveryDelay(Duration redeliveryDelay) {
            this.redeliveryDelay = redeliveryDelay;
        }

        public double getRedeliveryMultiplier() {
            return redeliveryMultiplier;
        }

        public void setRedeliveryMultiplier(double redeliveryMultiplier) {
            this.redeliveryMultiplier = redeliveryMultiplier;
        }

        public Duration getMaxRedeliveryDelay() {
            return maxRedeliveryDelay;
        }

        public void setMaxRedeliveryDelay(Duration maxRedeliveryDelay) {
            this.maxRedeliveryDelay = maxRedeliveryDelay;
        }

        public int getMaxDeliveryAttempts() {
            return maxDeliveryAttempts;
        }

        public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
            this.maxDeliveryAttempts = maxDeliveryAttempts;
        }

        public DataSize getGlobalMaxSize() {
            return globalMaxSize;
        }

        public void setGlobalMaxSize(DataSize globalMaxSize) {
            this.globalMaxSize = globalMaxSize;
        }

        public DataSize getExchangeMaxSize() {
            return exchangeMaxSize;
        }

        public void setExchangeMaxSize(DataSize exchangeMaxSize) {
            this.exchangeMaxSize = exchangeMaxSize;
        }

        public DataSize getPageSize() {
            return pageSize;
        }

        public void setPageSize(DataSize pageSize) {
            this.pageSize = pageSize;
        }

        public int getDuplicateIdCacheSize() {
            return duplicateIdCacheSize;
        }

        public void setDuplicateIdCacheSize(int duplicateIdCacheSize) {
            this.duplicateIdCacheSize = duplicateIdCacheSize;
        }
    }
}
