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
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.identifiers.SyntheticIds;
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
 * The whole hub on its embedded default: a GB18030 CSV dropped into a connector's inbox ends
 * as CloudEvents on the exchange (valid rows) and quarantine entries (faulty rows), and the
 * same file dropped again publishes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileIngestEndToEndTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String AUTHORITY = SyntheticIds.uscc("11", "620100", "MB000001");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Connection connection;
    private static MessageConsumer subscriber;

    @Autowired
    BatchRepository batches;

    @Autowired
    QuarantineRepository quarantine;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeAll
    static void subscribe(@Autowired BatchRepository ignored) throws JMSException {
        // The broker starts with the context, so subscribe once it is up and before any drop.
        connection = new ActiveMQConnectionFactory(HUB.brokerUrl()).createConnection();
        connection.setClientID("end-to-end-test");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        subscriber = session.createDurableConsumer(
                session.createTopic("exchange.credit.license"), "end-to-end");
        connection.start();
    }

    @AfterAll
    static void close() throws JMSException {
        connection.close();
    }

    @Test
    void csvDropPublishesAndQuarantines() throws Exception {
        Path file = licenceCsv();

        HUB.drop("samr-licensing", file, "licences.csv");
        Batch first = awaitBatches(1).get(0);

        assertThat(first.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.read()).isEqualTo(3);
        assertThat(first.published()).isEqualTo(2);
        assertThat(first.quarantined()).isEqualTo(1);
        List<JsonNode> events = receive(2);
        assertThat(events).extracting(e -> e.get("subject").asText())
                .containsExactly("兰市监许〔2024〕1号|" + AUTHORITY, "兰市监许〔2024〕2号|" + AUTHORITY);
        assertThat(events.get(0).get("type").asText()).isEqualTo("cn.huitong.credit.license");
        assertThat(events.get(0).get("sourcelines").asText()).isEqualTo("2-2");
        assertThat(events.get(1).get("sourcelines").asText()).isEqualTo("3-4");
        assertThat(events.get(1).get("data").get("XK_NR").asText()).isEqualTo("食品销售\n(含冷藏冷冻食品)");

        List<QuarantinedRecord> rejected = quarantine.find("samr-licensing", first.id(), 0, 10);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).firstLine()).isEqualTo(5);
        assertThat(rejected.get(0).violations()).extracting(v -> v.code() + "@" + v.field())
                .containsExactly("FORMAT_USCC_CHECK_CHARACTER@XK_XDR_SHXYM");
        assertThat(Files.exists(HUB.inbox("samr-licensing").resolve("licences.csv"))).isFalse();

        HUB.drop("samr-licensing", file, "licences.csv");
        Batch second = awaitBatches(2).get(0);

        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.published()).isZero();
        assertThat(second.quarantined()).isEqualTo(1);
        assertThat(subscriber.receive(1000)).isNull();
    }

    private List<Batch> awaitBatches(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Batch> found = batches.find("samr-licensing", 0, 10);
            return found.size() >= count && found.get(0).status() != BatchStatus.RUNNING;
        });
        return batches.find("samr-licensing", 0, 10);
    }

    private static List<JsonNode> receive(int count) throws JMSException, IOException {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TextMessage message = (TextMessage) subscriber.receive(5000);
            assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
            events.add(JSON.readTree(message.getText()));
        }
        return events;
    }

    private static Path licenceCsv() throws IOException {
        String header = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,"
                + "行政许可决定文书号,许可类别,许可内容,许可决定日期,有效期自,有效期至,许可机关,"
                + "许可机关统一社会信用代码,当前状态,数据来源单位,数据来源单位统一社会信用代码";
        String valid1 = row("兰州甲商贸有限公司", SyntheticIds.uscc(1), "1", "食品经营许可");
        String valid2 = row("兰州乙餐饮有限公司", SyntheticIds.uscc(2), "2", "\"食品销售\n（含冷藏冷冻食品）\"");
        String wrongCheck = SyntheticIds.uscc(3);
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        String faulty = row("兰州丙药店", wrongCheck, "3", "药品零售");
        Path file = Files.createTempFile(HUB.root(), "licences", ".csv");
        Files.writeString(file, String.join("\r\n", header, valid1, valid2, faulty) + "\r\n", GB18030);
        return file;
    }

    private static String row(String name, String uscc, String number, String content) {
        return String.join(",", name, "法人及非法人组织", uscc, "张三", "食品经营许可决定书",
                "兰市监许〔2024〕" + number + "号", "普通", content, "2024年3月5日", "2024/3/5",
                "2029-03-04", "兰州市市场监督管理局", AUTHORITY, "1", "兰州市市场监督管理局", AUTHORITY);
    }
}
