package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.quarantine.QuarantineRepository;
import org.huitong.quarantine.QuarantinedRecord;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every shipped sample file dropped into its connector's inbox: AMQP 1.0 subscribers receive
 * exactly the valid records, and the quarantine holds exactly the faulty ones, with the record
 * number, line, codes and fields that {@code sample-expectations.json} lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SampleFilesEndToEndTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, MessageConsumer> SUBSCRIBERS = new HashMap<>();

    private static Connection connection;
    private static JsonNode expectations;

    @Autowired
    BatchRepository batches;

    @Autowired
    QuarantineRepository quarantine;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeAll
    static void subscribeAndDrop(@Autowired BatchRepository ignored) throws Exception {
        expectations = JSON.readTree(Path.of("src/test/resources/sample-expectations.json").toFile());
        connection = new JmsConnectionFactory(HUB.amqpUrl()).createConnection();
        connection.setClientID("sample-files-test");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        for (JsonNode file : expectations.get("files")) {
            String recordType = file.get("recordType").asText();
            if (!SUBSCRIBERS.containsKey(recordType)) {
                SUBSCRIBERS.put(recordType, session.createDurableConsumer(
                        session.createTopic("exchange." + recordType), "samples-" + recordType));
            }
        }
        connection.start();

        for (JsonNode file : expectations.get("files")) {
            Path sample = Path.of(file.get("path").asText());
            String connector = file.get("connector").asText();
            String name = sample.getFileName().toString();
            HUB.drop(connector, sample, name);
            if (connector.equals("care-services")) {
                HUB.markDone(connector, name);
            }
        }
    }

    @AfterAll
    static void close() throws JMSException {
        connection.close();
    }

    @Test
    void batchesCountEveryRecordOfEverySample() {
        Map<String, Batch> byFile = finishedBatches();

        for (JsonNode file : expectations.get("files")) {
            Batch batch = byFile.get(fileName(file));
            String label = file.get("path").asText();
            assertThat(batch).as(label).isNotNull();
            assertThat(batch.status()).as(label).isEqualTo(BatchStatus.COMPLETED);
            assertThat(batch.read()).as(label).isEqualTo(file.get("records").asLong());
            assertThat(batch.published()).as(label).isEqualTo(file.get("valid").get("count").asLong());
            assertThat(batch.quarantined()).as(label).isEqualTo(file.get("quarantined").size());
            assertThat(batch.unchanged()).as(label).isZero();
        }
    }

    @Test
    void subscribersReceiveExactlyTheValidRecords() throws Exception {
        finishedBatches();
        Map<String, Set<String>> expectedKeys = new TreeMap<>();
        for (JsonNode file : expectations.get("files")) {
            Set<String> keys = expectedKeys.computeIfAbsent(file.get("recordType").asText(), t -> new HashSet<>());
            file.get("valid").get("businessKeys").forEach(key -> keys.add(key.asText()));
        }

        for (Map.Entry<String, Set<String>> type : expectedKeys.entrySet()) {
            MessageConsumer subscriber = SUBSCRIBERS.get(type.getKey());
            Set<String> received = new HashSet<>();
            for (int i = 0; i < type.getValue().size(); i++) {
                TextMessage message = (TextMessage) subscriber.receive(10_000);
                assertThat(message).as("%s message %d", type.getKey(), i + 1).isNotNull();
                received.add(JSON.readTree(message.getText()).get("subject").asText());
            }
            assertThat(received).as(type.getKey()).isEqualTo(type.getValue());
            assertThat(subscriber.receive(500)).as("extra %s message", type.getKey()).isNull();
        }
    }

    @Test
    void quarantineHoldsExactlyTheFaultyRecords() throws IOException {
        Map<String, Batch> byFile = finishedBatches();

        for (JsonNode file : expectations.get("files")) {
            Batch batch = byFile.get(fileName(file));
            Map<Long, String> expected = new TreeMap<>();
            for (JsonNode record : file.get("quarantined")) {
                expected.put(record.get("record").asLong(), describe(record.get("firstLine").asLong(),
                        codes(record.get("violations"))));
            }
            Map<Long, String> actual = new TreeMap<>();
            for (QuarantinedRecord record : quarantine.find(file.get("connector").asText(), batch.id(), 0, 500)) {
                Set<String> codes = new HashSet<>();
                record.violations().forEach(v -> codes.add(v.code() + "@" + v.field()));
                actual.put(record.recordNumber(), describe(record.firstLine(), codes));
            }
            assertThat(actual).as(file.get("path").asText()).isEqualTo(expected);
        }
    }

    private Map<String, Batch> finishedBatches() {
        int files = expectations.get("files").size();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Batch> found = batches.find(null, 0, 100);
            return found.size() >= files && found.stream().noneMatch(b -> b.status() == BatchStatus.RUNNING);
        });
        Map<String, Batch> byFile = new LinkedHashMap<>();
        batches.find(null, 0, 100).forEach(batch -> byFile.put(batch.sourceFile(), batch));
        return byFile;
    }

    private static String fileName(JsonNode file) {
        return Path.of(file.get("path").asText()).getFileName().toString();
    }

    private static Set<String> codes(JsonNode violations) {
        Set<String> codes = new HashSet<>();
        violations.forEach(v -> codes.add(v.get("code").asText() + "@"
                + (v.get("field").isNull() ? "null" : v.get("field").asText())));
        return codes;
    }

    private static String describe(long firstLine, Set<String> codes) {
        return "line " + firstLine + " " + new java.util.TreeSet<>(codes);
    }
}
