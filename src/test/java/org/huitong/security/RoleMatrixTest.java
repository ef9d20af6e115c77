package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huitong.testsupport.HubUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Which role may call which user, API key and audit endpoint, and department isolation of keys. */
class RoleMatrixTest extends SecuredHubTest {

    private TestRestTemplate admin;

    private TestRestTemplate operator;

    private TestRestTemplate departmentAdmin;

    private TestRestTemplate auditor;

    @BeforeEach
    void createCallers() {
        admin = users.createUser("matrix-admin", "ADMIN", null);
        operator = users.createUser("matrix-operator", "OPERATOR", null);
        departmentAdmin = users.createUser("matrix-samr", "DEPARTMENT_ADMIN", "samr");
        auditor = users.createUser("matrix-auditor", "AUDITOR", null);
    }

    @Test
    void readEndpointsFollowRoles() {
        List<String> wrong = new ArrayList<>();
        Object[][] cases = {
            // path, ADMIN, OPERATOR, DEPARTMENT_ADMIN, AUDITOR
            {"/api/users", 200, 403, 403, 403},
            {"/api/users/" + HubUsers.BOOTSTRAP_ADMIN, 200, 403, 403, 403},
            {"/api/api-keys", 200, 403, 200, 403},
            {"/api/audit", 200, 403, 403, 200},
            {"/api/me", 200, 200, 200, 200},
            {"/api/connectors", 200, 200, 200, 200},
        };
        TestRestTemplate[] callers = {admin, operator, departmentAdmin, auditor};
        String[] roles = {"ADMIN", "OPERATOR", "DEPARTMENT_ADMIN", "AUDITOR"};

        for (Object[] row : cases) {
            for (int i = 0; i < callers.length; i++) {
                int status = get(callers[i], (String) row[0]).getStatusCode().value();
                if (status != (int) row[i + 1]) {
                    wrong.add(roles[i] + " GET " + row[0] + ": " + status + " instead of " + row[i + 1]);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyAdminCreatesUsers() {
        List<Integer> statuses = new ArrayList<>();
        for (TestRestTemplate caller : List.of(admin, operator, departmentAdmin, auditor)) {
            Map<String, Object> body = Map.of("username", "made-" + UUID.randomUUID().toString().substring(0, 8),
                    "password", "pw-" + UUID.randomUUID(), "role", "AUDITOR");
            statuses.add(call(caller, HttpMethod.POST, "/api/users", body, "en").getStatusCode().value());
        }

        assertThat(statuses).containsExactly(201, 403, 403, 403);
    }

    @Test
    void denialIs403ProblemAndAudited() {
        ResponseEntity<JsonNode> chinese = call(operator, HttpMethod.GET, "/api/audit", null, null);
        ResponseEntity<JsonNode> english = get(operator, "/api/audit");

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(chinese.getBody().get("detail").asText()).contains("拒绝访问").contains("OPERATOR");
        assertThat(english.getBody().get("detail").asText()).contains("Access denied").contains("GET /api/audit");
        String operatorName = get(operator, "/api/me").getBody().get("name").asText();
        List<Map<String, Object>> denials = jdbc.queryForList("SELECT * FROM audit_event WHERE action = 'ACCESS_DENIED'"
                + " AND actor = ?", operatorName);
        assertThat(denials).hasSize(2);
        assertThat(denials.get(0).get("target_id")).isEqualTo("GET /api/audit");
        assertThat(denials.get(0).get("outcome")).isEqualTo("DENIED");
        assertThat(denials.get(0).get("actor_role")).isEqualTo("OPERATOR");
    }

    @Test
    void departmentAdminManagesOwnDepartmentKeysOnly() {
        JsonNode own = HubUsers.createApiKey(departmentAdmin, null, null, null).get("apiKey");
        long otherId = HubUsers.createApiKey(admin, "DEPARTMENT_ADMIN", "mca", null).get("apiKey").get("id").asLong();

        ResponseEntity<JsonNode> otherDepartment = call(departmentAdmin, HttpMethod.POST, "/api/api-keys",
                Map.of("name", "x", "role", "DEPARTMENT_ADMIN", "departmentCode", "mca"), "en");
        ResponseEntity<JsonNode> otherRole = call(departmentAdmin, HttpMethod.POST, "/api/api-keys",
                Map.of("name", "x", "role", "OPERATOR"), "en");
        ResponseEntity<JsonNode> revokeOther = call(departmentAdmin, HttpMethod.DELETE, "/api/api-keys/" + otherId,
                null, "en");
        ResponseEntity<JsonNode> listOther = get(departmentAdmin, "/api/api-keys?department=mca");
        JsonNode listed = get(departmentAdmin, "/api/api-keys?limit=500").getBody().get("items");
        ResponseEntity<JsonNode> revokeOwn = call(departmentAdmin, HttpMethod.DELETE,
                "/api/api-keys/" + own.get("id").asLong(), null, "en");

        assertThat(own.get("role").asText()).isEqualTo("DEPARTMENT_ADMIN");
        assertThat(own.get("departmentCode").asText()).isEqualTo("samr");
        assertThat(otherDepartment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherDepartment.getBody().get("detail").asText()).contains("only access department samr, not mca");
        assertThat(otherRole.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(revokeOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(listOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(listed).allSatisfy(key -> assertThat(key.get("departmentCode").asText()).isEqualTo("samr"));
        assertThat(revokeOwn.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void departmentKeyCannotReachOtherDepartment() {
        String key = HubUsers.createApiKey(departmentAdmin, null, null, null).get("key").asText();

        ResponseEntity<JsonNode> response = get(users.withApiKey(key), "/api/api-keys?department=mca");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED'"
                + " AND department_code = 'mca' AND actor LIKE 'api-key:%'", Integer.class);
        assertThat(audited).isPositive();
    }

    @Test
    void operatorAndAuditorCannotManageKeys() {
        Map<String, Object> body = Map.of("name", "x", "role", "AUDITOR");

        assertThat(call(operator, HttpMethod.POST, "/api/api-keys", body, "en").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(auditor, HttpMethod.POST, "/api/api-keys", body, "en").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(auditor, HttpMethod.DELETE, "/api/api-keys/1", null, "en").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
