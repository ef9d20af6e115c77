package org.huitong.exchange.security;

import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.huitong.exchange.brokerplugin.FeedTopicGuard;

/**
 * The {@link FeedTopicGuard} of the embedded broker: a subscriber may subscribe to the feeds of
 * its own active subscriptions, as {@link FeedAccess} decides from the hub's directory.
 */
public class MqttSubscribeGuard extends FeedTopicGuard {

    private final FeedAccess feedAccess;

    public MqttSubscribeGuard(FeedAccess feedAccess, ActiveMQServer server) {
        super(server);
        this.feedAccess = feedAccess;
    }

    @Override
    protected boolean isHub(Subject subject) {
        return BrokerSubjects.isHub(subject);
    }

    @Override
    protected boolean mayRead(Subject subject, String feedAddress) {
        Optional<String> subscriberId = BrokerSubjects.subscriberId(subject);
        return subscriberId.isPresent() && feedAccess.mayRead(subscriberId.get(), feedAddress);
    }

    @Override
    protected String describe(Subject subject) {
        return "subscriber " + BrokerSubjects.subscriberId(subject).orElse("(none)");
    }
}
