package org.huitong.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcRecordStoreTest extends BothDatabasesTest {

    private static final String TYPE = "xzxk";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findLatestOmitsUnknownKeys(MigratedDatabase database) {
        JdbcRecordStore store = store(database);

        Map<String, StoredVersion> found = store.findLatest(TYPE, List.of("never-stored"));

        assertThat(found).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findLatestOfNoKeysIsEmpty(MigratedDatabase database) {
        JdbcRecordStore store = store(database);

        assertThat(store.findLatest(TYPE, List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveLatestInsertsRecords(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);

        store.saveLatest(List.of(
                version("K1", 1, "h1", batchId),
                version("K2", 1, "h2", batchId)));
        Map<String, StoredVersion> found = store.findLatest(TYPE, List.of("K1", "K2"));

        assertThat(found).containsEntry("K1", new StoredVersion(1, "h1"));
        assertThat(found).containsEntry("K2", new StoredVersion(1, "h2"));
        assertThat(found).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveLatestReplacesWithNextVersion(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long firstBatch = startBatch(database);
        long secondBatch = startBatch(database);
        store.saveLatest(List.of(version("K1", 1, "h1", firstBatch)));

        store.saveLatest(List.of(new RecordVersion(TYPE, "K1", 2, "h2", "{\"XK_WSH\":\"第二版\"}",
                "c2", secondBatch)));

        assertThat(store.findLatest(TYPE, List.of("K1"))).containsExactly(
                Map.entry("K1", new StoredVersion(2, "h2")));
        assertThat(column(database, "payload", "K1")).isEqualTo("{\"XK_WSH\":\"第二版\"}");
        assertThat(column(database, "connector_id", "K1")).isEqualTo("c2");
        assertThat(column(database, "batch_id", "K1")).isEqualTo(String.valueOf(secondBatch));
        assertThat(rowCount(database)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveLatestKeepsLastOfDuplicateKeys(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);

        store.saveLatest(List.of(version("K1", 1, "h1", batchId), version("K1", 2, "h2", batchId)));

        assertThat(store.findLatest(TYPE, List.of("K1"))).containsEntry("K1", new StoredVersion(2, "h2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveLatestOfNothingWritesNothing(MigratedDatabase database) {
        JdbcRecordStore store = store(database);

        store.saveLatest(List.of());

        assertThat(rowCount(database)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findLatestReadsKeysBeyondOneInList(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);
        int stored = JdbcRecordStore.MAX_KEYS_PER_QUERY * 2 + 201;
        List<RecordVersion> versions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            versions.add(version("91620100MA" + i, i % 7 + 1, "hash-" + i, batchId));
            keys.add("91620100MA" + i);
        }
        keys.add("absent-1");
        keys.add("absent-2");

        store.saveLatest(versions);
        Map<String, StoredVersion> found = store.findLatest(TYPE, keys);

        assertThat(found).hasSize(stored);
        assertThat(found).containsEntry("91620100MA0", new StoredVersion(1, "hash-0"));
        assertThat(found).containsEntry("91620100MA500", new StoredVersion(500 % 7 + 1, "hash-500"));
        assertThat(found).containsEntry("91620100MA1200", new StoredVersion(1200 % 7 + 1, "hash-1200"));
        assertThat(found).doesNotContainKeys("absent-1", "absent-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findLatestSeparatesRecordTypes(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);
        store.saveLatest(List.of(
                version("K1", 1, "permit", batchId),
                new RecordVersion("xzcf", "K1", 3, "penalty", "{}", "c1", batchId)));

        assertThat(store.findLatest(TYPE, List.of("K1"))).containsEntry("K1", new StoredVersion(1, "permit"));
        assertThat(store.findLatest("xzcf", List.of("K1"))).containsEntry("K1", new StoredVersion(3, "penalty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveLatestKeepsChineseText(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);
        String key = "兰州市𠮷祥商贸有限公司|" + "键".repeat(500);
        String payload = "{\"XK_XDR\":\"兰州市𠮷祥商贸有限公司\",\"BZ\":\"${jndi:x}\"}";

        store.saveLatest(List.of(new RecordVersion(TYPE, key, 1, "h1", payload, "c1", batchId)));

        assertThat(store.findLatest(TYPE, List.of(key))).containsKey(key);
        assertThat(column(database, "payload", key)).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rollbackLeavesNoRecords(MigratedDatabase database) {
        JdbcRecordStore store = store(database);
        long batchId = startBatch(database);
        store.saveLatest(List.of(version("K1", 1, "h1", batchId)));

        assertThatThrownBy(() -> database.transactions().executeWithoutResult(status -> {
            store.saveLatest(List.of(version("K1", 2, "h2", batchId), version("K2", 1, "h1", batchId)));
            throw new IllegalStateException("broker failed");
        })).hasMessage("broker failed");

        Map<String, StoredVersion> found = store.findLatest(TYPE, List.of("K1", "K2"));
        assertThat(found).containsEntry("K1", new StoredVersion(1, "h1"));
        assertThat(found).doesNotContainKey("K2");
    }

    private static JdbcRecordStore store(MigratedDatabase database) {
        return new JdbcRecordStore(database.deleteAllRows().jdbc());
    }

    private static long startBatch(MigratedDatabase database) {
        return new JdbcBatchRepository(database.jdbc()).start("c1", "a.csv", "0".repeat(64), 1);
    }

    private static RecordVersion version(String key, int version, String hash, long batchId) {
        return new RecordVersion(TYPE, key, version, hash, "{\"key\":\"" + key + "\"}", "c1", batchId);
    }

    private static String column(MigratedDatabase database, String column, String businessKey) {
        return database.jdbc().queryForObject("SELECT CAST(" + column + " AS VARCHAR) FROM stored_records"
                + " WHERE business_key = :key", Map.of("key", businessKey), String.class);
    }

    private static int rowCount(MigratedDatabase database) {
        return database.jdbc().getJdbcOperations().queryForObject("SELECT COUNT(*) FROM stored_records",
                Integer.class);
    }
}
