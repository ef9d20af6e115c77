package org.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.exchange.ExchangePublisher;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.delivery.FeedQueues;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.PreparedLicences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures how one stream of 行政许可 records fans out to 10 subscriptions with different fields
 * and filters, in three cases measured one after the other on one hub:
 *
 * <ol>
 *   <li>no subscriptions, so the broker stores nothing (the reference);
 *   <li>all 10 subscribers attached and draining their feed queues;
 *   <li>one subscriber, which receives every record, offline the whole time.
 * </ol>
 *
 * <p>Each case publishes N new records (system property {@code bench.fanout.records}) through
 * {@link ExchangePublisher} in the connector's chunks, after a warm-up of N records that is not
 * measured. The publish rate counts only the publish calls. The delivery rate divides the
 * messages delivered by the time from the first publish call to the last message received. Only
 * counts are asserted, never times. The normal test run uses a small N to keep this code
 * working; {@code ./mvnw test -Pbenchmark -Dbench.tests=FanOutBenchmarkTest} runs 20,000 (see
 * docs/benchmarks.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FanOutBenchmarkTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    private static final int RECORDS = Integer.getInteger("bench.fanout.records", 1_000);

    /** The subscriber that stays offline in the third case. Its filter lets every record through. */
    private static final int OFFLINE = 1;

    private static final List<Plan> PLANS = List.of(
            new Plan(List.of("XK_WSH", "XK_XKJGDM"), null, null),
            new Plan(List.of("XK_WSH", "XK_FRDB", "XK_XKJGDM"), null, null),
            new Plan(List.of("XK_WSH", "XK_XDR_MC", "XK_XDR_SHXYM", "XK_NR"), null, null),
            new Plan(List.of("XK_WSH", "XK_FRDB"), "XK_FRDB", legalRepresentatives(0, 10)),
            new Plan(List.of("XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_FRDB", "XK_XKWS", "XK_WSH", "XK_XKLB",
                    "XK_NR", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI", "XK_XKJG", "XK_XKJGDM", "XK_ZT", "XK_LYDW",
                    "XK_LYDWDM"), null, null),
            new Plan(List.of("XK_WSH", "XK_ZT"), "XK_ZT", List.of("1")),
            new Plan(List.of("XK_WSH", "XK_XKLB"), "XK_XKLB", List.of("普通")),
            new Plan(List.of("XK_WSH", "XK_FRDB"), "XK_FRDB", legalRepresentatives(0, 48)),
            new Plan(List.of("XK_WSH", "XK_JDRQ", "XK_YXQZI"), null, null),
            new Plan(List.of("XK_WSH", "XK_FRDB", "XK_XDR_SHXYM"), "XK_FRDB", legalRepresentatives(90, 97)));

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExchangePublisher publisher;

    @Autowired
    ConnectorRegistry connectors;

    @Autowired
    SchemaRegistry schemas;

    @Autowired
    RecordValidator validator;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        // Otherwise each new subscription would first receive the newest 10,000 logged events.
        registry.add("huitong.subscriptions.initial-events", () -> "0");
    }

    @Test
    void fanOutBenchmark() throws Exception {
        Path file = LicenceCsvGenerator.write(HUB.root().resolve("fan-out.csv"), RECORDS);
        PreparedLicences licences = new PreparedLicences(connectors, schemas, validator);
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);

        publish(licences, file, 1);
        Case none = measure("no subscriptions", licences, file, 2, List.of());

        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < PLANS.size(); i++) {
            subscribers.add(subscribe(admin, i, PLANS.get(i)));
        }
        List<FeedDrainer> drainers = new ArrayList<>();
        try {
            for (Subscriber subscriber : subscribers) {
                drainers.add(subscriber.drain());
            }
            Case attached = measure("10 attached", licences, file, 3, drainers);

            drainers.get(OFFLINE).close();
            List<FeedDrainer> online = new ArrayList<>(drainers);
            online.set(OFFLINE, null);
            Case offline = measure("1 of 10 offline", licences, file, 4, online);
            Subscriber absent = subscribers.get(OFFLINE);
            long queuedNanos = awaitFeedDepth(absent, RECORDS);
            double offlineQueuedSeconds = (queuedNanos - offline.startNanos()) / 1e9;

            assertThat(none.delivered()).isZero();
            assertThat(attached.perSubscription()).isEqualTo(expectedCounts());
            List<Long> expectedOnline = new ArrayList<>(expectedCounts());
            expectedOnline.set(OFFLINE, 0L);
            assertThat(offline.perSubscription()).isEqualTo(expectedOnline);
            report(none, attached, offline, offlineQueuedSeconds);
        } finally {
            for (FeedDrainer drainer : drainers) {
                drainer.close();
            }
        }
    }

    /** Publishes the file's records with {@code version} and returns the seconds spent in publish calls. */
    private double publish(PreparedLicences licences, Path file, int version) throws Exception {
        long[] publishNanos = {0};
        long published = licences.forEachChunk(file, version, chunk -> {
            long started = System.nanoTime();
            publisher.publish(chunk);
            publishNanos[0] += System.nanoTime() - started;
        });
        assertThat(published).isEqualTo(RECORDS);
        return publishNanos[0] / 1e9;
    }

    /**
     * Publishes one round and waits until each drainer (null for an offline subscriber) has
     * received what its filter lets through.
     */
    private Case measure(String name, PreparedLicences licences, Path file, int version,
                         List<FeedDrainer> drainers) throws Exception {
        drainers.stream().filter(d -> d != null).forEach(FeedDrainer::reset);
        List<Long> expected = expectedCounts();
        long started = System.nanoTime();
        double publishSeconds = publish(licences, file, version);

        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                IntStream.range(0, drainers.size()).allMatch(i -> drainers.get(i) == null
                        || drainers.get(i).failure() != null || drainers.get(i).received() >= expected.get(i)));
        Thread.sleep(1_000);

        List<Long> counts = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (FeedDrainer drainer : drainers) {
            assertThat(drainer == null ? null : drainer.failure()).as("drainer failure").isNull();
            counts.add(drainer == null ? 0 : drainer.received());
            seconds.add(drainer == null || drainer.received() == 0 ? 0
                    : (drainer.lastReceivedNanos() - started) / 1e9);
        }
        return new Case(name, started, publishSeconds, counts, seconds);
    }

    private long awaitFeedDepth(Subscriber subscriber, long depth) {
        String path = "/api/subscriptions/" + subscriber.subscriptionId() + "/delivery";
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> subscriber.client().get(path).getBody().path("feedDepth").asLong() >= depth);
        return System.nanoTime();
    }

    private Subscriber subscribe(ApiClient admin, int index, Plan plan) {
        String id = "fan-out-" + index;
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "订阅方 %d", "departmentCode": "lz-fgw", "contact": "c"}"""
                .formatted(id, index)).getBody();
        ApiClient client = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        JsonNode subscription = client.postJson("/api/subscriptions", plan.requestJson()).getBody();
        assertThat(subscription.path("status").asText()).as("status of subscription %s", subscription)
                .isEqualTo("ACTIVE");
        String subscriptionId = subscription.path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/api/subscriptions/" + subscriptionId
                + "/delivery").getBody().path("feedQueueExists").asBoolean());
        return new Subscriber(id, registered.at("/credentials/brokerPassword").asText(), subscriptionId, client);
    }

    /** Returns how many of the generated records each plan's filter lets through. */
    private static List<Long> expectedCounts() {
        List<Long> counts = new ArrayList<>();
        for (Plan plan : PLANS) {
            Set<String> accepted = plan.filterValues() == null ? null : Set.copyOf(plan.filterValues());
            long count = 0;
            for (int row = 0; row < RECORDS; row++) {
                if (accepted == null || accepted.contains(LicenceCsvGenerator.valueOf(plan.filterField(), row))) {
                    count++;
                }
            }
            counts.add(count);
        }
        return counts;
    }

    private static List<String> legalRepresentatives(int from, int to) {
        return IntStream.range(from, to).mapToObj(LicenceCsvGenerator::legalRepresentative).toList();
    }

    private static void report(Case none, Case attached, Case offline, double offlineQueuedSeconds)
            throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Fan-out benchmark: %,d records per case, %d subscriptions, max heap %d MB, %d processors%n",
                RECORDS, PLANS.size(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors()));
        for (Case result : List.of(none, attached, offline)) {
            report.append(result.summary());
        }
        report.append(String.format(Locale.ROOT,
                "  offline subscriber's feed queue held all %,d records %.1f s after its case started%n",
                RECORDS, offlineQueuedSeconds));
        report.append("  per subscription (messages, messages/s, s to the last message), attached | one offline:\n");
        for (int i = 0; i < PLANS.size(); i++) {
            report.append(String.format(Locale.ROOT, "    %2d %-34s %,7d %,7.0f %5.1f | %,7d %,7.0f %5.1f%n", i,
                    PLANS.get(i).describe(), attached.perSubscription().get(i), attached.rate(i),
                    attached.secondsPerSubscription().get(i), offline.perSubscription().get(i), offline.rate(i),
                    offline.secondsPerSubscription().get(i)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-fan-out.txt"), report);
    }

    /** One subscription's granted fields and its optional filter on one field. */
    private record Plan(List<String> fields, String filterField, List<String> filterValues) {

        String requestJson() {
            StringBuilder json = new StringBuilder("{\"recordType\": \"credit.license\", \"purpose\": \"基准测试\", ");
            json.append("\"fields\": ").append(quoted(fields));
            if (filterField != null) {
                json.append(", \"filter\": {\"fields\": {\"").append(filterField).append("\": ")
                        .append(quoted(filterValues)).append("}}");
            }
            return json.append('}').toString();
        }

        String describe() {
            String filter = filterField == null ? "all" : filterField + " in " + filterValues.size() + " values";
            return fields.size() + " fields, " + filter;
        }

        private static String quoted(List<String> values) {
            return values.stream().map(v -> "\"" + v + "\"").toList().toString();
        }
    }

    private record Subscriber(String id, String brokerPassword, String subscriptionId, ApiClient client) {

        FeedDrainer drain() throws Exception {
            return new FeedDrainer("tcp://127.0.0.1:" + HUB.brokerPort(), id, brokerPassword,
                    FeedQueues.feed(subscriptionId));
        }
    }

    private record Case(String name, long startNanos, double publishSeconds, List<Long> perSubscription,
                        List<Double> secondsPerSubscription) {

        long delivered() {
            return perSubscription.stream().mapToLong(Long::longValue).sum();
        }

        double rate(int subscription) {
            double seconds = secondsPerSubscription.get(subscription);
            return seconds == 0 ? 0 : perSubscription.get(subscription) / seconds;
        }

        String summary() {
            double lastDelivery = secondsPerSubscription.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return String.format(Locale.ROOT,
                    "  %-17s publish %,7.0f records/s (%.1f s); delivered %,8d messages, %,7.0f messages/s (%.1f s)%n",
                    name, RECORDS / publishSeconds, publishSeconds, delivered(),
                    lastDelivery == 0 ? 0 : delivered() / lastDelivery, lastDelivery);
        }
    }
}
