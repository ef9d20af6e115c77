package org.huitong.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.FileRejectedException;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads, maps and validates a sample file exactly as a batch of the connector would, but stores
 * and publishes nothing: departments use it to check a descriptor before it goes live.
 */
@Component
public class DryRunner {

    private final SchemaRegistry schemas;
    private final RecordValidator validator;

    public DryRunner(SchemaRegistry schemas, RecordValidator validator) {
        this.schemas = schemas;
        this.validator = validator;
    }

    /**
     * Checks every record of {@code file}.
     *
     * @param shown how many records to return in full; all are counted
     */
    public DryRunResult run(ConnectorDescriptor connector, Path file, int shown) {
        return run(connector, new FileBatchInput(file, file.getFileName().toString()), shown);
    }

    /**
     * Checks every record of an input of any source, such as the first page of a polled API.
     *
     * @param shown how many records to return in full; all are counted
     */
    public DryRunResult run(ConnectorDescriptor connector, BatchInput input, int shown) {
        RecordTypeSpec spec = schemas.spec(connector.target().recordType(), connector.target().version());
        List<DryRunResult.Checked> records = new ArrayList<>();
        long read = 0;
        long valid = 0;
        try (RecordReader reader = input.open(connector)) {
            RecordMapper mapper = new RecordMapper(spec, connector.mapping());
            HeaderBinding binding = mapper.bind(reader.headers());
            binding.requireUsable();
            RecordChecker checker = new RecordChecker(spec, mapper, binding, validator);
            while (reader.hasNext()) {
                RecordChecker.Result result = checker.check(reader.next());
                read++;
                valid += result.valid() ? 1 : 0;
                if (records.size() < shown) {
                    records.add(checked(result));
                }
            }
            return new DryRunResult(read, valid, read - valid, null, 0, records, read > records.size(),
                    missingColumns(connector, reader.headers()));
        } catch (FileRejectedException e) {
            return new DryRunResult(read, valid, read - valid, e.violation(), e.line(), records,
                    read > records.size(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input.name(), e);
        }
    }

    /** Returns the mapped columns that the header lacks, in the descriptor's order. */
    private static List<String> missingColumns(ConnectorDescriptor connector, List<String> headers) {
        return connector.mapping().keySet().stream().filter(column -> !headers.contains(column)).sorted().toList();
    }

    private static DryRunResult.Checked checked(RecordChecker.Result result) {
        var source = result.source();
        return new DryRunResult.Checked(source.number(), source.firstLine(), source.lastLine(),
                result.valid(), result.data(), result.violations());
    }
}
