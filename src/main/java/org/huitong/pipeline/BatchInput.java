package org.huitong.pipeline;

import java.io.IOException;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.read.RecordReader;

/**
 * The input of one batch: a delivered file, or the records of one poll or one push. Sources other
 * than files implement it to run their records through the same pipeline.
 */
public interface BatchInput {

    /** Names the input in the batch list, for example the file name or {@code poll 2026-12-04T02:00Z}. */
    String name();

    /** SHA-256 (hex) of the input's content, to recognise a delivery sent twice. */
    String sha256() throws IOException;

    /** Size of the input in bytes, or the number of records where bytes are not known. */
    long size() throws IOException;

    /**
     * Opens the records for reading.
     *
     * @throws org.huitong.pipeline.read.FileRejectedException if the input cannot be read at all
     */
    RecordReader open(ConnectorDescriptor connector) throws IOException;

    /**
     * Returns what stores how far the input has been read, once the last record of a chunk was
     * read. The pipeline calls it on the reading thread and runs the returned action later,
     * possibly on another thread, inside the database transaction that commits that chunk. A
     * source that resumes from a position, such as a database watermark, stores it there, so the
     * position commits or rolls back together with the records it covers. Files store nothing.
     */
    default Runnable chunkRead(long batchId) {
        return () -> { };
    }

    /**
     * Returns true when the input is a complete snapshot of its source, so that the connector's
     * records it does not contain are deleted once it has been read without quarantine.
     */
    default boolean deletesMissing() {
        return false;
    }
}
