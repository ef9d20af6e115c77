package org.huitong.batches;

import static org.assertj.core.api.Assertions.assertThat;

import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchRecoveryTest extends BothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recoveryInterruptsRunningBatches(MigratedDatabase database) {
        JdbcBatchRepository batches = new JdbcBatchRepository(database.deleteAllRows().jdbc());
        long running = batches.start("c1", "a.csv", "0".repeat(64), 1);
        long completed = batches.start("c1", "b.csv", "0".repeat(64), 1);
        batches.finish(completed, BatchStatus.COMPLETED, null, null);

        new BatchRecovery(batches).afterSingletonsInstantiated();

        assertThat(batches.findById(running).orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(batches.findById(completed).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
    }
}
