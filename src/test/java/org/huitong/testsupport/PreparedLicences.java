package org.huitong.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.FileDropSource;
import org.huitong.exchange.OutboundRecord;
import org.huitong.pipeline.RecordChecker;
import org.huitong.pipeline.RecordContent;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;

/**
 * Turns a licence file of the {@code samr-licensing} connector into records ready to publish,
 * with the pipeline's own reading, mapping, validation, business key and content hash, but
 * without the record store. Tests that need many events in the broker use it to publish through
 * {@code ExchangePublisher} at its full rate.
 */
public final class PreparedLicences {

    /** The connector whose descriptor, mapping and department the records get. */
    public static final String CONNECTOR = "samr-licensing";

    /** Receives one chunk of records. The list is reused after the call returns. */
    public interface ChunkConsumer {
        void accept(List<OutboundRecord> chunk) throws Exception;
    }

    private final ConnectorDescriptor connector;
    private final RecordTypeSpec spec;
    private final RecordValidator validator;

    public PreparedLicences(ConnectorRegistry connectors, SchemaRegistry schemas, RecordValidator validator) {
        this.connector = connectors.find(CONNECTOR).orElseThrow(() -> new IllegalStateException(
                "Connector " + CONNECTOR + " is not loaded; the test hub copies it from connectors/"));
        this.spec = schemas.spec(connector.target().recordType(), connector.target().version());
        this.validator = validator;
    }

    /**
     * Reads {@code file} and passes its records to {@code consumer} in chunks of the connector's
     * chunk size, every record with {@code version}. Returns the number of records passed.
     *
     * @throws IllegalStateException if a row of the file is invalid, because every row of a
     *     generated test file should be valid
     */
    public long forEachChunk(Path file, int version, ChunkConsumer consumer) throws Exception {
        int chunkSize = connector.options().chunkSize();
        List<OutboundRecord> chunk = new ArrayList<>(chunkSize);
        long passed = 0;
        try (RecordReader reader = RecordReaders.open(file, FileDropSource.readOptions(connector.source().parameters()))) {
            RecordMapper mapper = new RecordMapper(spec, connector.mapping());
            HeaderBinding binding = mapper.bind(reader.headers());
            binding.requireUsable();
            RecordChecker checker = new RecordChecker(spec, mapper, binding, validator);

            while (reader.hasNext()) {
                RecordChecker.Result result = checker.check(reader.next());
                if (!result.valid()) {
                    throw new IllegalStateException("Line " + result.source().firstLine() + " of " + file
                            + " is invalid: " + result.violations());
                }
                chunk.add(toOutbound(result, version, file));
                if (chunk.size() == chunkSize || !reader.hasNext()) {
                    consumer.accept(chunk);
                    passed += chunk.size();
                    chunk.clear();
                }
            }
        }
        return passed;
    }

    private OutboundRecord toOutbound(RecordChecker.Result result, int version, Path file) {
        return new OutboundRecord(spec.type(), spec.schemaId(),
                RecordContent.businessKey(result.data(), spec.keyFields()), version,
                RecordContent.contentHash(result.data()), result.data(), connector.department().code(),
                connector.id(), 0, file.getFileName().toString(), result.source().firstLine(),
                result.source().lastLine());
    }
}
