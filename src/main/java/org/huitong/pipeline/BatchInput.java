package org.huitong.pipeline;

import java.io.IOException;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.read.RecordReader;

/**
 * What one batch reads: a delivered file, or the records of one poll or one push. Sources other
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
}
