package org.huitong.connectors.sources.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.read.ReadOptions;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;

/**
 * The records of one push, read as one batch.
 *
 * @param name the batch name, {@code push} followed by the time or the Idempotency-Key
 */
record PushBatchInput(String name, PushBody body) implements BatchInput {

    @Override
    public String sha256() {
        return body.sha256();
    }

    @Override
    public long size() {
        return body.bytes().length;
    }

    @Override
    public RecordReader open(ConnectorDescriptor connector) throws IOException {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(body.bytes()),
                StandardCharsets.UTF_8.newDecoder());
        RecordReader records = body.jsonLines()
                ? RecordReaders.jsonLines(reader, ReadOptions.defaults())
                : RecordReaders.jsonArray(reader, ReadOptions.defaults());
        // JSON has no header row: reading the first record ahead makes its keys the headers
        // that the mapping is bound to, as when a JSON file is opened.
        records.hasNext();
        return records;
    }
}
