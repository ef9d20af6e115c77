package org.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.FileDropSource;
import org.huitong.exchange.ExchangePublisher;
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
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures ingestion of N synthetic 行政许可 rows through the whole hub, and as reference limits
 * the two stages it is made of, each alone:
 *
 * <ol>
 *   <li>read + map + validate (with business key and content hash), publishing nothing;
 *   <li>publishing the same records, prepared beforehand, in chunks of the connector's size;
 *   <li>end to end: the file dropped into the inbox until its batch is COMPLETED, through the
 *       record store and into the persistent broker.
 * </ol>
 *
 * <p>A durable subscription without a consumer exists throughout, so the broker stores every
 * message in its journal. N is the system property {@code bench.rows}; the normal test run uses
 * a small N to keep this code working, and {@code ./mvnw test -Pbenchmark} runs 1,000,000 rows
 * with {@code -Xmx512m} (see docs/benchmarks.md). Only counts are asserted, never times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IngestBenchmarkTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final String CONNECTOR = "samr-licensing";
    /** Version given to the publish-only stage, so its event ids differ from the end-to-end run's. */
    private static final int PUBLISH_STAGE_VERSION = 1_000_000;

    @Autowired
    SchemaRegistry schemas;

    @Autowired
    RecordValidator validator;

    @Autowired
    ExchangePublisher publisher;

    @Autowired
    ConnectorRegistry catalog;

    @Autowired
    BatchRepository batches;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @Test
    void ingestBenchmark() throws Exception {
        int rows = Integer.getInteger("bench.rows", 2_000);
        Path file = LicenceCsvGenerator.write(HUB.root().resolve("bench.csv"), rows);
        ConnectorDescriptor connector = catalog.find(CONNECTOR).orElseThrow();
        RecordTypeSpec spec = schemas.spec(connector.target().recordType(), connector.target().version());

        try (Connection connection = keepMessages(); CpuMeter cpu = CpuMeter.start()) {
            Stage validate = measure(cpu, () -> validateOnly(file, connector, spec));
            Stage publish = measure(cpu, () -> publishOnly(file, connector, spec));
            Stage endToEnd = measure(cpu, () -> endToEnd(file));

            assertThat(validate.records()).isEqualTo(rows);
            assertThat(publish.records()).isEqualTo(rows);
            assertThat(endToEnd.records()).isEqualTo(rows);
            report(rows, Files.size(file), validate, publish, endToEnd);
        }
    }

    /** Runs read + map + validate; returns how many records were valid. */
    private long validateOnly(Path file, ConnectorDescriptor connector, RecordTypeSpec spec) throws IOException {
        long valid = 0;
        try (RecordReader reader = open(file, connector)) {
            RecordChecker checker = checker(reader, connector, spec);
            while (reader.hasNext()) {
                RecordChecker.Result result = checker.check(reader.next());
                if (result.valid()) {
                    RecordContent.businessKey(result.data(), spec.keyFields());
                    RecordContent.contentHash(result.data());
                    valid++;
                }
            }
        }
        return valid;
    }

    /**
     * Publishes the file's records chunk by chunk; only the publish calls are timed, so preparing
     * the records does not count. Returns how many were published.
     */
    private long publishOnly(Path file, ConnectorDescriptor connector, RecordTypeSpec spec) throws Exception {
        int chunkSize = connector.options().chunkSize();
        long published = 0;
        List<OutboundRecord> chunk = new ArrayList<>(chunkSize);
        try (RecordReader reader = open(file, connector)) {
            RecordChecker checker = checker(reader, connector, spec);
            while (reader.hasNext()) {
                RecordChecker.Result result = checker.check(reader.next());
                chunk.add(new OutboundRecord(spec.type(), spec.schemaId(),
                        RecordContent.businessKey(result.data(), spec.keyFields()), PUBLISH_STAGE_VERSION,
                        RecordContent.contentHash(result.data()), result.data(), connector.department().code(),
                        connector.id(), 0, file.getFileName().toString(), result.source().firstLine(),
                        result.source().lastLine()));
                if (chunk.size() == chunkSize || !reader.hasNext()) {
                    long start = System.nanoTime();
                    publisher.publish(chunk);
                    publishNanos += System.nanoTime() - start;
                    published += chunk.size();
                    chunk.clear();
                }
            }
        }
        return published;
    }

    private long publishNanos;

    /** Drops the file into the connector's inbox and waits for its batch; returns the records published. */
    private long endToEnd(Path file) {
        HUB.drop(CONNECTOR, file, "bench.csv");
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Batch> found = batches.find(CONNECTOR, 0, 1);
            return !found.isEmpty() && found.get(0).status() != BatchStatus.RUNNING;
        });
        Batch batch = batches.find(CONNECTOR, 0, 1).get(0);
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        endToEndNanos = Duration.between(batch.startedAt(), batch.finishedAt()).toNanos();
        endToEndBatch = batch;
        return batch.published();
    }

    private long endToEndNanos;
    private Batch endToEndBatch;

    private static RecordReader open(Path file, ConnectorDescriptor connector) {
        return RecordReaders.open(file, FileDropSource.readOptions(connector.source().parameters()));
    }

    private RecordChecker checker(RecordReader reader, ConnectorDescriptor connector, RecordTypeSpec spec) {
        RecordMapper mapper = new RecordMapper(spec, connector.mapping());
        HeaderBinding binding = mapper.bind(reader.headers());
        binding.requireUsable();
        return new RecordChecker(spec, mapper, binding, validator);
    }

    /** Creates a durable subscription without a consumer, so that the broker stores every message. */
    private static Connection keepMessages() throws Exception {
        Connection connection = new ActiveMQConnectionFactory(HUB.brokerUrl()).createConnection();
        connection.setClientID("benchmark");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(session.createTopic("exchange.credit.license"), "benchmark").close();
        return connection;
    }

    private record Stage(long records, long nanos, long peakHeapBytes, CpuMeter.Usage cpu) {

        double perSecond() {
            return records / (nanos / 1e9);
        }

        String cpuPerRecord() {
            return cpu.describe(records, Runtime.getRuntime().availableProcessors());
        }
    }

    private interface Work {
        long run() throws Exception;
    }

    /**
     * Runs one stage. Its CPU is counted over the whole stage, preparation included, except for
     * the end-to-end stage, which counts the batch from its start to its end.
     */
    private Stage measure(CpuMeter cpu, Work work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        publishNanos = 0;
        endToEndNanos = 0;
        endToEndBatch = null;

        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long records = work.run();
        long wall = System.nanoTime() - start;
        CpuMeter.Usage usage = endToEndBatch == null
                ? cpu.between(startedAt, Instant.now())
                : cpu.between(endToEndBatch.startedAt(), endToEndBatch.finishedAt());

        // The publish stage times only its publish calls, and the end-to-end stage the batch itself.
        long nanos = wall;
        if (publishNanos > 0) {
            nanos = publishNanos;
        } else if (endToEndNanos > 0) {
            nanos = endToEndNanos;
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Stage(records, nanos, peak, usage);
    }

    private static void report(int rows, long bytes, Stage validate, Stage publish, Stage endToEnd)
            throws IOException {
        double sequential = 1 / (1 / validate.perSecond() + 1 / publish.perSecond());
        String report = String.format(Locale.ROOT, """
                Ingest benchmark: %d rows, %.1f MB CSV, max heap %d MB, %d processors
                  read + map + validate only : %,10.0f records/s  (%.1f s, peak heap %d MB)
                  publish only (prepared)    : %,10.0f records/s  (%.1f s of publish calls, peak heap %d MB)
                  both stages one after other: %,10.0f records/s  (computed)
                  end to end through the hub : %,10.0f records/s  (%.1f s, peak heap %d MB)
                  end to end / sequential    : %10.0f %%
                CPU per record
                  read + map + validate only : %s
                  publish only (whole stage) : %s
                  end to end through the hub : %s
                """, rows, bytes / 1e6, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                validate.perSecond(), validate.nanos() / 1e9, validate.peakHeapBytes() >> 20,
                publish.perSecond(), publish.nanos() / 1e9, publish.peakHeapBytes() >> 20,
                sequential,
                endToEnd.perSecond(), endToEnd.nanos() / 1e9, endToEnd.peakHeapBytes() >> 20,
                100 * endToEnd.perSecond() / sequential,
                validate.cpuPerRecord(), publish.cpuPerRecord(), endToEnd.cpuPerRecord());
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-ingest.txt"), report);
    }
}
