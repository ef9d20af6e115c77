package org.huitong.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Commits the chunks of one batch on another thread, one at a time and in order, while the
 * batch's own thread reads and checks the next chunk. In the ingest benchmark's profile, reading
 * and validating took about a quarter of a chunk's time and committing the rest, so the two
 * overlap on a second core.
 *
 * <p>At most one commit runs at a time: {@link #submit} first waits for the previous one. So
 * a chunk's record-store lookup finds the versions that the chunk before it stored, and a
 * failure stops the batch before the next chunk is committed.
 */
final class ChunkCommits {

    private static final ChunkCommitter.Counts NONE = new ChunkCommitter.Counts(0, 0, 0, 0);

    private final Executor executor;
    private CompletableFuture<ChunkCommitter.Counts> pending;

    ChunkCommits(Executor executor) {
        this.executor = executor;
    }

    /**
     * Waits for the previous commit, then starts {@code commit} on the executor.
     *
     * @return the counts of the previous commit, or zero counts if there was none
     * @throws PipelineFailureException if the previous commit failed
     */
    ChunkCommitter.Counts submit(Supplier<ChunkCommitter.Counts> commit) {
        ChunkCommitter.Counts previous = finish();
        pending = CompletableFuture.supplyAsync(commit, executor);
        return previous;
    }

    /**
     * Waits for the commit that is running, if any. The wait is not interrupted: a commit that
     * has started ends with its transaction, so the batch's status records what happened.
     *
     * @return its counts, or zero counts if none was running
     * @throws PipelineFailureException if it failed, or another exception that it threw
     */
    ChunkCommitter.Counts finish() {
        if (pending == null) {
            return NONE;
        }
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        } finally {
            pending = null;
        }
    }

    /** Waits for a commit still running when the batch has already failed, ignoring how it ends. */
    void abandon() {
        if (pending == null) {
            return;
        }
        try {
            pending.join();
        } catch (CompletionException e) {
            // The batch fails with the first error. This one would only repeat it or follow from it.
        } finally {
            pending = null;
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return e;
    }
}
