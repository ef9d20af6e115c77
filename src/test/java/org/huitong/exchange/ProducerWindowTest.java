package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;

class ProducerWindowTest {

    private final ProducerWindow window = new ProducerWindow();

    @Test
    void widensDefaultWindow() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");

        window.postProcessAfterInitialization(factory, "jmsConnectionFactory");

        assertThat(factory.getProducerWindowSize()).isEqualTo(ProducerWindow.BYTES);
    }

    @Test
    void widensFactoryBehindCache() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");

        window.postProcessAfterInitialization(new CachingConnectionFactory(factory), "jmsConnectionFactory");

        assertThat(factory.getProducerWindowSize()).isEqualTo(ProducerWindow.BYTES);
    }

    @Test
    void keepsWindowFromBrokerUrl() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:61616?producerWindowSize=1024");

        window.postProcessAfterInitialization(factory, "jmsConnectionFactory");

        assertThat(factory.getProducerWindowSize()).isEqualTo(1024);
    }
}
