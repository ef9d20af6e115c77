package org.huitong.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.huitong.testsupport.ApiClient;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** Subscribers, the approval flow of subscriptions, and who may do what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SubscriptionApiTest.ChangeRecorder.class)
class SubscriptionApiTest {

    /** Collects the change events that the server threads publish. */
    @TestConfiguration
    static class ChangeRecorder {

        final List<SubscriptionChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SubscriptionChanged change) {
            changes.add(change);
        }

        List<SubscriptionStatus> statusesOf(String subscriptionId) {
            return changes.stream().filter(change -> change.subscription().id().equals(subscriptionId))
                    .map(change -> change.subscription().status()).toList();
        }
    }

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    @Autowired
    TestRestTemplate http;

    @Autowired
    SubscriptionDirectory directory;

    @Autowired
    ChangeRecorder events;

    private static ApiClient admin;
    private static ApiClient samr;
    private static ApiClient mca;
    private static ApiClient operator;
    private static ApiClient auditor;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeEach
    void clients() {
        if (admin == null) {
            admin = ApiClient.withNewKey(http, HUB, "ADMIN", null);
            samr = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-samr");
            mca = ApiClient.withNewKey(http, HUB, "DEPARTMENT_ADMIN", "lz-mca");
            operator = ApiClient.withNewKey(http, HUB, "OPERATOR", null);
            auditor = ApiClient.withNewKey(http, HUB, "AUDITOR", null);
        }
    }

    /** Registers a subscriber owned by lz-fgw and returns its registration response. */
    private static JsonNode register(String id) {
        ResponseEntity<JsonNode> response = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "信用平台", "departmentCode": "lz-fgw", "contact": "0931-0000000"}
                """.formatted(id));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ApiClient subscriber(JsonNode registration) {
        return ApiClient.withApiKey(http, registration.at("/credentials/apiKey").asText());
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String OPEN_LICENCES = """
            {"recordType": "credit.license", "fields": ["XK_XDR_MC", "XK_XDR_SHXYM", "XK_WSH", "XK_FRDB"],
             "purpose": "信用评价"}
            """;

    private static final String CONDITIONAL_ELDERS = """
            {"recordType": "elder.person", "fields": ["name", "divisionCode", "abilityLevel"],
             "filter": {"departments": ["lz-mca"], "divisions": ["6201"]}, "purpose": "居家养老服务派单"}
            """;

    @Test
    void registrationIssuesWorkingCredentials() {
        String id = uniqueId("credit");
        JsonNode registered = register(id);

        assertThat(registered.at("/subscriber/departmentCode").asText()).isEqualTo("lz-fgw");
        assertThat(registered.at("/credentials/brokerUsername").asText()).isEqualTo(id);
        String password = registered.at("/credentials/brokerPassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(directory.authenticateBroker(id, password)).contains(id);
        assertThat(directory.authenticateBroker(id, password + "x")).isEmpty();
        assertThat(directory.authenticateBroker("nobody-" + id, password)).isEmpty();

        ResponseEntity<JsonNode> me = subscriber(registered).get("/api/me");
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().path("role").asText()).isEqualTo("SUBSCRIBER");
    }

    @Test
    void rotationInvalidatesOldCredentials() {
        String id = uniqueId("rotate");
        JsonNode registered = register(id);
        ApiClient old = subscriber(registered);

        JsonNode rotated = admin.post("/api/subscribers/" + id + "/credentials").getBody();

        assertThat(old.get("/api/subscriptions").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(directory.authenticateBroker(id, registered.at("/credentials/brokerPassword").asText())).isEmpty();
        assertThat(directory.authenticateBroker(id, rotated.at("/credentials/brokerPassword").asText())).contains(id);
        assertThat(subscriber(rotated).get("/api/subscriptions").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void registrationChecksRolesAndDuplicates() {
        String id = uniqueId("dup");
        register(id);

        ResponseEntity<JsonNode> duplicate = admin.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(id));
        ResponseEntity<JsonNode> otherDepartment = samr.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-mca", "contact": "c"}""".formatted(uniqueId("x")));
        ResponseEntity<JsonNode> byOperator = operator.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-mca", "contact": "c"}""".formatted(uniqueId("x")));
        ResponseEntity<JsonNode> badId = admin.postJson("/api/subscribers", """
                {"id": "Bad Id", "name": "x", "departmentCode": "lz-mca", "contact": "c"}""");
        ResponseEntity<JsonNode> ownDepartment = samr.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "contact": "c"}""".formatted(uniqueId("own")));

        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherDepartment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byOperator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().path("detail").asText()).contains("id");
        assertThat(ownDepartment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ownDepartment.getBody().at("/subscriber/departmentCode").asText()).isEqualTo("lz-samr");
    }

    @Test
    void subscriberReachesOnlyItsOwnPaths() {
        ApiClient client = subscriber(register(uniqueId("paths")));

        assertThat(client.get("/api/connectors").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.get("/api/batches").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.postJson("/api/subscribers", """
                {"id": "%s", "name": "x", "departmentCode": "lz-fgw", "contact": "c"}""".formatted(uniqueId("x")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.postJson("/api/api-keys", """
                {"name": "x", "role": "ADMIN"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void subscriberRoleCannotBeAssigned() {
        ResponseEntity<JsonNode> key = admin.postJson("/api/api-keys", """
                {"name": "x", "role": "SUBSCRIBER"}""");

        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(key.getBody().path("detail").asText()).contains("SUBSCRIBER");
    }

    @Test
    void openSubscriptionIsGrantedAtOnce() {
        ApiClient client = subscriber(register(uniqueId("open")));

        ResponseEntity<JsonNode> response = client.postJson("/api/subscriptions", OPEN_LICENCES);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode subscription = response.getBody();
        assertThat(subscription.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.path("providerDepartment").isNull()).isTrue();
        assertThat(texts(subscription.path("fields"))).containsExactly("XK_XDR_MC", "XK_XDR_SHXYM", "XK_FRDB",
                "XK_WSH");
        String id = subscription.path("id").asText();
        assertThat(subscription.path("queue").asText()).isEqualTo("feeds." + id);
        assertThat(events.statusesOf(id)).containsExactly(SubscriptionStatus.ACTIVE);
        assertThat(directory.active()).extracting(Subscription::id).contains(id);
    }

    @Test
    void conditionalSubscriptionWaitsForProvider() {
        ApiClient client = subscriber(register(uniqueId("care")));
        JsonNode pending = client.postJson("/api/subscriptions", CONDITIONAL_ELDERS).getBody();
        String id = pending.path("id").asText();

        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("providerDepartment").asText()).isEqualTo("lz-mca");
        assertThat(directory.active()).extracting(Subscription::id).doesNotContain(id);

        assertThat(samr.postJson("/api/subscriptions/" + id + "/approve", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.postJson("/api/subscriptions/" + id + "/approve", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.postJson("/api/subscriptions/" + id + "/approve", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> approved = mca.postJson("/api/subscriptions/" + id + "/approve",
                "{\"reason\": \"用途符合规定\"}");

        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.getBody().at("/decision/reason").asText()).isEqualTo("用途符合规定");
        assertThat(directory.activeFor(pending.path("subscriberId").asText())).extracting(Subscription::id)
                .containsExactly(id);
        assertThat(mca.postJson("/api/subscriptions/" + id + "/approve", "{}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void refusalNeedsReason() {
        ApiClient client = subscriber(register(uniqueId("refuse")));
        String id = client.postJson("/api/subscriptions", CONDITIONAL_ELDERS).getBody().path("id").asText();

        ResponseEntity<JsonNode> withoutReason = operator.postJson("/api/subscriptions/" + id + "/refuse", "{}");
        ResponseEntity<JsonNode> refused = operator.postJson("/api/subscriptions/" + id + "/refuse",
                "{\"reason\": \"用途不明确\"}");

        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason.getBody().path("detail").asText()).contains("reason");
        assertThat(refused.getBody().path("status").asText()).isEqualTo("REFUSED");
        assertThat(client.get("/api/subscriptions/" + id).getBody().at("/decision/reason").asText())
                .isEqualTo("用途不明确");
    }

    @Test
    void revocationStopsDeliveryAndIsAudited() {
        ApiClient client = subscriber(register(uniqueId("revoke")));
        String id = client.postJson("/api/subscriptions", OPEN_LICENCES).getBody().path("id").asText();

        ResponseEntity<JsonNode> revoked = client.postJson("/api/subscriptions/" + id + "/revoke",
                "{\"reason\": \"系统下线\"}");

        assertThat(revoked.getBody().path("status").asText()).isEqualTo("REVOKED");
        assertThat(directory.active()).extracting(Subscription::id).doesNotContain(id);
        assertThat(events.statusesOf(id)).containsExactly(SubscriptionStatus.ACTIVE, SubscriptionStatus.REVOKED);
        assertThat(client.postJson("/api/subscriptions/" + id + "/revoke", "{\"reason\": \"again\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode audit = admin.get("/api/audit?targetType=subscription&targetId=" + id).getBody();
        assertThat(texts(audit.path("items"), "action")).contains("SUBSCRIPTION_REQUESTED", "SUBSCRIPTION_REVOKED");
    }

    @Test
    void requestsAreChecked() {
        ApiClient client = subscriber(register(uniqueId("checks")));

        ResponseEntity<JsonNode> restricted = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FR_ZJHM"], "purpose": "p"}""");
        ResponseEntity<JsonNode> unknownField = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH", "NOPE"], "purpose": "p"}""");
        ResponseEntity<JsonNode> unknownType = client.postJson("/api/subscriptions", """
                {"recordType": "credit.nothing", "fields": ["XK_WSH"], "purpose": "p"}""");
        ResponseEntity<JsonNode> noProvider = client.postJson("/api/subscriptions", """
                {"recordType": "elder.person", "fields": ["name"], "purpose": "p"}""");
        ResponseEntity<JsonNode> clearNotPersonal = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH"], "clearFields": ["XK_WSH"], "purpose": "p"}""");
        ResponseEntity<JsonNode> filterNotGranted = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH"], "filter": {"fields": {"XK_XKLB": ["普通"]}},
                 "purpose": "p"}""");
        ResponseEntity<JsonNode> noPurpose = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH"]}""");
        ResponseEntity<JsonNode> badDivision = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH"], "filter": {"divisions": ["62'01"]},
                 "purpose": "p"}""");

        assertThat(detail(restricted)).contains("XK_FR_ZJHM").contains("不予共享");
        assertThat(detail(unknownField)).contains("NOPE").contains("XK_WSH");
        assertThat(detail(unknownType)).contains("credit.nothing").contains("credit.license");
        assertThat(detail(noProvider)).contains("filter.departments");
        assertThat(detail(clearNotPersonal)).contains("clearFields").contains("XK_WSH");
        assertThat(detail(filterNotGranted)).contains("XK_XKLB");
        assertThat(detail(noPurpose)).contains("purpose");
        assertThat(badDivision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void personalFieldInClearNeedsApproval() {
        ApiClient client = subscriber(register(uniqueId("clear")));

        JsonNode subscription = client.postJson("/api/subscriptions", """
                {"recordType": "credit.license", "fields": ["XK_WSH", "XK_FRDB"], "clearFields": ["XK_FRDB"],
                 "filter": {"departments": ["lz-samr"]}, "purpose": "核查法定代表人"}""").getBody();

        assertThat(subscription.path("status").asText()).isEqualTo("PENDING");
        assertThat(subscription.path("providerDepartment").asText()).isEqualTo("lz-samr");
        assertThat(texts(subscription.path("clearFields"))).containsExactly("XK_FRDB");
    }

    @Test
    void callersSeeOnlyTheirSubscriptions() {
        ApiClient first = subscriber(register(uniqueId("first")));
        ApiClient second = subscriber(register(uniqueId("second")));
        String firstId = first.postJson("/api/subscriptions", OPEN_LICENCES).getBody().path("id").asText();
        String elders = second.postJson("/api/subscriptions", CONDITIONAL_ELDERS).getBody().path("id").asText();

        assertThat(second.get("/api/subscriptions/" + firstId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(texts(second.get("/api/subscriptions").getBody(), "id")).contains(elders).doesNotContain(firstId);
        assertThat(second.postJson("/api/subscriptions/" + firstId + "/revoke", "{\"reason\": \"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The provider of the elders' data can list the request, but an unrelated department cannot read it.
        assertThat(texts(mca.get("/api/subscriptions?status=PENDING").getBody(), "id")).contains(elders);
        assertThat(samr.get("/api/subscriptions/" + elders).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String detail(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().path("detail").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(member).asText()));
        return values;
    }
}
