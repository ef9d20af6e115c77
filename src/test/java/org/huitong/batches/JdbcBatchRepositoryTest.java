package org.huitong.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.huitong.i18n.LocalizedText;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.EmptyResultDataAccessException;

class JdbcBatchRepositoryTest extends BothDatabasesTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void startInsertsRunningBatch(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        long id = batches.start("lanzhou-xzxk", "inbox/许可_2024-01.csv", SHA256, 2048);
        Batch batch = batches.findById(id).orElseThrow();

        assertThat(batch.id()).isEqualTo(id);
        assertThat(batch.connectorId()).isEqualTo("lanzhou-xzxk");
        assertThat(batch.sourceFile()).isEqualTo("inbox/许可_2024-01.csv");
        assertThat(batch.fileSha256()).isEqualTo(SHA256);
        assertThat(batch.fileSize()).isEqualTo(2048);
        assertThat(batch.status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(batch.read()).isZero();
        assertThat(batch.published()).isZero();
        assertThat(batch.unchanged()).isZero();
        assertThat(batch.quarantined()).isZero();
        assertThat(batch.startedAt()).isNotNull();
        assertThat(batch.finishedAt()).isNull();
        assertThat(batch.errorCode()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void startKeepsFileNameOf1024Characters(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        String sourceFile = "目".repeat(1000) + "𠮷" + "x".repeat(22);

        long id = batches.start("c1", sourceFile, SHA256, 1);

        assertThat(batches.findById(id).orElseThrow().sourceFile()).isEqualTo(sourceFile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void startAssignsIncreasingIds(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        long first = batches.start("c1", "a.csv", SHA256, 1);
        long second = batches.start("c1", "b.csv", SHA256, 1);

        assertThat(second).isGreaterThan(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void addCountsSumsChunks(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long id = batches.start("c1", "a.csv", SHA256, 1);

        batches.addCounts(id, 500, 300, 150, 50);
        batches.addCounts(id, 20, 1, 2, 17);
        Batch batch = batches.findById(id).orElseThrow();

        assertThat(batch.read()).isEqualTo(520);
        assertThat(batch.published()).isEqualTo(301);
        assertThat(batch.unchanged()).isEqualTo(152);
        assertThat(batch.quarantined()).isEqualTo(67);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void addCountsRejectsUnknownBatch(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        assertThatThrownBy(() -> batches.addCounts(987_654, 1, 1, 0, 0))
                .isInstanceOf(EmptyResultDataAccessException.class)
                .hasMessageContaining("Batch 987654 not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void finishStoresStatusAndError(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long id = batches.start("c1", "a.csv", SHA256, 1);
        LocalizedText error = new LocalizedText("第 3 行引号未闭合，𠮷字所在行之后的内容未读取。",
                "Line 3 has an unterminated quote; ${jndi:x} and the rest were not read.");

        batches.finish(id, BatchStatus.PARTIAL, "FILE_UNTERMINATED_QUOTE", error);
        Batch batch = batches.findById(id).orElseThrow();

        assertThat(batch.status()).isEqualTo(BatchStatus.PARTIAL);
        assertThat(batch.finishedAt()).isNotNull();
        assertThat(batch.finishedAt()).isAfterOrEqualTo(batch.startedAt());
        assertThat(batch.errorCode()).isEqualTo("FILE_UNTERMINATED_QUOTE");
        assertThat(batch.errorMessageZh()).isEqualTo(error.zh());
        assertThat(batch.errorMessageEn()).isEqualTo(error.en());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void finishWithoutErrorStoresNoError(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long id = batches.start("c1", "a.csv", SHA256, 1);

        batches.finish(id, BatchStatus.COMPLETED, null, null);
        Batch batch = batches.findById(id).orElseThrow();

        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.errorCode()).isNull();
        assertThat(batch.errorMessageZh()).isNull();
        assertThat(batch.errorMessageEn()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void finishRejectsRunningStatus(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long id = batches.start("c1", "a.csv", SHA256, 1);

        assertThatThrownBy(() -> batches.finish(id, BatchStatus.RUNNING, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot finish as RUNNING");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void finishRejectsUnknownBatch(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        assertThatThrownBy(() -> batches.finish(987_654, BatchStatus.COMPLETED, null, null))
                .isInstanceOf(EmptyResultDataAccessException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findByIdReturnsEmptyForUnknownId(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        assertThat(batches.findById(987_654)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findPagesNewestFirst(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long first = batches.start("c1", "1.csv", SHA256, 1);
        long second = batches.start("c2", "2.csv", SHA256, 1);
        long third = batches.start("c1", "3.csv", SHA256, 1);
        long fourth = batches.start("c2", "4.csv", SHA256, 1);

        List<Long> firstPage = ids(batches.find(null, 0, 3));
        List<Long> secondPage = ids(batches.find(null, 3, 3));

        assertThat(firstPage).containsExactly(fourth, third, second);
        assertThat(secondPage).containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findFiltersByConnector(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long first = batches.start("c1", "1.csv", SHA256, 1);
        batches.start("c2", "2.csv", SHA256, 1);
        long third = batches.start("c1", "3.csv", SHA256, 1);

        assertThat(ids(batches.find("c1", 0, 10))).containsExactly(third, first);
        assertThat(batches.find("unknown", 0, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findRejectsInvalidPage(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        assertThatThrownBy(() -> batches.find(null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> batches.find(null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void latestByConnectorReturnsNewestOfEach(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        batches.start("c1", "1.csv", SHA256, 1);
        long c2Latest = batches.start("c2", "2.csv", SHA256, 1);
        long c1Latest = batches.start("c1", "3.csv", SHA256, 1);

        Map<String, Batch> latest = batches.latestByConnector();

        assertThat(latest).containsOnlyKeys("c1", "c2");
        assertThat(latest.get("c1").id()).isEqualTo(c1Latest);
        assertThat(latest.get("c2").id()).isEqualTo(c2Latest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void latestByConnectorIsEmptyWithoutBatches(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);

        assertThat(batches.latestByConnector()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void markRunningInterruptedChangesOnlyRunning(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long running = batches.start("c1", "1.csv", SHA256, 1);
        long completed = batches.start("c1", "2.csv", SHA256, 1);
        batches.finish(completed, BatchStatus.COMPLETED, null, null);
        long alsoRunning = batches.start("c2", "3.csv", SHA256, 1);

        int marked = batches.markRunningInterrupted();

        assertThat(marked).isEqualTo(2);
        assertThat(batches.findById(running).orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(batches.findById(running).orElseThrow().finishedAt()).isNotNull();
        assertThat(batches.findById(alsoRunning).orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(batches.findById(completed).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batches.markRunningInterrupted()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rollbackLeavesNoBatch(MigratedDatabase database) {
        JdbcBatchRepository batches = repository(database);
        long committed = batches.start("c1", "1.csv", SHA256, 1);

        assertThatThrownBy(() -> database.transactions().executeWithoutResult(status -> {
            batches.start("c1", "2.csv", SHA256, 1);
            batches.addCounts(committed, 10, 10, 0, 0);
            throw new IllegalStateException("broker failed");
        })).hasMessage("broker failed");

        assertThat(ids(batches.find(null, 0, 10))).containsExactly(committed);
        assertThat(batches.findById(committed).orElseThrow().read()).isZero();
    }

    private static JdbcBatchRepository repository(MigratedDatabase database) {
        return new JdbcBatchRepository(database.deleteAllRows().jdbc());
    }

    private static List<Long> ids(List<Batch> batches) {
        return batches.stream().map(Batch::id).toList();
    }
}
