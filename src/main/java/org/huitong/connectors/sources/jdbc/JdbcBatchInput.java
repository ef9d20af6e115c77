package org.huitong.connectors.sources.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.read.RecordReader;

/**
 * The rows of one poll of a database source, as one batch. The reader is already open, so an
 * empty poll is recognised before a batch is started.
 *
 * <p>Exactly once: {@link #chunkRead} takes the watermark of the chunk's last row when the row
 * is read, and writes it in the database transaction that stores the chunk's records. If the hub stops or fails between
 * publishing a chunk and that commit, the watermark stays where it was and the next poll reads
 * the chunk's rows again. They get the same record versions and event ids, which the broker's
 * duplicate detection drops, so no row is lost or published twice. Rows read again because of
 * the overlap window match their stored content hash and count as unchanged.
 */
final class JdbcBatchInput implements BatchInput {

    private final String connectorId;
    private final SourceRowReader reader;
    private final SourceQuery query;
    private final WatermarkStore watermarks;
    private final boolean strictlyAfter;
    private final boolean deletesMissing;
    private final String name;
    /** Written and read only by the chunk commits, which run one after the other. */
    private volatile Watermark committed;

    /**
     * @param committed the stored watermark the poll started from, or {@code null}
     * @param strictlyAfter whether the query reads strictly after the watermark (no overlap),
     *     so every row read moves the watermark forward
     * @param deletesMissing whether this is a snapshot whose missing records are deleted
     */
    JdbcBatchInput(String connectorId, SourceRowReader reader, SourceQuery query, WatermarkStore watermarks,
                   Watermark committed, boolean strictlyAfter, boolean deletesMissing) {
        this.connectorId = connectorId;
        this.reader = reader;
        this.query = query;
        this.watermarks = watermarks;
        this.committed = committed;
        this.strictlyAfter = strictlyAfter;
        this.deletesMissing = deletesMissing;
        this.name = "poll " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + (committed == null ? "" : " from " + committed.timestamp());
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the SHA-256 of the query and its parameters: the same value for a poll repeated from the same position. */
    @Override
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String text = query.sql() + '\n' + query.parameters();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Returns 0: the number of rows is not known before they are read. */
    @Override
    public long size() {
        return 0;
    }

    @Override
    public RecordReader open(ConnectorDescriptor connector) {
        return reader;
    }

    @Override
    public boolean deletesMissing() {
        return deletesMissing;
    }

    @Override
    public Runnable chunkRead(long batchId) {
        Watermark last = reader.last();
        return () -> save(last, batchId);
    }

    private void save(Watermark last, long batchId) {
        if (last == null || last.equals(committed)) {
            return;
        }
        // Within the overlap window the rows are older than the stored watermark; keeping
        // the stored one then stops the window from sliding back. The key is compared only
        // without an overlap, where the query already returns rows after the watermark.
        if (!strictlyAfter && committed != null && last.timestampBefore(committed)) {
            return;
        }
        watermarks.save(connectorId, last, batchId);
        committed = last;
    }
}
