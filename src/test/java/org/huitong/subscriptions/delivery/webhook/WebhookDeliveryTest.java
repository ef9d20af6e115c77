package org.huitong.subscriptions.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.huitong.exchange.ExchangePublisher;
import org.huitong.exchange.OutboundRecord;
import org.huitong.security.HostResolver;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook push against an HTTPS server on loopback with a self-signed certificate that the hub
 * trusts through an SSL bundle: signatures, batching, retries, dead letters, the host policy,
 * stopping, and who may manage a webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebhookDeliveryTest.TestResolver.class)
class WebhookDeliveryTest {

    /** Host name on the allowlist whose DNS answer a test can change. */
    static final String SWITCHING_HOST = "hooks.huitong.test";

    /** Resolves {@link #SWITCHING_HOST} to loopback until a test switches it to a metadata address. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestResolver {

        static volatile String switchingHostAddress = "127.0.0.1";

        /** When set, every second lookup of the switching host returns the metadata address. */
        static volatile boolean rebinding;

        static final AtomicInteger LOOKUPS = new AtomicInteger();

        @Bean
        HostResolver testHostResolver() {
            return host -> {
                if (!host.equals(SWITCHING_HOST)) {
                    return resolveSystem(host);
                }
                boolean rebind = rebinding && LOOKUPS.incrementAndGet() % 2 == 0;
                return new InetAddress[] {InetAddress.getByName(rebind ? "169.254.169.254" : switchingHostAddress)};
            };
        }

