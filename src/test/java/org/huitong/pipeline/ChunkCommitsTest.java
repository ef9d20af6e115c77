package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkCommitsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ChunkCommits commits = new ChunkCommits(threads);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static ChunkCommitter.Counts counts(long read) {
        return new ChunkCommitter.Counts(read, read, 0, 0);
    }

    @Test
    void submitReturnsPreviousCounts() {
        assertThat(commits.submit(() -> counts(1)).read()).isZero();
        assertThat(commits.submit(() -> counts(2)).read()).isEqualTo(1);
        assertThat(commits.finish().read()).isEqualTo(2);
        assertThat(commits.finish().read()).as("nothing left to wait for").isZero();
    }

    @Test
    void commitsRunInOrderOneAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int chunk = i;
            commits.submit(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(chunk);
                Thread.onSpinWait();
                running.decrementAndGet();
                return counts(1);
            });
        }
        commits.finish();

        assertThat(maxRunning.get()).isEqualTo(1);
        assertThat(order).isSorted().hasSize(50);
    }

    @Test
    void failureStopsTheNextCommit() {
        PipelineFailureException failure = new PipelineFailureException(PipelineFailureException.Part.DATABASE,
                "database failed", null);
        AtomicBoolean nextStarted = new AtomicBoolean();
        commits.submit(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> commits.submit(() -> {
            nextStarted.set(true);
            return counts(1);
        })).isSameAs(failure);
        assertThat(nextStarted).isFalse();
    }

    @Test
    void abandonWaitsForRunningCommit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        commits.submit(() -> {
            started.countDown();
            sleep(200);
            ended.set(true);
            throw new IllegalStateException("broker failed");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        commits.abandon();

        assertThat(ended).as("the commit ended before abandon returned").isTrue();
        assertThat(commits.finish().read()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
