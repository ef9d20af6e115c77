package org.huitong.connectors.sources.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims, replays, conflicts, expiry and take-over of push idempotency keys, on H2 and PostgreSQL. */
class PushIdempotencyStoreTest extends BothDatabasesTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static PushIdempotencyStore store(MigratedDatabase database, Duration ttl, Duration claimTimeout) {
        return new PushIdempotencyStore(database.deleteAllRows().jdbc(), ttl, claimTimeout);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void completedKeyReplaysResponse(MigratedDatabase database) {
        PushIdempotencyStore store = store(database, Duration.ofHours(1), Duration.ofMinutes(10));

        assertThat(store.claim("c", "k1", SHA_A)).isInstanceOf(PushIdempotencyStore.Claimed.class);
        store.complete("c", "k1", 200, "{\"batchId\":7}");

        assertThat(store.claim("c", "k1", SHA_A))
                .isEqualTo(new PushIdempotencyStore.Replay(200, "{\"batchId\":7}"));
        assertThat(store.claim("c", "k1", SHA_B)).isInstanceOf(PushIdempotencyStore.Mismatch.class);
        assertThat(store.claim("other", "k1", SHA_B)).isInstanceOf(PushIdempotencyStore.Claimed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unfinishedKeyIsInProgressUntilReleased(MigratedDatabase database) {
        PushIdempotencyStore store = store(database, Duration.ofHours(1), Duration.ofMinutes(10));
        store.claim("c", "k2", SHA_A);

        assertThat(store.claim("c", "k2", SHA_A)).isInstanceOf(PushIdempotencyStore.InProgress.class);
        store.release("c", "k2");
        assertThat(store.claim("c", "k2", SHA_A)).isInstanceOf(PushIdempotencyStore.Claimed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void expiredKeyIsClaimedAgain(MigratedDatabase database) throws Exception {
        PushIdempotencyStore store = store(database, Duration.ofMillis(200), Duration.ofMinutes(10));
        store.claim("c", "k3", SHA_A);
        store.complete("c", "k3", 200, "{}");
        Thread.sleep(400);

        assertThat(store.claim("c", "k3", SHA_B)).isInstanceOf(PushIdempotencyStore.Claimed.class);
        Thread.sleep(400);
        assertThat(store.purgeExpired()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void abandonedClaimIsTakenOver(MigratedDatabase database) throws Exception {
        PushIdempotencyStore store = store(database, Duration.ofHours(1), Duration.ofMillis(200));
        store.claim("c", "k4", SHA_A);
        Thread.sleep(400);

        assertThat(store.claim("c", "k4", SHA_A)).isInstanceOf(PushIdempotencyStore.Claimed.class);
        assertThat(store.claim("c", "k4", SHA_A)).isInstanceOf(PushIdempotencyStore.InProgress.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentClaimsHaveOneWinner(MigratedDatabase database) throws Exception {
        PushIdempotencyStore store = store(database, Duration.ofHours(1), Duration.ofMinutes(10));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PushIdempotencyStore.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> store.claim("c", "k5", SHA_A));
            }
            long winners = 0;
            for (Future<PushIdempotencyStore.Claim> claim : threads.invokeAll(claims)) {
                winners += claim.get() instanceof PushIdempotencyStore.Claimed ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
