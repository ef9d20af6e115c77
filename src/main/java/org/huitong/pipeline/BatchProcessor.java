package org.huitong.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.exchange.RecordJson;
import org.huitong.i18n.Messages;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.FileRejectedException;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.quarantine.QuarantinedRecord;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one source file through the pipeline as a batch: read, map, validate, de-duplicate,
 * publish, quarantine. Records are committed in chunks of the connector's chunk size, so memory
 * stays bounded for any file size. While one chunk commits on a thread of its own, the batch's
 * thread reads and checks the next one (see {@link ChunkCommits}). The last chunk commits on
 * the batch's thread.
 */
@Component
public class BatchProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final SchemaRegistry schemas;
    private final RecordValidator validator;
    private final ChunkCommitter committer;
    private final BatchRepository batches;
    private final Messages messages;
    private final SnapshotDeletions deletions;
    private final ExecutorService commitThreads = Executors.newCachedThreadPool(commitThreadFactory());

    public BatchProcessor(SchemaRegistry schemas, RecordValidator validator, ChunkCommitter committer,
                          BatchRepository batches, Messages messages, SnapshotDeletions deletions) {
        this.schemas = schemas;
        this.validator = validator;
        this.committer = committer;
        this.batches = batches;
        this.messages = messages;
        this.deletions = deletions;
    }

    /**
     * Processes {@code file}, delivered as {@code fileName}, for the connector.
     *
     * @throws PipelineFailureException if the database or the broker failed; the batch is
     *     FAILED and the file should be processed again later
     */
    public BatchOutcome process(ConnectorDescriptor connector, Path file, String fileName) {
        return process(connector, new FileBatchInput(file, fileName));
    }

    /**
     * Processes one input of any source for the connector.
     *
     * @throws PipelineFailureException if the database or the broker failed; the batch is
     *     FAILED and the input should be processed again later
     */
    public BatchOutcome process(ConnectorDescriptor connector, BatchInput input) {
        RecordTypeSpec spec = schemas.spec(connector.target().recordType(),
                connector.target().version());
        String name = input.name();
        long batchId;
        try {
            batchId = batches.start(connector.id(), name, input.sha256(), input.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        BatchContext batch = new BatchContext(connector, spec, batchId, name);
        log.info("Batch {} started: connector {}, input {}", batchId, connector.id(), name);

        BatchTally tally = new BatchTally(batchId);
        try {
            BatchStatus status = run(batch, input, tally);
            batches.finish(batchId, status, tally.errorCode(), tally.error());
            log.info("Batch {} {}: read {}, published {}, unchanged {}, quarantined {}, deleted {}", batchId,
                    status, tally.read(), tally.published(), tally.unchanged(), tally.quarantined(), tally.deleted());
            return tally.outcome(status);
        } catch (PipelineFailureException e) {
            markFailed(batchId, e);
            throw e;
        } finally {
            if (input.deletesMissing()) {
                deletions.forget(batchId);
            }
        }
    }

    private BatchStatus run(BatchContext batch, BatchInput input, BatchTally tally) {
        Chunk chunk = new Chunk();
        int chunkSize = batch.connector().options().chunkSize();
        ChunkCommits commits = new ChunkCommits(commitThreads);
        try (RecordReader reader = input.open(batch.connector())) {
            RecordMapper mapper = new RecordMapper(batch.spec(), batch.connector().mapping());
            HeaderBinding binding = mapper.bind(reader.headers());
            binding.requireUsable();
            RecordChecker checker = new RecordChecker(batch.spec(), mapper, binding, validator);
            while (reader.hasNext()) {
                add(batch, checker.check(reader.next()), chunk);
                if (chunk.size() >= chunkSize) {
                    Chunk full = chunk;
                    Runnable inTransaction = inTransaction(batch, input, full);
                    tally.add(commits.submit(() -> committer.commit(batch, full, inTransaction)));
                    chunk = new Chunk();
                }
            }
            tally.add(commits.finish());
            tally.add(committer.commit(batch, chunk, inTransaction(batch, input, chunk)));
            if (input.deletesMissing()) {
                tally.addDeleted(deletions.deleteMissing(batch, tally));
            }
            return BatchStatus.COMPLETED;
        } catch (FileRejectedException e) {
            tally.add(commits.finish());
            return rejectRest(batch, chunk, tally, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input.name(), e);
        } finally {
            commits.abandon();
        }
    }

    /**
     * Returns what runs inside the transaction of {@code chunk}: the input's position after the
     * chunk's last record, taken now on the reading thread, and the keys of a snapshot.
     */
    private Runnable inTransaction(BatchContext batch, BatchInput input, Chunk chunk) {
        Runnable position = input.chunkRead(batch.batchId());
        return () -> {
            position.run();
            if (input.deletesMissing()) {
                deletions.remember(batch, chunk);
            }
        };
    }

    private static void add(BatchContext batch, RecordChecker.Result result, Chunk chunk) {
        SourceRecord record = result.source();
        if (result.valid()) {
            chunk.addValid(new Chunk.Valid(record, result.data(),
                    RecordContent.businessKey(result.data(), batch.spec().keyFields()),
                    RecordContent.contentHash(result.data()), RecordJson.write(result.data())));
        } else {
            chunk.addQuarantined(new QuarantinedRecord(0, batch.batchId(), batch.connectorId(),
                    batch.spec().type(), batch.sourceFile(), record.number(), record.firstLine(),
                    record.lastLine(), record.displayValues(), result.violations(), Instant.now()));
        }
    }

    /**
     * Commits what was read before the fault and quarantines the unread rest as one entry:
     * REJECTED if nothing could be read, PARTIAL otherwise.
     */
    private BatchStatus rejectRest(BatchContext batch, Chunk chunk, BatchTally tally,
                                   FileRejectedException e) {
        log.warn("Batch {}: file {} rejected from line {}: {}", batch.batchId(),
                batch.sourceFile(), e.line(), e.violation().code());
        chunk.addQuarantined(new QuarantinedRecord(0, batch.batchId(), batch.connectorId(),
                batch.spec().type(), batch.sourceFile(), 0, e.line(), 0, Map.of(),
                List.of(e.violation()), Instant.now()));
        tally.add(committer.commit(batch, chunk));
        tally.fileError(e.violation());
        return tally.read() == 0 ? BatchStatus.REJECTED : BatchStatus.PARTIAL;
    }

    /**
     * Lets running commits end. A batch that is still reading when the hub stops cannot hand over
     * its next chunk, stays RUNNING, and is marked INTERRUPTED at the next start.
     */
    @Override
    public void destroy() {
        commitThreads.shutdown();
    }

    private static ThreadFactory commitThreadFactory() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chunk-commit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void markFailed(long batchId, PipelineFailureException e) {
        log.error("Batch {} failed; its input (a file in the inbox, or a source's rows after its"
                + " watermark) is processed again: {}", batchId, e.getMessage(), e.getCause());
        try {
            batches.finish(batchId, BatchStatus.FAILED, "PIPELINE_FAILURE",
                    messages.text(switch (e.part()) {
                        case BROKER -> "batch.failed.broker";
                        case DATABASE -> "batch.failed.database";
                        case SOURCE -> "batch.failed.source";
                    }));
        } catch (RuntimeException recordFailure) {
            log.error("Batch {}: cannot record the failure; it shows as RUNNING until the next "
                    + "start-up marks it INTERRUPTED", batchId, recordFailure);
        }
    }
}
