package org.huitong.connectors.sources.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExchangeSubscriber;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures HTTP push throughput: {@value #CLIENTS} clients push JSON arrays of distinct valid
 * licences at the same time, each waiting for its response before the next request, into a
 * whole hub (H2 file database, persistent broker with a durable subscription that stores every
 * message). One client alone is measured first as a reference.
 *
 * <p>Requests per client and records per request are the system properties
 * {@code bench.push.requests} and {@code bench.push.records}. The normal test run uses small
 * values to keep this code working; {@code ./mvnw test -Pbenchmark} runs the figures in
 * docs/benchmarks.md. Only counts are asserted, never times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushBenchmarkTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final int CLIENTS = 8;
    private static final String TOKEN = "bench-token-" + UUID.randomUUID();
    private static final int REQUESTS = Integer.getInteger("bench.push.requests", 3);
    private static final int RECORDS = Integer.getInteger("bench.push.records", 50);

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @Test
    void pushThroughput() throws Exception {
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        createConnector(admin, "bench-push-one");
        createConnector(admin, "bench-push-eight");

        try (ExchangeSubscriber unread = ExchangeSubscriber.attach(HUB.brokerUrl(), "push-benchmark",
                "exchange.credit.license", "push-benchmark")) {
            double single = run("bench-push-one", 1, 100_000);
            double concurrent = run("bench-push-eight", CLIENTS, 200_000);

            String report = String.format(Locale.ROOT, """
                    HTTP push, %d requests of %d records per client
                    1 client:  %,.0f records/s
                    %d clients: %,.0f records/s
                    """, REQUESTS, RECORDS, single, CLIENTS, concurrent);
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-push.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /** Pushes from {@code clients} threads and returns records per second over the whole run. */
    private double run(String connectorId, int clients, int firstNumber) throws Exception {
        PushClient push = new PushClient(port);
        List<Callable<Long>> work = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int start = firstNumber + client * REQUESTS * RECORDS;
            work.add(() -> pushAll(push, connectorId, start));
        }
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long began = System.nanoTime();
            long accepted = 0;
            for (Future<Long> result : threads.invokeAll(work)) {
                accepted += result.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;

            assertThat(accepted).isEqualTo((long) clients * REQUESTS * RECORDS);
            return accepted / seconds;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long pushAll(PushClient push, String connectorId, int start) {
        long accepted = 0;
        for (int request = 0; request < REQUESTS; request++) {
            byte[] body = PushClient.licences(start + request * RECORDS, RECORDS);
            PushClient.Reply reply = push.pushArray(connectorId, TOKEN, body);
            assertThat(reply.status()).isEqualTo(200);
            accepted += reply.json().get("published").asLong();
        }
        return accepted;
    }

    private static void createConnector(ApiClient admin, String id) {
        String descriptor = """
                id: %s
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source:
                  template: http-push
                  parameters: {token: "%s", maxRecords: 100000, maxBodyBytes: 67108864}
                target: {recordType: credit.license, version: "1"}
                """.formatted(id, TOKEN);
        assertThat(admin.postYaml("/api/connectors", descriptor).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "RUNNING".equals(admin.get("/api/connectors/" + id).getBody().get("state").asText()));
    }
}
