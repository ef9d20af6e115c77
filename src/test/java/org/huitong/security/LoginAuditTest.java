package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huitong.testsupport.HubUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Failed logins in the audit log, login throttling, and secrets kept out of logs, audit and responses. */
@ExtendWith(OutputCaptureExtension.class)
class LoginAuditTest extends SecuredHubTest {

    @Test
    void failedLoginIsAuditedWithoutPassword() {
        String name = "audited-" + suffix();
        String triedPassword = "tried-" + UUID.randomUUID();

        get(anonymous.withBasicAuth(name, triedPassword), "/api/me");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_event WHERE action = 'LOGIN_FAILED' AND target_id = ?", name);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("outcome")).isEqualTo("FAILURE");
        assertThat(rows.get(0).get("target_type")).isEqualTo("user");
        assertThat(rows.get(0).get("remote_address")).isEqualTo("127.0.0.1");
        assertThat(rows.get(0).toString()).doesNotContain(triedPassword);
    }

    @Test
    void failedApiKeyIsAuditedByPrefix() {
        String forged = "hk_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";

        get(users.withApiKey(forged), "/api/me");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_event WHERE action = 'LOGIN_FAILED' AND target_id = ?", forged.substring(0, 12));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("target_type")).isEqualTo("api-key");
        assertThat(rows.get(0).toString()).doesNotContain(forged);
    }

    @Test
    void fiveFailuresLockOutUserName() {
        String name = "throttled-" + suffix();
        String password = "right-" + UUID.randomUUID();
        users.createUser(name, password, "AUDITOR", null);
        TestRestTemplate wrong = anonymous.withBasicAuth(name, "wrong-password-here");

        for (int i = 0; i < 5; i++) {
            assertThat(get(wrong, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> locked = get(anonymous.withBasicAuth(name, password), "/api/me");

        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(800L, 900L);
        assertThat(locked.getBody().get("detail").asText()).contains("Too many failed logins").contains("Try again after");
        Integer throttled = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_THROTTLED' AND target_id = ?", Integer.class, name);
        assertThat(throttled).isEqualTo(1);
    }

    @Test
    void lockOutIsPerUserName() {
        String attacked = "attacked-" + suffix();
        users.createUser(attacked, "pw-" + UUID.randomUUID(), "AUDITOR", null);
        TestRestTemplate other = users.createUser("bystander", "AUDITOR", null);

        for (int i = 0; i < 6; i++) {
            get(anonymous.withBasicAuth(attacked, "wrong-password-here"), "/api/me");
        }

        assertThat(get(other, "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void secretsStayOutOfLogsAuditAndResponses(CapturedOutput output) {
        String name = "secretive-" + suffix();
        String password = "pw-" + UUID.randomUUID();
        users.createUser(name, password, "ADMIN", null);
        TestRestTemplate caller = anonymous.withBasicAuth(name, password);
        get(anonymous.withBasicAuth(name, password + "x"), "/api/me");
        JsonNode created = HubUsers.createApiKey(caller, "OPERATOR", null, null);
        String key = created.get("key").asText();
        get(users.withApiKey(key), "/api/me");
        get(users.withApiKey(key + "x"), "/api/me");

        String responses = get(caller, "/api/users?limit=500").getBody().toString()
                + get(caller, "/api/users/" + name).getBody()
                + get(caller, "/api/api-keys?limit=500").getBody()
                + get(caller, "/api/audit?limit=500").getBody();
        String audit = jdbc.queryForList("SELECT * FROM audit_event").toString();

        assertThat(output.getAll()).contains("LOGIN_FAILED FAILURE: user " + name);
        assertThat(output.getAll()).doesNotContain(password).doesNotContain(key);
        assertThat(audit).doesNotContain(password).doesNotContain(key);
        assertThat(responses).doesNotContain(password).doesNotContain(key).doesNotContain("{bcrypt}");
        assertThat(output.getAll()).doesNotContain("Using generated security password");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
