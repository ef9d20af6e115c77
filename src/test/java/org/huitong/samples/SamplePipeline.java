package org.huitong.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.FileDropSource;
import org.huitong.credit.LicenseRules;
import org.huitong.credit.PenaltyRules;
import org.huitong.eldercare.ElderPersonRules;
import org.huitong.eldercare.ElderServiceRules;
import org.huitong.identifiers.CitizenId;
import org.huitong.pipeline.RecordChecker;
import org.huitong.pipeline.RecordContent;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.MappedRecord;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.pipeline.validate.ViolationMessages;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;

/**
 * Runs a sample file through the hub's reading, mapping and validation, without the broker,
 * the database or Spring, and returns what happened to each record. Violations are combined
 * the way the batch pipeline combines them: reading, mapping, then validation, where a
 * validation fault about a field that mapping already rejected is left out.
 */
final class SamplePipeline {

    /** Fixed date of "today" for the rules that reject future dates, so results do not depend on when the test runs. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private final Path root;
    private final SchemaRegistry registry;
    private final RecordValidator validator;

    SamplePipeline(Path root) {
        this.root = root;
        this.registry = new SchemaRegistry(root.resolve("schemas"));
        Clock clock = Clock.fixed(TODAY.atStartOfDay(CitizenId.ZONE).toInstant(), CitizenId.ZONE);
        ViolationMessages messages = ViolationMessages.standard();
        this.validator = new RecordValidator(registry, List.of(new LicenseRules(messages, clock),
                new PenaltyRules(messages, clock), new ElderPersonRules(messages, clock),
                new ElderServiceRules(messages)), messages);
    }

    /** What the pipeline made of one record. */
    record Outcome(long number, long firstLine, Set<SampleRow.ExpectedViolation> violations, String businessKey,
                   List<Violation> details) {

        boolean quarantined() {
            return !violations.isEmpty();
        }
    }

    /** Reads the connector's descriptor from {@code connectors/<id>.yaml}. */
    ConnectorDescriptor connector(String id) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return yaml.readValue(root.resolve("connectors").resolve(id + ".yaml").toFile(), ConnectorDescriptor.class);
    }

    /** Runs every record of {@code file} as the connector would. */
    List<Outcome> run(String connectorId, Path file) throws IOException {
        ConnectorDescriptor connector = connector(connectorId);
        RecordTypeSpec spec = registry.spec(connector.target().recordType(), connector.target().version());

        List<Outcome> outcomes = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(file, FileDropSource.readOptions(connector.source().parameters()))) {
            RecordMapper mapper = new RecordMapper(spec, connector.mapping());
            HeaderBinding binding = mapper.bind(reader.headers());
            binding.requireUsable();
            RecordChecker checker = new RecordChecker(spec, mapper, binding, validator);
            while (reader.hasNext()) {
                outcomes.add(outcome(spec, checker.check(reader.next())));
            }
        }
        return outcomes;
    }

    private static Outcome outcome(RecordTypeSpec spec, RecordChecker.Result result) {
        SourceRecord source = result.source();
        Set<SampleRow.ExpectedViolation> pairs = new LinkedHashSet<>();
        result.violations().forEach(violation -> pairs.add(SampleRow.ExpectedViolation.of(violation.code(), violation.field())));
        String key = result.valid() ? RecordContent.businessKey(result.data(), spec.keyFields()) : null;
        return new Outcome(source.number(), source.firstLine(), pairs, key, result.violations());
    }
}
