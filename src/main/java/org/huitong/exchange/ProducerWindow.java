package org.huitong.exchange;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Widens the producer window of the hub's Artemis connection factory from the client's default
 * of 64 KiB to {@value #BYTES} bytes, unless the broker URL sets {@code producerWindowSize}.
 *
 * <p>A producer sends only as many bytes as the broker granted it credits for. With 64 KiB, about
 * 25 events of a chunk were in flight, so the publisher waited for the broker on every few sends.
 * With a window that fits a whole chunk of 500 typical events, the sends return at once and the
 * publisher does its database work while the broker stores them ({@link JmsExchangePublisher}).
 * The window bounds bytes in flight, not memory the broker keeps: an address over its size limit
 * still pages to disk.
 */
public final class ProducerWindow implements BeanPostProcessor {

    /** 4 MiB: a chunk of 500 events of up to 8 KB each. */
    public static final int BYTES = 4 * 1024 * 1024;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ConnectionFactory factory
                && ConnectionFactories.uncached(factory) instanceof ActiveMQConnectionFactory artemis
                && artemis.getProducerWindowSize() == ActiveMQClient.DEFAULT_PRODUCER_WINDOW_SIZE) {
            artemis.setProducerWindowSize(BYTES);
        }
        return bean;
    }
}