        private static InetAddress[] resolveSystem(String host) throws UnknownHostException {
            return HostResolver.SYSTEM.resolve(host);
        }
    }

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final TestCertificates CERTIFICATES = TestCertificates.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 3;

    private static WebhookReceiver receiver;
    private static ApiClient admin;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExchangePublisher publisher;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("huitong.subscriptions.webhook.allowed-hosts",
                () -> "127.0.0.1," + SWITCHING_HOST + ",169.254.169.254");
        registry.add("huitong.subscriptions.webhook.initial-backoff", () -> "20ms");
        registry.add("huitong.subscriptions.webhook.max-backoff", () -> "100ms");
        registry.add("huitong.subscriptions.webhook.max-attempts", () -> String.valueOf(MAX_ATTEMPTS));
        registry.add("huitong.subscriptions.webhook.connect-timeout", () -> "1s");
        registry.add("huitong.subscriptions.webhook.read-timeout", () -> "2s");
        registry.add("huitong.subscriptions.webhook.ssl-bundle", () -> "webhook-test");
        registry.add("spring.ssl.bundle.jks.webhook-test.truststore.location",
                () -> "file:" + CERTIFICATES.trustStore);
        registry.add("spring.ssl.bundle.jks.webhook-test.truststore.password", () -> TestCertificates.PASSWORD);
        registry.add("spring.ssl.bundle.jks.webhook-test.truststore.type", () -> "PKCS12");
    }

    @BeforeEach
    void start() throws Exception {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
            receiver = new WebhookReceiver(CERTIFICATES.serverContext());
        }
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** A subscriber with one active subscription to the credit licenses with the given numbers. */
    private record Subscribed(ApiClient client, String subscriptionId, List<String> licenseNumbers) {
    }

    @Test
    void singleRecordIsSignedAndDescribed() throws Exception {
        Subscribed subscribed = subscribe(2);
        String path = "/single/" + subscribed.subscriptionId();

        ResponseEntity<JsonNode> set = subscribed.client().putJson(webhookPath(subscribed),
                """
                {"url": "%s", "batchSize": 1}""".formatted(receiver.url(path)));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        String secret = set.getBody().path("secret").asText();
        assertThat(secret).matches("^[A-Za-z0-9_-]{43}$");

        publish(subscribed.licenseNumbers());
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(path).size() == 2);

        List<String> deliveryIds = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received(path)) {
            String timestamp = request.header(WebhookSignatures.TIMESTAMP_HEADER);
            assertThat(request.header(WebhookSignatures.SIGNATURE_HEADER))
                    .isEqualTo("sha256=" + hmacHex(secret, timestamp + "." + request.body()));
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(request.header(WebhookSignatures.SUBSCRIPTION_HEADER)).isEqualTo(subscribed.subscriptionId());
            assertThat(request.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(JSON.readTree(request.body()).isObject()).isTrue();
            deliveryIds.add(request.header(WebhookSignatures.DELIVERY_HEADER));
        }
        assertThat(licenseNumbers(path)).isEqualTo(subscribed.licenseNumbers());
        assertThat(deliveryIds).doesNotHaveDuplicates().allMatch(id -> id.matches("^[0-9a-f-]{36}$"));
        await().atMost(Duration.ofSeconds(5)).until(() -> counter(WebhookMetrics.DELIVERED, subscribed) == 2.0);

        JsonNode view = subscribed.client().get("/api/subscriptions/" + subscribed.subscriptionId()).getBody();
        assertThat(view.at("/webhook/url").asText()).isEqualTo(receiver.url(path));
        assertThat(view.at("/webhook/batchSize").asInt()).isEqualTo(1);
        assertThat(view.toString()).doesNotContain(secret);
        JsonNode audit = admin.get("/api/audit?targetType=subscription&targetId=" + subscribed.subscriptionId())
                .getBody();
        assertThat(audit.toString()).contains("SUBSCRIPTION_WEBHOOK_SET").doesNotContain(secret);
    }

    @Test
    void waitingRecordsAreSentInBatches() throws Exception {
        Subscribed subscribed = subscribe(5);
        String path = "/batch/" + subscribed.subscriptionId();
        publish(subscribed.licenseNumbers());
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed.client()
                .get("/api/subscriptions/" + subscribed.subscriptionId() + "/delivery").getBody()
                .path("feedDepth").asInt() == 5);

        setWebhook(subscribed, path, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> licenseNumbers(path).size() == 5);

        List<WebhookReceiver.Received> requests = receiver.received(path);
        List<Integer> sizes = new ArrayList<>();
        for (WebhookReceiver.Received request : requests) {
            assertThat(request.header("Content-Type")).startsWith("application/cloudevents-batch+json");
            assertThat(JSON.readTree(request.body()).isArray()).isTrue();
            sizes.add(JSON.readTree(request.body()).size());
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(licenseNumbers(path)).isEqualTo(subscribed.licenseNumbers());
    }

    @Test
    void failedRequestsAreRetriedInOrder() throws Exception {
        Subscribed subscribed = subscribe(3);
        String path = "/retry/" + subscribed.subscriptionId();
        receiver.answerNext(path, 503, 500);
        setWebhook(subscribed, path, 1);

        publish(subscribed.licenseNumbers());
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 3);

        List<WebhookReceiver.Received> requests = receiver.received(path);
        assertThat(requests).extracting(WebhookReceiver.Received::answeredStatus).containsExactly(503, 500, 200, 200, 200);
        assertThat(requests.get(0).header(WebhookSignatures.DELIVERY_HEADER))
                .isEqualTo(requests.get(1).header(WebhookSignatures.DELIVERY_HEADER))
                .isEqualTo(requests.get(2).header(WebhookSignatures.DELIVERY_HEADER));
        assertThat(requests.get(0).body()).isEqualTo(requests.get(2).body());
        assertThat(licenseNumbersOf(accepted(path))).isEqualTo(subscribed.licenseNumbers());
        assertThat(counter(WebhookMetrics.FAILED_ATTEMPTS, subscribed)).isEqualTo(2.0);
        assertThat(deadLetters(subscribed).path("total").asInt()).isZero();
    }

    @Test
    void deadLettersCanBeReplayedAndDiscarded() throws Exception {
        Subscribed subscribed = subscribe(4);
        List<String> numbers = subscribed.licenseNumbers();
        String path = "/dead/" + subscribed.subscriptionId();
        receiver.setDefaultStatus(path, 500);
        setWebhook(subscribed, path, 1);

        publish(numbers.subList(0, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(subscribed).path("total").asInt() == 3);
        assertThat(receiver.received(path)).hasSize(3 * MAX_ATTEMPTS);

        JsonNode page = deadLetters(subscribed);
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(first.path("lastStatus").asInt()).isEqualTo(500);
        assertThat(first.path("lastError").asText()).contains("500");
        assertThat(first.at("/event/data/XK_WSH").asText()).isEqualTo(numbers.get(0));
        assertThat(first.path("deadLetteredAt").asText()).isNotBlank();
        assertThat(counter(WebhookMetrics.DEAD_LETTERED, subscribed)).isEqualTo(3.0);
        JsonNode secondPage = subscribed.client().get("/api/subscriptions/" + subscribed.subscriptionId()
                + "/dead-letters?offset=1&limit=1").getBody();
        assertThat(secondPage.at("/items/0/event/data/XK_WSH").asText()).isEqualTo(numbers.get(1));

        receiver.setDefaultStatus(path, 200);
        publish(numbers.subList(3, 4));
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 1);
        assertThat(licenseNumbersOf(accepted(path))).containsExactly(numbers.get(3));

        String firstId = first.path("id").asText();
        ResponseEntity<JsonNode> replayOne = subscribed.client().postJson(deadLettersPath(subscribed) + "/replay",
                "{\"ids\": [\"%s\"]}".formatted(firstId));
        assertThat(replayOne.getBody().path("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 2);
        assertThat(licenseNumbersOf(accepted(path))).containsExactly(numbers.get(3), numbers.get(0));

        String secondId = page.path("items").get(1).path("id").asText();
        ResponseEntity<JsonNode> discardOne = subscribed.client().deleteJson(deadLettersPath(subscribed),
                "{\"ids\": [\"%s\"]}".formatted(secondId));
        assertThat(discardOne.getBody().path("discarded").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> replayAll = subscribed.client().post(deadLettersPath(subscribed) + "/replay");
        assertThat(replayAll.getBody().path("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 3);
        assertThat(licenseNumbersOf(accepted(path))).containsExactly(numbers.get(3), numbers.get(0), numbers.get(2));
        assertThat(deadLetters(subscribed).path("total").asInt()).isZero();

        JsonNode audit = admin.get("/api/audit?targetType=subscription&targetId=" + subscribed.subscriptionId())
                .getBody();
        assertThat(audit.toString()).contains("WEBHOOK_DEAD_LETTERS_REPLAYED", "WEBHOOK_DEAD_LETTERS_DISCARDED");

        ResponseEntity<JsonNode> badId = subscribed.client().postJson(deadLettersPath(subscribed) + "/replay",
                "{\"ids\": [\"x') OR (1=1\"]}");
        ResponseEntity<JsonNode> noIds = subscribed.client().deleteJson(deadLettersPath(subscribed), "{\"ids\": []}");
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().path("detail").asText()).contains("x') OR (1=1");
        assertThat(noIds.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noIds.getBody().path("detail").asText()).contains("ids");
    }

    @Test
    void badUrlsAreRejectedWhenSet() {
        Subscribed subscribed = subscribe(1);
        String port = receiver.url("/").replaceAll("^https://127\\.0\\.0\\.1:(\\d+)/$", "$1");

        assertThat(rejectedUrl(subscribed, "https://example.org/hook"))
                .contains("example.org").contains("huitong.subscriptions.webhook.allowed-hosts");
        assertThat(rejectedUrl(subscribed, "http://127.0.0.1:" + port + "/hook")).contains("https");
        assertThat(rejectedUrl(subscribed, "https://user:pw@127.0.0.1:" + port + "/hook")).contains("用户名");
        assertThat(rejectedUrl(subscribed, "https://169.254.169.254/latest/meta-data")).contains("169.254.169.254");
        assertThat(rejectedUrl(subscribed, "https://127.0.0.1/" + "x".repeat(2100))).contains("2048");
        assertThat(rejectedUrl(subscribed, "ftp://127.0.0.1/hook")).contains("ftp://127.0.0.1/hook");
        assertThat(rejectedUrl(subscribed, "https://127.0.0.1/a b")).contains("url");

        ResponseEntity<JsonNode> zeroBatch = subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": 0}""".formatted(receiver.url("/x")));
        ResponseEntity<JsonNode> hugeBatch = subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": 501}""".formatted(receiver.url("/x")));
        assertThat(zeroBatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zeroBatch.getBody().path("detail").asText()).contains("batchSize");
        assertThat(hugeBatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(subscribed.client().get("/api/subscriptions/" + subscribed.subscriptionId()).getBody()
                .path("webhook").isNull()).isTrue();
    }

    @Test
    void changedDnsAnswerIsRejectedAtSend() throws Exception {
        Subscribed subscribed = subscribe(1);
        String path = "/dns/" + subscribed.subscriptionId();
        String url = receiver.url(path).replace("127.0.0.1", SWITCHING_HOST);
        ResponseEntity<JsonNode> set = subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": 1}""".formatted(url));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);

        TestResolver.switchingHostAddress = "169.254.169.254";
        try {
            publish(subscribed.licenseNumbers());
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(subscribed).path("total").asInt() == 1);
        } finally {
            TestResolver.switchingHostAddress = "127.0.0.1";
        }

        JsonNode deadLetter = deadLetters(subscribed).path("items").get(0);
        assertThat(deadLetter.path("lastError").asText()).contains("169.254.169.254").contains("metadata");
        assertThat(deadLetter.path("lastStatus").asInt()).isZero();
        assertThat(receiver.received(path)).isEmpty();
    }

    /**
     * The host policy's lookup answers loopback and the lookup for the connection answers the
     * metadata address, as a rebinding DNS server would.
     */
    @Test
    void dnsRebindingAtConnectIsRejected() throws Exception {
        Subscribed subscribed = subscribe(1);
        String path = "/rebind/" + subscribed.subscriptionId();
        String url = receiver.url(path).replace("127.0.0.1", SWITCHING_HOST);
        assertThat(subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": 1}""".formatted(url)).getStatusCode()).isEqualTo(HttpStatus.OK);

        TestResolver.LOOKUPS.set(0);
        TestResolver.rebinding = true;
        try {
            publish(subscribed.licenseNumbers());
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(subscribed).path("total").asInt() == 1);
        } finally {
            TestResolver.rebinding = false;
        }

        JsonNode deadLetter = deadLetters(subscribed).path("items").get(0);
        assertThat(deadLetter.path("lastError").asText()).contains("169.254.169.254").contains("metadata");
        assertThat(receiver.received(path)).isEmpty();
    }

    @Test
    void revocationAndRemovalStopDelivery() throws Exception {
        Subscribed revoked = subscribe(1);
        String revokedPath = "/revoke/" + revoked.subscriptionId();
        Subscribed removed = subscribe(1);
        String removedPath = "/remove/" + removed.subscriptionId();
        // The server responds after 1.5 s, so both dispatchers are in the middle of a request.
        receiver.setDelay(revokedPath, 1_500);
        receiver.setDelay(removedPath, 1_500);
        setWebhook(revoked, revokedPath, 1);
        setWebhook(removed, removedPath, 1);
        publish(revoked.licenseNumbers());
        publish(removed.licenseNumbers());
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received(revokedPath).isEmpty()
                && !receiver.received(removedPath).isEmpty());

        assertThat(revoked.client().postJson("/api/subscriptions/" + revoked.subscriptionId() + "/revoke",
                "{\"reason\": \"系统下线\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(removed.client().delete(webhookPath(removed)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Thread.sleep(3_000);

        assertThat(receiver.received(revokedPath)).hasSize(1);
        assertThat(receiver.received(removedPath)).hasSize(1);
        assertThat(counter(WebhookMetrics.DELIVERED, removed)).isZero();
        JsonNode removedView = removed.client().get("/api/subscriptions/" + removed.subscriptionId()).getBody();
        assertThat(removedView.path("webhook").isNull()).isTrue();
        assertThat(removed.client().get("/api/subscriptions/" + removed.subscriptionId() + "/delivery").getBody()
                .path("feedDepth").asInt()).as("the record is back in the feed queue").isEqualTo(1);
        assertThat(deadLetters(removed).path("total").asInt()).isZero();
        assertThat(deadLetters(revoked).path("total").asInt()).isZero();
        assertThat(removed.client().delete(webhookPath(removed)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(revoked.client().putJson(webhookPath(revoked), """
                {"url": "%s", "batchSize": 1}""".formatted(receiver.url(revokedPath))).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void onlyOwnerDepartmentAdminAndAdminManage() {
        Subscribed subscribed = subscribe(1);
        Subscribed other = subscribe(1);
        ApiClient ownDepartment = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-fgw");
        ApiClient otherDepartment = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-samr");
        ApiClient operator = ApiClient.withNewKey(http, HUB, "OPERATOR", null);
        ApiClient auditor = ApiClient.withNewKey(http, HUB, "AUDITOR", null);
        String body = """
                {"url": "%s", "batchSize": 1}""".formatted(receiver.url("/access/" + subscribed.subscriptionId()));
        String webhook = webhookPath(subscribed);
        String deadLetters = deadLettersPath(subscribed);

        assertThat(other.client().putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherDepartment.putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.client().get(deadLetters).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.get(deadLetters).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.client().post(deadLetters + "/replay").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.client().delete(deadLetters).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.client().delete(webhook).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(ownDepartment.putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(subscribed.client().putJson(webhook, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownDepartment.get(deadLetters).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.delete(webhook).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private Subscribed subscribe(int records) {
        String subscriberId = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "推送测试", "departmentCode": "lz-fgw", "contact": "0931-0000000"}"""
                .formatted(subscriberId)).getBody();
        ApiClient client = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= records; i++) {
            numbers.add(subscriberId.toUpperCase() + "-" + i);
        }
        String values = String.join("\", \"", numbers);
        ResponseEntity<JsonNode> subscription = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH", "XK_XDR_MC"],
                 "filter": {"fields": {"XK_WSH": ["%s"]}}, "purpose": "推送测试"}""".formatted(values));
        assertThat(subscription.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(subscription.getBody().path("status").asText()).isEqualTo("ACTIVE");
        return new Subscribed(client, subscription.getBody().path("id").asText(), numbers);
    }

    private static void setWebhook(Subscribed subscribed, String path, int batchSize) {
        ResponseEntity<JsonNode> set = subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": %d}""".formatted(receiver.url(path), batchSize));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String rejectedUrl(Subscribed subscribed, String url) {
        ResponseEntity<JsonNode> response = subscribed.client().putJson(webhookPath(subscribed), """
                {"url": "%s", "batchSize": 1}""".formatted(url));
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().path("detail").asText();
    }

    private void publish(List<String> licenseNumbers) throws Exception {
        List<OutboundRecord> records = new ArrayList<>();
        for (String number : licenseNumbers) {
            ObjectNode data = JSON.createObjectNode()
                    .put("XK_WSH", number)
                    .put("XK_XDR_MC", "兰州示例商贸有限公司")
                    .put("divisionCode", "620102");
            records.add(new OutboundRecord("credit.license", "urn:huitong:schema:credit.license:1",
                    number, 1, "0".repeat(64), data, "SCJGJ", "scjg-xk-csv", 42L, "许可.csv", 1, 1));
        }
        publisher.publish(records);
    }

    private static JsonNode deadLetters(Subscribed subscribed) {
        ResponseEntity<JsonNode> response = subscribed.client().get(deadLettersPath(subscribed));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private double counter(String name, Subscribed subscribed) {
        Counter counter = meters.find(name).tag("subscription", subscribed.subscriptionId()).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<WebhookReceiver.Received> accepted(String path) {
        return receiver.received(path).stream().filter(request -> request.answeredStatus() == 200).toList();
    }

    private static List<String> licenseNumbers(String path) {
        return licenseNumbersOf(accepted(path));
    }

    /** Returns the license numbers of the events in the requests, in order. */
    private static List<String> licenseNumbersOf(List<WebhookReceiver.Received> requests) {
        List<String> numbers = new ArrayList<>();
        for (WebhookReceiver.Received request : requests) {
            try {
                JsonNode body = JSON.readTree(request.body());
                if (body.isArray()) {
                    body.forEach(event -> numbers.add(event.at("/data/XK_WSH").asText()));
                } else {
                    numbers.add(body.at("/data/XK_WSH").asText());
                }
            } catch (Exception e) {
                throw new AssertionError("Webhook body is not JSON: " + request.body(), e);
            }
        }
        return numbers;
    }

    private static String webhookPath(Subscribed subscribed) {
        return "/api/subscriptions/" + subscribed.subscriptionId() + "/webhook";
    }

    private static String deadLettersPath(Subscribed subscribed) {
        return "/api/subscriptions/" + subscribed.subscriptionId() + "/dead-letters";
    }

    private static String hmacHex(String secret, String message) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
