package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerRestartTest {

    private static final String ADDRESS = "exchange.credit.penalty";

    @TempDir
    Path dataDirectory;

    @Test
    void undrainedMessagesSurviveRestart() throws Exception {
        List<OutboundRecord> records = List.of(penalty("CF2024001"), penalty("CF2024002"), penalty("CF2024003"));

        try (EmbeddedExchange first = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort())) {
            subscribe(first).close();
            first.publisher().publish(records);
        }

        try (EmbeddedExchange second = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
             Subscriber subscriber = subscribe(second)) {
            List<TextMessage> received = subscriber.receive(3, 5_000);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("CF2024001", "CF2024002", "CF2024003");
        }
    }

    @Test
    void duplicateIdsSurviveRestart() throws Exception {
        List<OutboundRecord> records = List.of(penalty("CF2024001"), penalty("CF2024002"));

        try (EmbeddedExchange first = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
             Subscriber subscriber = subscribe(first)) {
            first.publisher().publish(records);

            assertThat(subscriber.receive(2, 5_000)).hasSize(2);
        }

        try (EmbeddedExchange second = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
             Subscriber subscriber = subscribe(second)) {
            second.publisher().publish(records);
            second.publisher().publish(List.of(penalty("CF2024003")));
            List<TextMessage> received = subscriber.receive(2, 2_000);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("CF2024003");
        }
    }

    private static Subscriber subscribe(EmbeddedExchange exchange) throws Exception {
        return new Subscriber(new ActiveMQConnectionFactory(exchange.coreUrl()), "restart-client", ADDRESS);
    }

    private static OutboundRecord penalty(String decisionNumber) {
        OutboundRecord license = TestRecords.license(decisionNumber, 1);
        return new OutboundRecord("credit.penalty", "urn:huitong:schema:credit.penalty:1", decisionNumber, 1,
                license.contentHash(), license.data(), license.department(), license.connectorId(),
                license.batchId(), license.sourceFile(), license.firstLine(), license.lastLine());
    }
}
