package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.message.JmsMessage;
import org.apache.qpid.jms.provider.amqp.message.AmqpJmsMessageFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmsExchangePublisherTest {

    private static final String ADDRESS = "exchange.credit.license";
    private static final long RECEIVE_MILLIS = 5_000;
    private static final long ABSENCE_MILLIS = 1_000;

    @TempDir
    Path dataDirectory;

    EmbeddedExchange exchange;
    ExchangePublisher publisher;

    @BeforeEach
    void startBroker() {
        exchange = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
        publisher = exchange.publisher();
    }

    @AfterEach
    void stopBroker() {
        exchange.close();
    }

    @Test
    void coreSubscriberReceivesEveryAttribute() throws Exception {
        OutboundRecord first = TestRecords.license("XK2024001", 1);
        OutboundRecord second = TestRecords.license("XK2024002", 4);

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(first, second));
            List<TextMessage> received = subscriber.receive(2, RECEIVE_MILLIS);

            assertThat(received).hasSize(2);
            assertEvent(received.get(0), first);
            assertEvent(received.get(1), second);
            assertThat(received.get(0).getStringProperty("JMS_AMQP_ContentType")).isEqualTo("application/cloudevents+json");
        }
    }

    /**
     * The exchange addresses keep no retroactive copies, which made publishing about half as
     * fast; new subscriptions get recent events from the published-event log instead.
     */
    @Test
    void lateSubscriberReceivesOnlyLaterRecords() throws Exception {
        OutboundRecord first = TestRecords.license("XK2024001", 1);
        OutboundRecord second = TestRecords.license("XK2024002", 1);

        publisher.publish(List.of(first));
        try (Subscriber subscriber = coreSubscriber("late-client")) {
            publisher.publish(List.of(second));
            List<TextMessage> received = subscriber.receive(2, RECEIVE_MILLIS);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("XK2024002");
        }
    }

    @Test
    void amqpSubscriberReceivesEveryAttribute() throws Exception {
        OutboundRecord record = TestRecords.license("XK2024001", 2);

        try (Subscriber subscriber = amqpSubscriber("amqp-client")) {
            publisher.publish(List.of(record));
            List<TextMessage> received = subscriber.receive(1, RECEIVE_MILLIS);

            assertThat(received).hasSize(1);
            assertEvent(received.get(0), record);
            AmqpJmsMessageFacade facade = (AmqpJmsMessageFacade) ((JmsMessage) received.get(0)).getFacade();
            assertThat(facade.getContentType().toString()).isEqualTo("application/cloudevents+json");
        }
    }

    @Test
    void recordWithoutDivisionHasNoDivisionProperty() throws Exception {
        OutboundRecord license = TestRecords.license("XK2024001", 1);
        license.data().remove("divisionCode");

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(license));
            List<TextMessage> received = subscriber.receive(1, RECEIVE_MILLIS);

            assertThat(received).hasSize(1);
            assertThat(received.get(0).propertyExists("huitong_division")).isFalse();
        }
    }

    @Test
    void repeatedPublishDeliversOnce() throws Exception {
        OutboundRecord first = TestRecords.license("XK2024001", 1);
        OutboundRecord second = TestRecords.license("XK2024002", 1);
        OutboundRecord third = TestRecords.license("XK2024003", 1);

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(first, second));
            publisher.publish(List.of(first, second));
            publisher.publish(List.of(first, second, third));
            List<TextMessage> received = subscriber.receive(3, RECEIVE_MILLIS);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("XK2024001", "XK2024002", "XK2024003");
            assertThat(subscriber.receiveNext(ABSENCE_MILLIS)).isNull();
        }
    }

    @Test
    void newVersionIsDeliveredAgain() throws Exception {
        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(TestRecords.license("XK2024001", 1)));
            publisher.publish(List.of(TestRecords.license("XK2024001", 2)));
            List<TextMessage> received = subscriber.receive(2, RECEIVE_MILLIS);

            assertThat(received).hasSize(2);
            assertThat(parse(received.get(1)).getExtension("recordversion")).isEqualTo(2);
        }
    }

    @Test
    void undeclaredRecordTypeRejectsWholeList() throws Exception {
        OutboundRecord valid = TestRecords.license("XK2024001", 1);
        OutboundRecord undeclared = withRecordType(TestRecords.license("XK2024002", 1), "credit.unknown");

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            assertThatExceptionOfType(PublishException.class)
                    .isThrownBy(() -> publisher.publish(List.of(valid, undeclared)))
                    .withMessageContaining("batches [42]")
                    .withMessageContaining("credit.unknown");

            assertThat(subscriber.receiveNext(ABSENCE_MILLIS)).isNull();
        }
    }

    @Test
    void invalidSchemaIdRollsBackWholeList() throws Exception {
        OutboundRecord valid = TestRecords.license("XK2024001", 1);
        OutboundRecord invalidSchema = withSchemaId(TestRecords.license("XK2024002", 1), "not a uri");

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            assertThatExceptionOfType(PublishException.class)
                    .isThrownBy(() -> publisher.publish(List.of(valid, invalidSchema)))
                    .havingCause()
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(subscriber.receiveNext(ABSENCE_MILLIS)).isNull();
        }
    }

    @Test
    void publishWorksAfterRolledBackPublish() throws Exception {
        OutboundRecord valid = TestRecords.license("XK2024001", 1);

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            assertThatExceptionOfType(PublishException.class)
                    .isThrownBy(() -> publisher.publish(List.of(valid, withSchemaId(valid, "not a uri"))));
            publisher.publish(List.of(valid));
            List<TextMessage> received = subscriber.receive(2, RECEIVE_MILLIS);

            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("XK2024001");
        }
    }

    @Test
    void beforeCommitRunsBeforeBrokerCommit() throws Exception {
        OutboundRecord record = TestRecords.license("XK2024001", 1);
        List<Message> seenBeforeCommit = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(record), () -> {
                runs.incrementAndGet();
                seenBeforeCommit.addAll(receiveQuietly(subscriber));
            });
            List<TextMessage> received = subscriber.receive(1, RECEIVE_MILLIS);

            assertThat(runs).hasValue(1);
            assertThat(seenBeforeCommit).isEmpty();
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void failingBeforeCommitPublishesNothing() throws Exception {
        IllegalStateException databaseDown = new IllegalStateException("database down");

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            assertThatExceptionOfType(IllegalStateException.class)
                    .isThrownBy(() -> publisher.publish(List.of(TestRecords.license("XK2024001", 1)), () -> {
                        throw databaseDown;
                    }))
                    .isSameAs(databaseDown);

            assertThat(subscriber.receiveNext(ABSENCE_MILLIS)).isNull();
        }
    }

    @Test
    void beforeCommitRunsForEmptyList() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        publisher.publish(List.of(), runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void beforeCommitRunsOnceOnDuplicates() throws Exception {
        OutboundRecord first = TestRecords.license("XK2024001", 1);
        OutboundRecord second = TestRecords.license("XK2024002", 1);
        AtomicInteger runs = new AtomicInteger();

        try (Subscriber subscriber = coreSubscriber("core-client")) {
            publisher.publish(List.of(first));
            publisher.publish(List.of(first, second), runs::incrementAndGet);
            List<TextMessage> received = subscriber.receive(2, RECEIVE_MILLIS);

            assertThat(runs).hasValue(1);
            assertThat(received).extracting(message -> message.getStringProperty("ce_subject"))
                    .containsExactly("XK2024001", "XK2024002");
            assertThat(subscriber.receiveNext(ABSENCE_MILLIS)).isNull();
        }
    }

    @Test
    void stoppedBrokerFailsPublish() throws Exception {
        exchange.server().stop();

        assertThatExceptionOfType(PublishException.class)
                .isThrownBy(() -> publisher.publish(List.of(TestRecords.license("XK2024001", 1))));
    }

    /** Returns what arrives within a second, from inside a callback that cannot throw JMSException. */
    private static List<Message> receiveQuietly(Subscriber subscriber) {
        try {
            Message message = subscriber.receiveNext(ABSENCE_MILLIS);
            return message == null ? List.of() : List.of(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Subscriber coreSubscriber(String clientId) throws Exception {
        return new Subscriber(new ActiveMQConnectionFactory(exchange.coreUrl()), clientId, ADDRESS);
    }

    private Subscriber amqpSubscriber(String clientId) throws Exception {
        return new Subscriber(new JmsConnectionFactory(exchange.amqpUrl()), clientId, ADDRESS);
    }

    private static OutboundRecord withRecordType(OutboundRecord record, String recordType) {
        return new OutboundRecord(recordType, record.schemaId(), record.businessKey(), record.version(),
                record.contentHash(), record.data(), record.department(), record.connectorId(), record.batchId(),
                record.sourceFile(), record.firstLine(), record.lastLine());
    }

    private static OutboundRecord withSchemaId(OutboundRecord record, String schemaId) {
        return new OutboundRecord(record.recordType(), schemaId, record.businessKey(), record.version(),
                record.contentHash(), record.data(), record.department(), record.connectorId(), record.batchId(),
                record.sourceFile(), record.firstLine(), record.lastLine());
    }

    private static CloudEvent parse(TextMessage message) throws Exception {
        return EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(message.getText().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertEvent(TextMessage message, OutboundRecord record) throws Exception {
        CloudEvent event = parse(message);
        String id = EventId.of(record).toString();

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(id);
        assertThat(event.getSource()).isEqualTo(URI.create("/huitong/departments/SCJGJ/connectors/scjg-xk-csv"));
        assertThat(event.getType()).isEqualTo("cn.huitong.credit.license");
        assertThat(event.getSubject()).isEqualTo(record.businessKey());
        assertThat(event.getDataSchema()).isEqualTo(URI.create(record.schemaId()));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getExtension("recordversion")).isEqualTo(record.version());
        assertThat(event.getExtension("batchid")).isEqualTo("42");
        assertThat(event.getExtension("sourcefile")).isEqualTo("许可_2024-03.csv");
        assertThat(event.getExtension("sourcelines")).isEqualTo("12-13");
        assertThat(event.getExtension("department")).isEqualTo("SCJGJ");
        assertThat(event.getExtension("connector")).isEqualTo("scjg-xk-csv");

        assertThat(TestRecords.EXACT_JSON.readTree(message.getText()).get("data")).isEqualTo(record.data());
        assertThat(message.getText()).contains("\"registeredCapital\":12345678901234567.8900");

        assertThat(message.getStringProperty("ce_type")).isEqualTo("cn.huitong.credit.license");
        assertThat(message.getStringProperty("ce_subject")).isEqualTo(record.businessKey());
        assertThat(message.getStringProperty("ce_source")).isEqualTo("/huitong/departments/SCJGJ/connectors/scjg-xk-csv");
        assertThat(message.getStringProperty("huitong_department")).isEqualTo("SCJGJ");
        assertThat(message.getStringProperty("huitong_record_type")).isEqualTo("credit.license");
        assertThat(message.getStringProperty("huitong_division")).isEqualTo("620102");
        assertThat(message.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(id);
        assertThat(message.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
    }
}
