package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Creating, changing and disabling users, password rules and the audit entries they leave. */
class UserManagementTest extends SecuredHubTest {

    @Test
    void createdUserCanLogIn() {
        String name = uniqueName("clerk");
        ResponseEntity<JsonNode> created = create(name, "pw-" + UUID.randomUUID(), "DEPARTMENT_ADMIN", "lanzhou-mca");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/users/" + name);
        assertThat(created.getBody().get("role").asText()).isEqualTo("DEPARTMENT_ADMIN");
        assertThat(created.getBody().get("departmentCode").asText()).isEqualTo("lanzhou-mca");
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo("admin");
        assertThat(created.getBody().has("password")).isFalse();
        assertThat(created.getBody().has("passwordHash")).isFalse();
    }

    @Test
    void creationIsAuditedWithoutSecrets() {
        String name = uniqueName("audited");
        String password = "pw-" + UUID.randomUUID();
        create(name, password, "OPERATOR", null);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_event WHERE action = 'USER_CREATED' AND target_id = ?", name);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("actor")).isEqualTo("admin");
        assertThat(rows.get(0).get("actor_role")).isEqualTo("ADMIN");
        assertThat(rows.get(0).get("before_state")).isNull();
        assertThat((String) rows.get(0).get("after_state")).contains("\"role\":\"OPERATOR\"");
        assertThat(rows.get(0).toString()).doesNotContain(password).doesNotContain("bcrypt");
    }

    @Test
    void departmentRulesFollowRole() {
        ResponseEntity<JsonNode> missing = create(uniqueName("a"), "pw-" + UUID.randomUUID(), "DEPARTMENT_ADMIN", null);
        ResponseEntity<JsonNode> notAllowed = create(uniqueName("b"), "pw-" + UUID.randomUUID(), "OPERATOR", "samr");
        ResponseEntity<JsonNode> malformed = create(uniqueName("c"), "pw-" + UUID.randomUUID(), "DEPARTMENT_ADMIN",
                "SAMR_Lanzhou");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail").asText()).contains("required for the role DEPARTMENT_ADMIN");
        assertThat(notAllowed.getBody().get("detail").asText()).contains("leave it out for OPERATOR");
        assertThat(malformed.getBody().get("detail").asText()).contains("\"SAMR_Lanzhou\" is invalid");
    }

