package org.huitong.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huitong.batches.BatchRepository;
import org.huitong.exchange.ExchangePublisher;
import org.huitong.exchange.OutboundRecord;
import org.huitong.exchange.PublishException;
import org.huitong.quarantine.QuarantineRepository;
import org.huitong.records.RecordStore;
import org.huitong.records.RecordVersion;
import org.huitong.records.SnapshotRecords;
import org.huitong.records.StoredVersion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits one chunk: record-store updates, quarantine entries, batch counts and the
 * published-event log in one database transaction, and the changed records' messages in one
 * broker transaction.
 *
 * <p>The broker transaction commits first, inside the open database transaction. If the broker
 * fails, both roll back and nothing of the chunk happened. If the database commit fails after
 * the broker committed, the file is processed again later. The same record versions then get
 * the same event ids, and the broker's duplicate detection drops the messages it already has.
 * So no record is lost or published twice.
 */
@Component
public class ChunkCommitter {

    private final TransactionTemplate transactions;
    private final RecordStore recordStore;
    private final QuarantineRepository quarantine;
    private final BatchRepository batches;
    private final ExchangePublisher publisher;

    private static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public ChunkCommitter(TransactionTemplate transactions, RecordStore recordStore,
                          QuarantineRepository quarantine, BatchRepository batches,
                          ExchangePublisher publisher) {
        this.transactions = transactions;
        this.recordStore = recordStore;
        this.quarantine = quarantine;
        this.batches = batches;
        this.publisher = publisher;
    }

    /** Counts of one committed chunk. */
    public record Counts(long read, long published, long unchanged, long quarantined) {
    }

    /**
     * Commits the chunk.
     *
     * @throws PipelineFailureException if the database or the broker failed; nothing of the
     *     chunk was committed to the database then
     */
    Counts commit(BatchContext batch, Chunk chunk) {
        return commit(batch, chunk, () -> { });
    }

    /**
     * Commits the chunk and runs {@code inTransaction} inside the same database transaction,
     * before the broker commits, so that what it writes commits or rolls back with the chunk.
     */
    Counts commit(BatchContext batch, Chunk chunk, Runnable inTransaction) {
        return inTransaction(batch, () -> commitInTransaction(batch, chunk, inTransaction));
    }

    /**
     * Stores and publishes the deletion of records that a full snapshot of their source no
     * longer had: each gets one more version with the deleted marker as its content hash, and an
     * event of type {@code <type>.deleted} that carries its last content.
     *
     * @return how many records were deleted
     * @throws PipelineFailureException if the database or the broker failed; nothing was deleted then
     */
    long commitDeletions(BatchContext batch, List<SnapshotRecords.Missing> missing) {
        return inTransaction(batch, () -> deleteInTransaction(batch, missing));
    }

    private <T> T inTransaction(BatchContext batch, Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (PublishFailure e) {
            throw new PipelineFailureException(PipelineFailureException.Part.BROKER,
                    "Broker failed while publishing batch "
                    + batch.batchId(), e.getCause());
        } catch (RuntimeException e) {
            throw new PipelineFailureException(PipelineFailureException.Part.DATABASE,
                    "Database failed while committing batch "
                    + batch.batchId(), e);
        }
    }

    private Counts commitInTransaction(BatchContext batch, Chunk chunk, Runnable inTransaction) {
        Map<String, RecordVersion> versions = new LinkedHashMap<>();
        List<OutboundRecord> outbound = new ArrayList<>();
        long unchanged = nextVersions(batch, chunk, versions, outbound);
        long quarantinedRecords = chunk.recordsRead() - chunk.valid().size();
        Counts counts = new Counts(chunk.recordsRead(), outbound.size(), unchanged, quarantinedRecords);

        publish(outbound, () -> {
            recordStore.saveLatest(List.copyOf(versions.values()));
            quarantine.saveAll(chunk.quarantined());
            batches.addCounts(batch.batchId(), counts.read(), counts.published(), counts.unchanged(),
                    counts.quarantined());
            inTransaction.run();
        });
        return counts;
    }

    private long deleteInTransaction(BatchContext batch, List<SnapshotRecords.Missing> missing) {
        List<RecordVersion> versions = new ArrayList<>();
        List<OutboundRecord> outbound = new ArrayList<>();
        for (SnapshotRecords.Missing record : missing) {
            int version = record.version() + 1;
            versions.add(new RecordVersion(batch.spec().type(), record.businessKey(), version,
                    SnapshotRecords.DELETED_HASH, record.payload(), batch.connectorId(), batch.batchId()));
            outbound.add(batch.deletion(record.businessKey(), version, storedData(record)));
        }
        publish(outbound, () -> {
            recordStore.saveLatest(versions);
            batches.addDeleted(batch.batchId(), versions.size());
        });
        return versions.size();
    }

    /**
     * Sends {@code records} and runs {@code databaseWrites} while the broker stores them, before
     * the broker commits. A broker failure becomes a {@link PublishFailure}, and a database
     * failure propagates as it is.
     */
    private void publish(List<OutboundRecord> records, Runnable databaseWrites) {
        try {
            publisher.publish(records, databaseWrites);
        } catch (PublishException e) {
            throw new PublishFailure(e);
        }
    }

    /** Parses a stored payload with its decimals exactly as they were published. */
    private static ObjectNode storedData(SnapshotRecords.Missing record) {
        try {
            return (ObjectNode) EXACT_JSON.readTree(record.payload());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("The stored payload of record " + record.businessKey()
                    + " is not a JSON object", e);
        }
    }

    /** Assigns versions to changed records; returns how many were unchanged. */
    private long nextVersions(BatchContext batch, Chunk chunk, Map<String, RecordVersion> versions,
                              List<OutboundRecord> outbound) {
        List<String> keys = chunk.valid().stream().map(Chunk.Valid::businessKey).distinct().toList();
        Map<String, StoredVersion> latest = new HashMap<>(
                recordStore.findLatest(batch.spec().type(), keys));
        long unchanged = 0;
        for (Chunk.Valid record : chunk.valid()) {
            StoredVersion stored = latest.get(record.businessKey());
            if (stored != null && stored.contentHash().equals(record.contentHash())) {
                unchanged++;
                continue;
            }
            int version = stored == null ? 1 : stored.version() + 1;
            latest.put(record.businessKey(), new StoredVersion(version, record.contentHash()));
            // A key that changes twice within the chunk keeps only its newest version in the store.
            versions.put(record.businessKey(), new RecordVersion(batch.spec().type(), record.businessKey(), version,
                    record.contentHash(), record.dataJson(), batch.connectorId(),
                    batch.batchId()));
            outbound.add(batch.outbound(record, version));
        }
        return unchanged;
    }

    /** Carries a broker failure out of the transaction callback so that it rolls back. */
    private static final class PublishFailure extends RuntimeException {
        PublishFailure(PublishException cause) {
            super(cause);
        }
    }
}
