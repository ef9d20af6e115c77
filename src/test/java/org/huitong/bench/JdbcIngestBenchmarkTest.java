package org.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures the initial load of N rows from a PostgreSQL table through a {@code jdbc-poll}
 * connector: from the start of the connector's first poll until its batch is COMPLETED, through
 * the record store and into the persistent broker, with a durable subscription that keeps
 * every message.
 *
 * <p>N is the system property {@code bench.rows} (at most 1,000,000, the number of distinct
 * synthetic USCCs); the normal test run uses a small N. {@code ./mvnw test -Pbenchmark
 * -Dbench.tests=JdbcIngestBenchmarkTest} runs 1,000,000 rows with {@code -Xmx512m}; see
 * docs/benchmarks.md. Only counts are asserted, never times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JdbcIngestBenchmarkTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final String CONNECTOR = "bench-jdbc";
    private static final int ROWS = Integer.getInteger("bench.rows", 2_000);
    private static final EmbeddedPostgresSupport.Database SOURCE = EmbeddedPostgresSupport.createDatabase();

    @Autowired
    BatchRepository batches;

    @Autowired
    ConnectorRuntime runtime;

    /** Started before the hub, whose connector begins the load as soon as it starts. */
    private static CpuMeter cpu;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws Exception {
        fillSource();
        cpu = CpuMeter.start();
        Files.writeString(HUB.connectorsDir().resolve(CONNECTOR + ".yaml"), """
                id: %s
                department: {code: lz-mca, name: 兰州市民政局}
                source:
                  template: jdbc-poll
                  parameters: {url: "%s", username: %s, table: institutions, timestampColumn: updated_at,
                               keyColumn: id}
                target: {recordType: elder.institution, version: "1"}
                mapping: {uscc: uscc, name: name, kind: kind, division_code: divisionCode}
                schedule: {interval: PT1H}
                """.formatted(CONNECTOR, SOURCE.jdbcUrl(), SOURCE.username()));
        HUB.register(registry);
    }

    @Test
    void jdbcInitialLoad() throws Exception {
        try (Connection keep = keepMessages()) {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);

            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<Batch> found = batches.find(CONNECTOR, 0, 1);
                return !found.isEmpty() && found.get(0).status() != BatchStatus.RUNNING;
            });
            Batch batch = batches.find(CONNECTOR, 0, 1).get(0);
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

            assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(batch.published()).isEqualTo(ROWS);
            report(batch, peak, cpu.between(batch.startedAt(), batch.finishedAt()));
        } finally {
            cpu.close();
        }
    }

    /** Writes N institutions with distinct microsecond timestamps through COPY. */
    private static void fillSource() throws Exception {
        Path csv = HUB.root().resolve("institutions.csv");
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int id = 0; id < ROWS; id++) {
                out.write(id + "," + SyntheticIds.uscc(id) + ",养老机构" + id + ",养老机构,620102,"
                        + start.plusNanos(id * 1_000L) + "\n");
            }
        }
        try (java.sql.Connection connection = SOURCE.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement();
             Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            statement.execute("CREATE TABLE institutions (id BIGINT PRIMARY KEY, uscc VARCHAR(18) NOT NULL,"
                    + " name VARCHAR(100) NOT NULL, kind VARCHAR(20) NOT NULL, division_code VARCHAR(6) NOT NULL,"
                    + " updated_at TIMESTAMP(6) NOT NULL)");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY institutions FROM STDIN WITH (FORMAT csv)", in);
            statement.execute("CREATE INDEX institutions_updated ON institutions (updated_at, id)");
        }
        Files.delete(csv);
    }

    private static Connection keepMessages() throws Exception {
        Connection connection = new ActiveMQConnectionFactory(HUB.brokerUrl()).createConnection();
        connection.setClientID("jdbc-benchmark");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(session.createTopic("exchange.elder.institution"), "jdbc-benchmark").close();
        return connection;
    }

    private static void report(Batch batch, long peakHeapBytes, CpuMeter.Usage usage) throws IOException {
        double seconds = Duration.between(batch.startedAt(), batch.finishedAt()).toNanos() / 1e9;
        int processors = Runtime.getRuntime().availableProcessors();
        String report = String.format(Locale.ROOT, """
                JDBC ingest benchmark: %d rows from PostgreSQL, max heap %d MB, %d processors
                  initial load end to end: %,10.0f records/s  (%.1f s, peak heap %d MB)
                  CPU per record         : %s
                """, ROWS, Runtime.getRuntime().maxMemory() >> 20, processors,
                ROWS / seconds, seconds, peakHeapBytes >> 20, usage.describe(ROWS, processors));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-jdbc.txt"), report);
    }
}
