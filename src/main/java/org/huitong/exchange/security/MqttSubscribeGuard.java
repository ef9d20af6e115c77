package org.huitong.exchange.security;

import java.util.Optional;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.WildcardConfiguration;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTUtil;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects an MQTT SUBSCRIBE of a subscriber unless every topic filter is {@code feeds/<id>} for
 * one of its own active subscriptions, and disconnects the client.
 *
 * <p>The broker's authorization alone is not enough for MQTT. In Artemis 2.40 the MQTT
 * subscription code looks up an existing queue by the name {@code <clientId>.<topic>}, or the
 * queue of an anycast address, and when the consumer it then creates is denied, it deletes that
 * queue without any permission check. A client could thus delete another subscriber's feed
 * queue, a relay queue or {@code DLQ} by choosing its client id and topic. This guard runs
 * before the broker handles the packet.
 *
 * <p>NOTE: subscriptions that Artemis restores from a persistent MQTT session when a client
 * reconnects do not pass through interceptors. They were checked when they were made, and the
 * hub deletes a revoked subscription's queue and address, so restoring one fails without
 * deleting anything.
 */
public class MqttSubscribeGuard implements MQTTInterceptor {

    private static final Logger log = LoggerFactory.getLogger(MqttSubscribeGuard.class);

    private static final String FEED_TOPIC_PREFIX = "feeds/";

    private final FeedAccess feedAccess;
    private final ActiveMQServer server;

    public MqttSubscribeGuard(FeedAccess feedAccess, ActiveMQServer server) {
        this.feedAccess = feedAccess;
        this.server = server;
    }

    @Override
    public boolean intercept(MqttMessage message, RemotingConnection connection) {
        if (!(message instanceof MqttSubscribeMessage subscribe)) {
            return true;
        }
        if (BrokerSubjects.isHub(connection.getSubject())) {
            return true;
        }

        Optional<String> subscriberId = BrokerSubjects.subscriberId(connection.getSubject());
        for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
            String topic = subscription.topicName();
            if (subscriberId.isEmpty() || !mayReadTopic(subscriberId.get(), topic, connection.getClientID())) {
                log.warn("Rejected MQTT subscription to '{}' of subscriber {} from {} and closed the connection:"
                        + " a subscriber may only subscribe to feeds/<subscription id> of its own active subscriptions",
                        HubBrokerSecurityManager.printable(topic), subscriberId.orElse("(none)"),
                        connection.getRemoteAddress());
                return false;
            }
        }
        return true;
    }

    private boolean mayReadTopic(String subscriberId, String topic, String clientId) {
        if (!topic.startsWith(FEED_TOPIC_PREFIX) || clientId == null) {
            return false;
        }
        WildcardConfiguration wildcards = server.getConfiguration().getWildcardConfiguration();
        String address = MQTTUtil.getCoreAddressFromMqttTopic(topic, wildcards);
        String subscriptionId = address.substring(Math.min(address.length(), FeedQueues.FEED_PREFIX.length()));

        // The topic must map to exactly one feed address, without wildcards or escaped characters.
        if (!address.equals(FeedQueues.feed(subscriptionId)) || !topic.equals(FEED_TOPIC_PREFIX + subscriptionId)) {
            return false;
        }
        if (!feedAccess.mayRead(subscriberId, address)) {
            return false;
        }

        // Artemis prefers an existing queue named <clientId>.<address> to the feed queue.
        String clientQueue = MQTTUtil.getCoreQueueFromMqttTopic(topic, clientId, wildcards);
        return server.locateQueue(SimpleString.of(clientQueue)) == null;
    }
}
