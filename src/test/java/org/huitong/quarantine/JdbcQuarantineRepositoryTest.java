package org.huitong.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.i18n.LocalizedText;
import org.huitong.pipeline.Violation;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcQuarantineRepositoryTest extends BothDatabasesTest {

    private static final Violation CHECK_CHARACTER = new Violation("FORMAT_USCC_CHECK_CHARACTER", "XK_XDR_SHXYM",
            "统一社会信用代码", new LocalizedText("第 2 列“统一社会信用代码”的校验位不正确：𠮷。",
                    "Column 2 (USCC) has a wrong check character."));

    private static final Violation MISSING = new Violation("REQUIRED_MISSING", "XK_WSH", "行政许可决定文书号",
            new LocalizedText("“行政许可决定文书号”不能为空。", "The permit decision number is missing."));

    private static final Violation FILE_LEVEL = new Violation("ROW_TOO_WIDE", null, null,
            new LocalizedText("这一行的列数多于表头。", "The row has more columns than the header: ${jndi:x}."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveAllRoundTripsEveryField(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long batchId = startBatch(database, "c1");
        Map<String, String> rawValues = new LinkedHashMap<>();
        rawValues.put("行政相对人名称", "兰州市𠮷祥商贸有限公司");
        rawValues.put("统一社会信用代码", "91620100MA74XXXX0Y");
        rawValues.put("备注", "${jndi:ldap://127.0.0.1/x}");
        rawValues.put("空列", "");
        Instant createdAt = Instant.parse("2024-03-01T08:15:30.123456Z");
        QuarantinedRecord record = new QuarantinedRecord(0, batchId, "c1", "xzxk", "inbox/许可.csv", 7, 8, 9,
                rawValues, List.of(CHECK_CHARACTER, MISSING, FILE_LEVEL), createdAt);

        quarantine.saveAll(List.of(record));
        QuarantinedRecord stored = quarantine.find(null, null, 0, 10).get(0);

        assertThat(stored.id()).isPositive();
        assertThat(stored.batchId()).isEqualTo(batchId);
        assertThat(stored.connectorId()).isEqualTo("c1");
        assertThat(stored.recordType()).isEqualTo("xzxk");
        assertThat(stored.sourceFile()).isEqualTo("inbox/许可.csv");
        assertThat(stored.recordNumber()).isEqualTo(7);
        assertThat(stored.firstLine()).isEqualTo(8);
        assertThat(stored.lastLine()).isEqualTo(9);
        assertThat(stored.rawValues()).containsExactlyEntriesOf(rawValues);
        assertThat(stored.violations()).containsExactly(CHECK_CHARACTER, MISSING, FILE_LEVEL);
        assertThat(stored.createdAt()).isEqualTo(createdAt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveAllStoresFileLevelEntry(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long batchId = startBatch(database, "c1");
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("列", null);

        quarantine.saveAll(List.of(new QuarantinedRecord(0, batchId, "c1", null, "坏文件.csv", 0, 0, 0,
                nullValue, List.of(), null)));
        QuarantinedRecord stored = quarantine.find("c1", batchId, 0, 10).get(0);

        assertThat(stored.recordType()).isNull();
        assertThat(stored.recordNumber()).isZero();
        assertThat(stored.rawValues()).containsExactlyEntriesOf(nullValue);
        assertThat(stored.violations()).isEmpty();
        assertThat(stored.createdAt()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findPagesOldestFirst(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long batchId = startBatch(database, "c1");
        quarantine.saveAll(List.of(record(batchId, "c1", 1), record(batchId, "c1", 2), record(batchId, "c1", 3)));
        quarantine.saveAll(List.of(record(batchId, "c1", 4), record(batchId, "c1", 5)));

        List<Long> firstPage = recordNumbers(quarantine.find(null, null, 0, 2));
        List<Long> lastPage = recordNumbers(quarantine.find(null, null, 4, 2));

        assertThat(firstPage).containsExactly(1L, 2L);
        assertThat(lastPage).containsExactly(5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findFiltersByConnectorAndBatch(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long firstBatch = startBatch(database, "c1");
        long secondBatch = startBatch(database, "c1");
        long otherConnectorBatch = startBatch(database, "c2");
        quarantine.saveAll(List.of(record(firstBatch, "c1", 1), record(secondBatch, "c1", 2),
                record(otherConnectorBatch, "c2", 3), record(firstBatch, "c1", 4)));

        assertThat(recordNumbers(quarantine.find("c1", null, 0, 10))).containsExactly(1L, 2L, 4L);
        assertThat(recordNumbers(quarantine.find(null, firstBatch, 0, 10))).containsExactly(1L, 4L);
        assertThat(recordNumbers(quarantine.find("c1", secondBatch, 0, 10))).containsExactly(2L);
        assertThat(quarantine.find("c2", firstBatch, 0, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countAppliesFilters(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long firstBatch = startBatch(database, "c1");
        long otherConnectorBatch = startBatch(database, "c2");
        quarantine.saveAll(List.of(record(firstBatch, "c1", 1), record(firstBatch, "c1", 2),
                record(otherConnectorBatch, "c2", 3)));

        assertThat(quarantine.count(null, null)).isEqualTo(3);
        assertThat(quarantine.count("c1", null)).isEqualTo(2);
        assertThat(quarantine.count(null, otherConnectorBatch)).isEqualTo(1);
        assertThat(quarantine.count("c2", firstBatch)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findLoadsViolationsBeyondOneInList(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long batchId = startBatch(database, "c1");
        int saved = ViolationTable.MAX_IDS_PER_QUERY + 101;
        List<QuarantinedRecord> records = new ArrayList<>();
        for (int i = 1; i <= saved; i++) {
            records.add(record(batchId, "c1", i));
        }

        quarantine.saveAll(records);
        List<QuarantinedRecord> page = quarantine.find(null, null, 0, saved);

        assertThat(page).hasSize(saved);
        assertThat(page).allSatisfy(record -> assertThat(record.violations()).containsExactly(MISSING));
        assertThat(page.get(saved - 1).rawValues()).containsEntry("序号", String.valueOf(saved));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findRejectsInvalidPage(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);

        assertThatThrownBy(() -> quarantine.find(null, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveAllOfNothingWritesNothing(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);

        quarantine.saveAll(List.of());

        assertThat(quarantine.count(null, null)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rollbackLeavesNoRecordsOrViolations(MigratedDatabase database) {
        JdbcQuarantineRepository quarantine = repository(database);
        long batchId = startBatch(database, "c1");

        assertThatThrownBy(() -> database.transactions().executeWithoutResult(status -> {
            quarantine.saveAll(List.of(record(batchId, "c1", 1), record(batchId, "c1", 2)));
            throw new IllegalStateException("broker failed");
        })).hasMessage("broker failed");

        assertThat(quarantine.count(null, null)).isZero();
        assertThat(database.jdbc().getJdbcOperations().queryForObject(
                "SELECT COUNT(*) FROM quarantine_violations", Integer.class)).isZero();
    }

    private static JdbcQuarantineRepository repository(MigratedDatabase database) {
        return new JdbcQuarantineRepository(database.deleteAllRows().jdbc());
    }

    private static long startBatch(MigratedDatabase database, String connectorId) {
        return new JdbcBatchRepository(database.jdbc()).start(connectorId, "a.csv", "0".repeat(64), 1);
    }

    private static QuarantinedRecord record(long batchId, String connectorId, long recordNumber) {
        return new QuarantinedRecord(0, batchId, connectorId, "xzxk", "a.csv", recordNumber, recordNumber + 1,
                recordNumber + 1, Map.of("序号", String.valueOf(recordNumber)), List.of(MISSING), null);
    }

    private static List<Long> recordNumbers(List<QuarantinedRecord> records) {
        return records.stream().map(QuarantinedRecord::recordNumber).toList();
    }
}
