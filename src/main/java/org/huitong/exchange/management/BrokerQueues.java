package org.huitong.exchange.management;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads and deletes queues and addresses through {@link BrokerManagement}, on the
 * embedded broker and on an external one alike.
 */
public class BrokerQueues {

    private static final Logger log = LoggerFactory.getLogger(BrokerQueues.class);

    private final BrokerManagement management;

    public BrokerQueues(BrokerManagement management) {
        this.management = management;
    }

    /** The state of one queue, as the broker reports it. */
    public record QueueInfo(String name, long messageCount, int consumerCount, String filter,
                            Duration firstMessageAge) {
    }

    public BrokerManagement management() {
        return management;
    }

    public boolean addressExists(String address) {
        return names("AddressNames").contains(address);
    }

    /** Returns the names of all addresses whose name starts with {@code prefix}. */
    public List<String> addressNames(String prefix) {
        return names("AddressNames").stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** Returns the names of all queues whose name starts with {@code prefix}. */
    public List<String> queueNames(String prefix) {
        return names("QueueNames").stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** Returns the queue's state, or empty when the broker has no queue of that name. */
    public Optional<QueueInfo> queue(String name) {
        if (!names("QueueNames").contains(name)) {
            return Optional.empty();
        }
        String resource = BrokerManagement.queue(name);
        Object age = management.invoke(resource, "getFirstMessageAge");
        return Optional.of(new QueueInfo(name,
                number(management.attribute(resource, "MessageCount")),
                (int) number(management.attribute(resource, "ConsumerCount")),
                blankToNull(management.attribute(resource, "Filter")),
                Duration.ofMillis(Math.max(0, age == null ? 0 : number(age)))));
    }

    /**
     * Creates a durable ANYCAST queue alone on an address of the same name, which every protocol
     * opens as a point-to-point queue.
     */
    public void createAnycastQueue(String name) {
        management.invoke(BrokerManagement.BROKER, "createQueue", QueueConfiguration.of(name)
                .setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true).setAutoCreateAddress(true)
                .toJSON());
        log.info("Created queue {}", name);
    }

    /**
     * Creates a durable MULTICAST queue on an existing address, which receives a copy of each
     * message sent to the address that matches {@code filter}.
     *
     * @param filter an Artemis selector, or null for every message
     */
    public void createMulticastQueue(String address, String name, String filter) {
        management.invoke(BrokerManagement.BROKER, "createQueue", multicast(address, name, filter));
        log.info("Created queue {} on {} with filter {}", name, address, filter);
    }

    /** Replaces the filter of a MULTICAST queue; null removes it. */
    public void updateFilter(String address, String name, String filter) {
        management.invoke(BrokerManagement.BROKER, "updateQueue", multicast(address, name, filter));
        log.info("Changed the filter of queue {} to {}", name, filter);
    }

    /** Deletes a queue with its messages and disconnects its consumers; nothing when it is absent. */
    public void deleteQueue(String name) {
        if (names("QueueNames").contains(name)) {
            management.invoke(BrokerManagement.BROKER, "destroyQueue", name, true, false);
            log.info("Deleted queue {}", name);
        }
    }

    /** Deletes an address and whatever queues are left on it; nothing when it is absent. */
    public void deleteAddress(String address) {
        if (names("AddressNames").contains(address)) {
            management.invoke(BrokerManagement.BROKER, "deleteAddress", address, true);
        }
    }

    private List<String> names(String attribute) {
        Object names = management.attribute(BrokerManagement.BROKER, attribute);
        if (names instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String multicast(String address, String name, String filter) {
        // Artemis 2.40 replaces the filter on update, and a null filter removes it.
        return QueueConfiguration.of(name).setAddress(address).setRoutingType(RoutingType.MULTICAST)
                .setDurable(true).setFilterString(filter).toJSON();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static String blankToNull(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }
}
