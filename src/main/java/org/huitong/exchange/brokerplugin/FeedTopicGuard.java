package org.huitong.exchange.brokerplugin;

import javax.security.auth.Subject;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.WildcardConfiguration;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTUtil;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects an MQTT SUBSCRIBE of a subscriber unless every topic filter is {@code feeds/<id>} of a
 * feed it may read, and disconnects the client.
 *
 * <p>The broker's authorization alone is not enough for MQTT. In Artemis 2.40 the MQTT
 * subscription code looks up an existing queue by the name {@code <clientId>.<topic>}, or the
 * queue of an anycast address, and when the consumer it then creates is denied, it deletes that
 * queue, with its messages, without any permission check. A client could thus delete another
 * subscriber's feed queue, a relay queue or {@code DLQ} by choosing its client id and topic. This
 * guard runs before the broker handles the packet.
 *
 * <p>NOTE: subscriptions that Artemis restores from a persistent MQTT session when a client
 * reconnects do not pass through interceptors. They were checked when they were made, and the
 * hub deletes a revoked subscription's queue and address, so restoring one fails without
 * deleting anything.
 */
public abstract class FeedTopicGuard implements MQTTInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FeedTopicGuard.class);

    /** Prefix of the MQTT topic of each feed; the broker maps {@code feeds/<id>} to {@code feeds.<id>}. */
    public static final String FEED_TOPIC_PREFIX = "feeds/";

    private static final String FEED_ADDRESS_PREFIX = "feeds.";

    private final ActiveMQServer server;

    protected FeedTopicGuard(ActiveMQServer server) {
        this.server = server;
    }

    /** Returns true for the hub's own connections, which may subscribe to anything. */
    protected abstract boolean isHub(Subject subject);

    /** Returns true when the subject may read the feed address, for example {@code feeds.sub-1}. */
    protected abstract boolean mayRead(Subject subject, String feedAddress);

    /** Names the subject in the log line of a rejected subscription. */
    protected abstract String describe(Subject subject);

    @Override
    public boolean intercept(MqttMessage message, RemotingConnection connection) {
        if (!(message instanceof MqttSubscribeMessage subscribe)) {
            return true;
        }
        Subject subject = connection.getSubject();
        if (subject != null && isHub(subject)) {
            return true;
        }
        for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
            String topic = subscription.topicName();
            if (subject == null || !mayReadTopic(subject, topic, connection.getClientID())) {
                log.warn("Rejected MQTT subscription to '{}' of {} from {} and closed the connection: a subscriber"
                        + " may only subscribe to feeds/<subscription id> of its own active subscriptions",
                        printable(topic), subject == null ? "an anonymous client" : describe(subject),
                        connection.getRemoteAddress());
                return false;
            }
        }
        return true;
    }

    private boolean mayReadTopic(Subject subject, String topic, String clientId) {
        if (!topic.startsWith(FEED_TOPIC_PREFIX) || clientId == null) {
            return false;
        }
        WildcardConfiguration wildcards = server.getConfiguration().getWildcardConfiguration();
        String address = MQTTUtil.getCoreAddressFromMqttTopic(topic, wildcards);
        String subscriptionId = address.substring(Math.min(address.length(), FEED_ADDRESS_PREFIX.length()));

        // The topic must map to exactly one feed address, without wildcards or escaped characters.
        if (!address.equals(FEED_ADDRESS_PREFIX + subscriptionId) || !topic.equals(FEED_TOPIC_PREFIX + subscriptionId)
                || subscriptionId.isEmpty()) {
            return false;
        }
        if (!mayRead(subject, address)) {
            return false;
        }

        // Artemis prefers an existing queue named <clientId>.<address> to the feed queue.
        String clientQueue = MQTTUtil.getCoreQueueFromMqttTopic(topic, clientId, wildcards);
        return server.locateQueue(SimpleString.of(clientQueue)) == null;
    }

    /** Replaces control characters, so a client-chosen name cannot forge log lines. */
    public static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