    @Test
    void passwordPolicyIsEnforced() {
        String name = uniqueName("policy");

        ResponseEntity<JsonNode> shortPassword = create(name, "short-pw", "AUDITOR", null);
        ResponseEntity<JsonNode> containsName = create(name, "my-" + name + "-password", "AUDITOR", null);
        ResponseEntity<JsonNode> tooLong = create(name, "密".repeat(25), "AUDITOR", null);
        ResponseEntity<JsonNode> chinese = call(users.admin(), HttpMethod.POST, "/api/users",
                Map.of("username", name, "password", "short-pw", "role", "AUDITOR"), null);

        assertThat(shortPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortPassword.getBody().get("detail").asText()).contains("at least 12 characters");
        assertThat(containsName.getBody().get("detail").asText()).contains("must not contain the user name");
        assertThat(tooLong.getBody().get("detail").asText()).contains("at most 72 bytes");
        assertThat(chinese.getBody().get("detail").asText()).contains("密码太短");
        assertThat(get(users.admin(), "/api/users/" + name).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidBodyNamesEveryField() {
        Map<String, Object> body = new HashMap<>();
        body.put("username", "Not Valid!");
        body.put("password", null);

        ResponseEntity<JsonNode> response = call(users.admin(), HttpMethod.POST, "/api/users", body, "en");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("username", "password", "role");
        assertThat(response.getBody().toString()).contains("username: invalid user name").doesNotContain("Not Valid!");
    }

    @Test
    void unknownRoleIs400() {
        ResponseEntity<JsonNode> response = call(users.admin(), HttpMethod.POST, "/api/users",
                Map.of("username", uniqueName("r"), "password", "pw-" + UUID.randomUUID(), "role", "SUPERUSER"), "en");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("request body is invalid").contains("SUPERUSER");
    }

    @Test
    void duplicateNameIs409() {
        String name = uniqueName("twice");
        create(name, "pw-" + UUID.randomUUID(), "AUDITOR", null);

        ResponseEntity<JsonNode> again = create(name, "pw-" + UUID.randomUUID(), "AUDITOR", null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("already exists");
    }

    @Test
    void patchChangesRoleAndKeepsOtherFields() {
        String name = uniqueName("promoted");
        create(name, "pw-" + UUID.randomUUID(), "DEPARTMENT_ADMIN", "samr");

        JsonNode updated = call(users.admin(), HttpMethod.PATCH, "/api/users/" + name,
                Map.of("role", "OPERATOR"), "en").getBody();

        assertThat(updated.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(updated.get("departmentCode").isNull()).isTrue();
        assertThat(updated.get("enabled").asBoolean()).isTrue();
        assertThat(updated.get("updatedAt").isNull()).isFalse();
        Map<String, Object> audit = jdbc.queryForMap(
                "SELECT before_state, after_state FROM audit_event WHERE action = 'USER_UPDATED' AND target_id = ?", name);
        assertThat((String) audit.get("before_state")).contains("\"DEPARTMENT_ADMIN\"");
        assertThat((String) audit.get("after_state")).contains("\"OPERATOR\"");
    }

    @Test
    void disabledUserCannotLogIn() {
        String name = uniqueName("leaver");
        String password = "pw-" + UUID.randomUUID();
        create(name, password, "AUDITOR", null);
        TestRestTemplate leaver = anonymous.withBasicAuth(name, password);
        assertThat(get(leaver, "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode disabled = call(users.admin(), HttpMethod.DELETE, "/api/users/" + name, null, "en").getBody();
        ResponseEntity<JsonNode> refused = get(leaver, "/api/me");
        call(users.admin(), HttpMethod.PATCH, "/api/users/" + name, Map.of("enabled", true), "en");

        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody().get("detail").asText()).contains("is disabled");
        assertThat(get(leaver, "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void lastAdministratorStays() {
        ResponseEntity<JsonNode> response = call(users.admin(), HttpMethod.GET, "/api/users?limit=500", null, "en");
        long enabledAdmins = 0;
        for (JsonNode user : response.getBody().get("items")) {
            if (user.get("role").asText().equals("ADMIN") && user.get("enabled").asBoolean()) {
                enabledAdmins++;
            }
        }
        // Other test classes on this hub create administrators; disable all but the bootstrap one.
        for (JsonNode user : response.getBody().get("items")) {
            String name = user.get("username").asText();
            if (user.get("role").asText().equals("ADMIN") && !name.equals("admin") && user.get("enabled").asBoolean()) {
                call(users.admin(), HttpMethod.DELETE, "/api/users/" + name, null, "en");
            }
        }

        ResponseEntity<JsonNode> disableLast = call(users.admin(), HttpMethod.DELETE, "/api/users/admin", null, "en");
        ResponseEntity<JsonNode> demoteLast = call(users.admin(), HttpMethod.PATCH, "/api/users/admin",
                Map.of("role", "AUDITOR"), "en");

        assertThat(enabledAdmins).isPositive();
        assertThat(disableLast.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(disableLast.getBody().get("detail").asText()).contains("last enabled administrator");
        assertThat(demoteLast.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void userChangesOwnPassword() {
        String name = uniqueName("changer");
        String oldPassword = "pw-" + UUID.randomUUID();
        String newPassword = "pw-" + UUID.randomUUID();
        create(name, oldPassword, "OPERATOR", null);
        TestRestTemplate caller = anonymous.withBasicAuth(name, oldPassword);

        ResponseEntity<JsonNode> wrongCurrent = call(caller, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", "not-the-password", "newPassword", newPassword), "en");
        ResponseEntity<JsonNode> changed = call(caller, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", oldPassword, "newPassword", newPassword), "en");

        assertThat(wrongCurrent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongCurrent.getBody().get("detail").asText()).contains("current password is wrong");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(caller, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(anonymous.withBasicAuth(name, newPassword), "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE action = 'PASSWORD_CHANGED'"
                + " AND target_id = ? ORDER BY id", String.class, name)).containsExactly("FAILURE", "SUCCESS");
    }

    @Test
    void apiKeyCallerCannotChangePassword() {
        String key = users.createApiKey("ADMIN", null, null);

        ResponseEntity<JsonNode> response = call(users.withApiKey(key), HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", "x", "newPassword", "pw-" + UUID.randomUUID()), "en");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("detail").asText()).contains("API_KEY");
    }

    private ResponseEntity<JsonNode> create(String name, String password, String role, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", name);
        body.put("password", password);
        body.put("role", role);
        body.put("departmentCode", department);
        return call(users.admin(), HttpMethod.POST, "/api/users", body, "en");
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
