package org.huitong.subscriptions.delivery.webhook;

import java.util.List;
import java.util.Optional;

import org.huitong.exchange.management.BrokerQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, finds and deletes the webhook dead-letter queues on the broker. */
class DeadLetterQueues {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);

    private final BrokerQueues queues;

    DeadLetterQueues(BrokerQueues queues) {
        this.queues = queues;
    }

    /** Creates the subscription's dead-letter queue unless it exists. */
    void ensure(String subscriptionId) {
        String name = DeadLetterMessages.queue(subscriptionId);
        if (queues.queue(name).isEmpty()) {
            queues.createAnycastQueue(name);
        }
    }

    /** Returns how many dead letters the subscription has, or empty when it has no queue. */
    Optional<Long> count(String subscriptionId) {
        return queues.queue(DeadLetterMessages.queue(subscriptionId)).map(BrokerQueues.QueueInfo::messageCount);
    }

    /** Returns the ids of the subscriptions that have a dead-letter queue. */
    List<String> subscriptionIds() {
        return queues.queueNames(DeadLetterMessages.QUEUE_PREFIX).stream()
                .map(name -> name.substring(DeadLetterMessages.QUEUE_PREFIX.length()))
                .toList();
    }

    /** Deletes the queue with its dead letters, and its address; a failure is logged, not thrown. */
    void delete(String subscriptionId) {
        String name = DeadLetterMessages.queue(subscriptionId);
        try {
            queues.deleteQueue(name);
            queues.deleteAddress(name);
        } catch (RuntimeException e) {
            log.error("Failed to delete webhook dead-letter queue {}: {}. The next start of the hub deletes it.",
                    name, e.toString(), e);
        }
    }
}
