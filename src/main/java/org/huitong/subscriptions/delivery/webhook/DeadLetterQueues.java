package org.huitong.subscriptions.delivery.webhook;

import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, finds and deletes the webhook dead-letter queues on the embedded broker. */
class DeadLetterQueues {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);

    private final ActiveMQServer server;

    DeadLetterQueues(ActiveMQServer server) {
        this.server = server;
    }

    /** Creates the subscription's dead-letter queue unless it exists. */
    void ensure(String subscriptionId) throws Exception {
        String name = DeadLetterMessages.queue(subscriptionId);
        if (!exists(subscriptionId)) {
            server.createQueue(QueueConfiguration.of(name)
                    .setAddress(name)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true)
                    .setAutoCreateAddress(true));
            log.info("Created webhook dead-letter queue {}", name);
        }
    }

    boolean exists(String subscriptionId) {
        return server.locateQueue(SimpleString.of(DeadLetterMessages.queue(subscriptionId))) != null;
    }

    /** Returns the ids of the subscriptions that have a dead-letter queue. */
    List<String> subscriptionIds() {
        return server.getPostOffice().getAddresses().stream()
                .map(SimpleString::toString)
                .filter(address -> address.startsWith(DeadLetterMessages.QUEUE_PREFIX))
                .map(address -> address.substring(DeadLetterMessages.QUEUE_PREFIX.length()))
                .toList();
    }

    /** Deletes the queue with its dead letters, and its address; a failure is logged, not thrown. */
    void delete(String subscriptionId) {
        SimpleString name = SimpleString.of(DeadLetterMessages.queue(subscriptionId));
        try {
            if (server.locateQueue(name) != null) {
                server.destroyQueue(name, null, false, true);
                log.info("Deleted webhook dead-letter queue {}", name);
            }
            if (server.getAddressInfo(name) != null) {
                server.removeAddressInfo(name, null, true);
            }
        } catch (Exception e) {
            log.error("Failed to delete webhook dead-letter queue {}: {}. The next start of the hub deletes it.",
                    name, e.toString(), e);
        }
    }
}
