package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.quarantine.QuarantineRepository;
import org.huitong.quarantine.QuarantinedRecord;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The file delivery protocol and whole-file faults through the running hub: files still being
 * written are not read, an undecodable file is rejected and archived apart, and a file whose
 * syntax breaks part-way keeps the records before the break.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FileDeliveryTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    /** Several poll intervals: long enough for the hub to have read a file it was going to read. */
    private static final Duration SEVERAL_POLLS = Duration.ofSeconds(2);

    @Autowired
    BatchRepository batches;

    @Autowired
    QuarantineRepository quarantine;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @Test
    void partFileIsReadOnlyAfterRename() throws Exception {
        Path inbox = Files.createDirectories(HUB.inbox("mca-elders"));
        Path part = Files.writeString(inbox.resolve("elders.csv.part"), elderCsv(), StandardCharsets.UTF_8);

        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batchOf("mca-elders", "elders.csv.part")).isNull();

        Files.move(part, inbox.resolve("elders.csv"));
        Batch batch = awaitBatch("mca-elders", "elders.csv");
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.published()).isEqualTo(1);
    }

    @Test
    void doneFileProtocolWaitsForMarker() throws Exception {
        Path inbox = Files.createDirectories(HUB.inbox("care-services"));
        Files.writeString(inbox.resolve("services.jsonl"), "{\"orderNumber\":\"A1\"}\n", StandardCharsets.UTF_8);

        Thread.sleep(SEVERAL_POLLS.toMillis());
        assertThat(batchOf("care-services", "services.jsonl")).isNull();

        HUB.markDone("care-services", "services.jsonl");
        Batch batch = awaitBatch("care-services", "services.jsonl");
        assertThat(batch.read()).isEqualTo(1);
        assertThat(batch.quarantined()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(inbox.resolve("services.jsonl.done")));
    }

    @Test
    void undecodableFileIsRejectedAndArchivedApart() throws Exception {
        Path file = HUB.root().resolve("broken.csv");
        // 0xFF never occurs in UTF-8, and 0x81 0x20 is no GB18030 sequence.
        Files.write(file, new byte[] {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0x81, 0x20, '\n'});

        HUB.drop("samr-penalty", file, "broken.csv");
        Batch batch = awaitBatch("samr-penalty", "broken.csv");

        assertThat(batch.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(batch.errorCode()).isEqualTo("READ_CHARSET_UNDECODABLE");
        assertThat(batch.errorMessageZh()).isNotBlank();
        assertThat(batch.errorMessageEn()).isNotBlank();
        List<QuarantinedRecord> entries = quarantine.find("samr-penalty", batch.id(), 0, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).recordNumber()).isZero();
        assertThat(entries.get(0).violations().get(0).code()).isEqualTo("READ_CHARSET_UNDECODABLE");
        await().atMost(Duration.ofSeconds(10)).until(() -> archived("samr-penalty", ".rejected"));
    }

    @Test
    void unclosedQuoteKeepsRecordsBeforeIt() throws Exception {
        String valid = SyntheticIds.citizenId("620103", java.time.LocalDate.of(1950, 1, 2), 21);
        Path file = HUB.root().resolve("partial.csv");
        Files.writeString(file, "姓名,公民身份号码\n赵六," + valid + "\n\"钱七," + valid + "\n孙八,1\n",
                StandardCharsets.UTF_8);

        HUB.drop("mca-elders", file, "partial.csv");
        Batch batch = awaitBatch("mca-elders", "partial.csv");

        assertThat(batch.status()).isEqualTo(BatchStatus.PARTIAL);
        assertThat(batch.read()).isEqualTo(1);
        assertThat(batch.published()).isEqualTo(1);
        List<QuarantinedRecord> entries = quarantine.find("mca-elders", batch.id(), 0, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).firstLine()).isEqualTo(3);
        assertThat(entries.get(0).violations().get(0).code()).isEqualTo("READ_UNCLOSED_QUOTE");
    }

    private Batch awaitBatch(String connectorId, String fileName) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Batch batch = batchOf(connectorId, fileName);
            return batch != null && batch.status() != BatchStatus.RUNNING;
        });
        return batchOf(connectorId, fileName);
    }

    private Batch batchOf(String connectorId, String fileName) {
        return batches.find(connectorId, 0, 100).stream()
                .filter(batch -> batch.sourceFile().equals(fileName)).findFirst().orElse(null);
    }

    private static boolean archived(String connectorId, String folder) throws IOException {
        Path archive = HUB.inbox(connectorId).resolve(folder);
        if (!Files.isDirectory(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(archive)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    private static String elderCsv() {
        String citizenId = SyntheticIds.citizenId("620102", java.time.LocalDate.of(1948, 8, 9), 33);
        return "姓名,公民身份号码\n周九," + citizenId + "\n";
    }
}
