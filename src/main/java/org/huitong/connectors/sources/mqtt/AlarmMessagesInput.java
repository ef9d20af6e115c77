package org.huitong.connectors.sources.mqtt;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.read.FileRejectedException;
import org.huitong.pipeline.read.ReadOptions;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.huitong.pipeline.read.SourceRecord;

/**
 * The messages of one MQTT batch, one JSON object per line.
 *
 * <p>Opening reads every line ahead, so {@link RecordReader#headers()} lists the keys of all
 * messages and not only those of the first one: devices leave out optional keys, and the
 * pipeline binds columns once per batch.
 *
 * <p>NOTE: if two messages of a batch name one field with different keys ({@code lat} and
 * {@code latitude}), the binding is ambiguous and the pipeline rejects the whole batch.
 *
 * @param lines one message per line, without line breaks
 */
record AlarmMessagesInput(String name, List<String> lines) implements BatchInput {

    @Override
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public long size() {
        return lines.size();
    }

    @Override
    public RecordReader open(ConnectorDescriptor connector) throws IOException {
        try (RecordReader reader = RecordReaders.jsonLines(new StringReader(String.join("\n", lines)),
                ReadOptions.defaults())) {
            List<SourceRecord> records = new ArrayList<>();
            FileRejectedException rejection = null;
            try {
                while (reader.hasNext()) {
                    records.add(reader.next());
                }
            } catch (FileRejectedException e) {
                rejection = e;
            }
            return new ReadAhead(reader.headers(), records, rejection);
        }
    }

    /** Replays records read ahead, then the rejection that stopped reading, if any. */
    private static final class ReadAhead implements RecordReader {

        private final List<String> headers;
        private final List<SourceRecord> records;
        private FileRejectedException rejection;
        private int next;

        ReadAhead(List<String> headers, List<SourceRecord> records, FileRejectedException rejection) {
            this.headers = headers;
            this.records = records;
            this.rejection = rejection;
        }

        @Override
        public List<String> headers() {
            return headers;
        }

        @Override
        public java.nio.charset.Charset charset() {
            return StandardCharsets.UTF_8;
        }

        @Override
        public boolean hasNext() {
            return next < records.size() || rejection != null;
        }

        @Override
        public SourceRecord next() {
            if (next < records.size()) {
                return records.get(next++);
            }
            if (rejection == null) {
                throw new java.util.NoSuchElementException("No more records");
            }
            FileRejectedException thrown = rejection;
            rejection = null;
            throw thrown;
        }

        @Override
        public void close() {
        }
    }
}
