package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class ExternalBrokerProfileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void publishesToExternalBrokerWithoutEmbeddedOne() throws Exception {
        try (EmbeddedExchange broker = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
             Subscriber subscriber = new Subscriber(new ActiveMQConnectionFactory(broker.coreUrl()),
                     "external-client", "exchange.credit.license");
             ConfigurableApplicationContext hub = EmbeddedExchange.startWithExternalBroker(broker.anonymousCoreUrl())) {

            assertThat(hub.getBeansOfType(EmbeddedActiveMQ.class)).isEmpty();

            hub.getBean(ExchangePublisher.class).publish(List.of(TestRecords.license("XK2024001", 1)));
            List<TextMessage> received = subscriber.receive(1, 5_000);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("XK2024001");
        }
    }
}
