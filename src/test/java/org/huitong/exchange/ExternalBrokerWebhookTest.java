package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an external broker the hub pushes no webhooks, so it rejects setting one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("external-broker")
class ExternalBrokerWebhookTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    private static final EmbeddedExchange BROKER = startBroker();

    @Autowired
    TestRestTemplate http;

    private static EmbeddedExchange startBroker() {
        try {
            return EmbeddedExchange.start(Files.createTempDirectory("external-broker"), EmbeddedExchange.freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("HUITONG_BROKER_URL", BROKER::anonymousCoreUrl);
        registry.add("HUITONG_BROKER_USER", () -> EmbeddedExchange.INTERNAL_USER);
        registry.add("HUITONG_BROKER_PASSWORD", () -> EmbeddedExchange.INTERNAL_PASSWORD);
        registry.add("huitong.subscriptions.webhook.allowed-hosts", () -> "hook.example.org");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        BROKER.close();
    }

    @Test
    void webhookRejectedWithExternalBroker() {
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "external-hook", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""").getBody();
        ApiClient subscriber = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText());
        String id = subscriber.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH"], "purpose": "p"}""").getBody()
                .path("id").asText();

        ResponseEntity<JsonNode> response = subscriber.putJson("/api/subscriptions/" + id + "/webhook", """
                {"url": "https://hook.example.org/in", "batchSize": 1}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().path("detail").asText()).contains(id).contains("消息代理");
    }
}
