package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Searching the audit log over HTTP. */
class AuditApiTest extends SecuredHubTest {

    @Test
    void filtersByTargetNewestFirst() {
        String name = "searched-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(name, "pw-" + UUID.randomUUID(), "AUDITOR", null);
        users.admin().patchForObject("/api/users/" + name, Map.of("enabled", false), JsonNode.class);

        JsonNode page = users.admin().getForObject("/api/audit?targetType=user&targetId=" + name, JsonNode.class);

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("action").asText()).isEqualTo("USER_UPDATED");
        assertThat(page.get("items").get(1).get("action").asText()).isEqualTo("USER_CREATED");
        JsonNode updated = page.get("items").get(0);
        assertThat(updated.get("before").get("enabled").asBoolean()).isTrue();
        assertThat(updated.get("after").get("enabled").asBoolean()).isFalse();
        assertThat(updated.get("actor").asText()).isEqualTo("admin");
        assertThat(updated.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void filtersByActionActorAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String name = "timed-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(name, "pw-" + UUID.randomUUID(), "OPERATOR", null);
        Instant after = Instant.now().plusSeconds(1);

        JsonNode inWindow = users.admin().getForObject("/api/audit?action=USER_CREATED&actor=admin&from=" + before
                + "&to=" + after, JsonNode.class);
        JsonNode beforeWindow = users.admin().getForObject("/api/audit?action=USER_CREATED&to=" + before,
                JsonNode.class);

        assertThat(inWindow.get("items").findValuesAsText("targetId")).contains(name);
        assertThat(beforeWindow.get("items").findValuesAsText("targetId")).doesNotContain(name);
    }

    @Test
    void filtersByDepartment() {
        users.createUser("dept-filter", "DEPARTMENT_ADMIN", "audit-dept");

        JsonNode page = users.admin().getForObject("/api/audit?department=audit-dept", JsonNode.class);

        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items")).allSatisfy(item ->
                assertThat(item.get("departmentCode").asText()).isEqualTo("audit-dept"));
    }

    @Test
    void pagingIsChecked() {
        ResponseEntity<JsonNode> tooMany = users.admin().getForEntity("/api/audit?limit=501", JsonNode.class);
        ResponseEntity<JsonNode> badTime = users.admin().getForEntity("/api/audit?from=yesterday", JsonNode.class);
        ResponseEntity<JsonNode> longFilter = users.admin().getForEntity("/api/audit?actor=" + "a".repeat(300),
                JsonNode.class);
        JsonNode firstPage = users.admin().getForObject("/api/audit?limit=1", JsonNode.class);

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longFilter.getBody().get("detail").asText()).contains("actor");
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isGreaterThan(1);
    }

    @Test
    void auditorReadsAuditLog() {
        TestRestTemplate auditor = users.createUser("reader", "AUDITOR", null);

        ResponseEntity<JsonNode> response = auditor.getForEntity("/api/audit", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("items").size()).isPositive();
    }
}
