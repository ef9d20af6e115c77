package org.huitong.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQBasicSecurityManager;
import org.huitong.exchange.security.ManagedBrokerAccounts;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.ExternalArtemis;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An external broker whose users the operator keeps ({@code subscriber-users: operator}): the
 * hub issues no broker password, and a user that the operator created with the subscriber's
 * role reads the feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("external-broker")
@DirtiesContext
class ExternalBrokerOperatorUsersTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final ExternalArtemis BROKER = ExternalArtemis.start();

    @Autowired
    TestRestTemplate http;

    /** Stops the broker when the hub's context closes, after its relays have stopped. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrokerLifetime {

        @Bean(destroyMethod = "close")
        ExternalArtemis externalArtemis() {
            return BROKER;
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        BROKER.register(registry);
        registry.add("huitong.exchange.management.subscriber-users", () -> "operator");
    }

    @Test
    void operatorCreatedUserReadsFeed() throws Exception {
        ApiClient admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
        JsonNode registered = admin.postJson("/api/subscribers", """
                {"id": "city-ldap", "name": "目录用户", "departmentCode": "lz-fgw", "contact": "c"}""").getBody();
        assertThat(registered.at("/credentials/brokerUsername").asText()).isEqualTo("city-ldap");
        assertThat(registered.at("/credentials/brokerPassword").isNull()).as("no broker password issued").isTrue();

        ((ActiveMQBasicSecurityManager) BROKER.server().getSecurityManager())
                .addNewUser("city-ldap", "directory-Password-7", ManagedBrokerAccounts.role("city-ldap"));
        String subscription = ApiClient.withApiKey(http, registered.at("/credentials/apiKey").asText())
                .postJson("/api/subscriptions", """
                        {"recordType": "credit.license", "fields": ["XK_WSH"], "purpose": "信用评价"}""")
                .getBody().path("id").asText();
        HUB.drop("samr-licensing", LicenceFiles.validRows(HUB.root(), 9001, 1), "operator-users.csv");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/api/batches?connector=samr-licensing").getBody().toString().contains("operator-users.csv"));

        try (Connection connection = new ActiveMQConnectionFactory(BROKER.url())
                .createConnection("city-ldap", "directory-Password-7")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(FeedQueues.feed(subscription)));
            connection.start();
            TextMessage message = (TextMessage) consumer.receive(15_000);

            assertThat(message).isNotNull();
            assertThat(new ObjectMapper().readTree(message.getText()).at("/data/XK_WSH").asText())
                    .isEqualTo(LicenceFiles.decisionNumber(9001));
        }
    }
}
