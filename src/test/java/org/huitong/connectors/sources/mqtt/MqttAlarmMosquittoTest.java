package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.MachineServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mqtt-alarm template against the Mosquitto broker of this machine on 127.0.0.1:1883, with a
 * multi-level wildcard filter. Skipped when Mosquitto is not running, unless
 * HUITONG_REQUIRE_SERVICES=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttAlarmMosquittoTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final String MOSQUITTO = "tcp://127.0.0.1:1883";

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeAll
    static void requireMosquitto() {
        MachineServices.require("Mosquitto", "127.0.0.1", 1883);
    }

    @Test
    void wildcardSubscriptionReceivesAlarms() throws Exception {
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        String root = "huitong-test/" + UUID.randomUUID();
        String yaml = MqttAlarmConnectorTest.connector("mosquitto-alarms", MOSQUITTO, root + "/#")
                .replace("keepAliveSeconds: 5", "keepAliveSeconds: 5\n    clientId: huitong-" + UUID.randomUUID());
        assertThat(admin.postYaml("/api/connectors", yaml).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/api/connectors/mosquitto-alarms").getBody().get("state").asText().equals("RUNNING"));

        EmbeddedMqttBroker.publish(MOSQUITTO, root + "/building-1/fd-1", MqttAlarmConnectorTest.alarm("M-1", 1, "fall"));
        EmbeddedMqttBroker.publish(MOSQUITTO, root + "/building-2/sos/2", MqttAlarmConnectorTest.alarm("M-2", 1, "sos"));

        await().atMost(Duration.ofSeconds(30)).until(() -> published(admin) == 2);
    }

    private static long published(ApiClient admin) {
        long total = 0;
        for (JsonNode batch : admin.get("/api/batches?connector=mosquitto-alarms").getBody()) {
            total += batch.get("published").asLong();
        }
        return total;
    }
}
