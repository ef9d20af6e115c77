package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.huitong.testsupport.HubUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Authentication of API calls: missing and wrong credentials, passwords and API keys. */
class ApiAuthenticationTest extends SecuredHubTest {

    /** Paths that are open without credentials because they show no data. */
    private static final List<String> OPEN_PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/error");

    /**
     * Paths that reject user credentials and authenticate each request with its connector's own
     * secret instead; HttpPushTest covers their 401 responses.
     */
    private static final List<String> CONNECTOR_SECRET_PREFIXES = List.of("/ingest/");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyEndpointRejectsAnonymousCalls() {
        List<String> unprotected = new ArrayList<>();
        Set<String> checked = new TreeSet<>();

        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            for (String pattern : handler.getKey().getPatternValues()) {
                if (OPEN_PREFIXES.stream().anyMatch(pattern::startsWith)
                        || CONNECTOR_SECRET_PREFIXES.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    ResponseEntity<JsonNode> response = call(anonymous, HttpMethod.valueOf(method.name()), path,
                            null, "en");
                    checked.add(method + " " + pattern);
                    if (response.getStatusCode() != HttpStatus.UNAUTHORIZED) {
                        unprotected.add(method + " " + pattern + " -> " + response.getStatusCode());
                    }
                }
            }
        }

        assertThat(checked).contains("GET /api/users", "POST /api/api-keys", "GET /api/audit", "GET /api/me",
                "GET /api/connectors", "GET /api/batches/{id}", "GET /api/quarantine");
        assertThat(unprotected).isEmpty();
    }

    @Test
    void missingCredentialsAre401ProblemInRequestLanguage() {
        ResponseEntity<JsonNode> chinese = call(anonymous, HttpMethod.GET, "/api/connectors", null, null);
        ResponseEntity<JsonNode> english = get(anonymous, "/api/connectors");

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(chinese.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(chinese.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(v -> v.startsWith("Basic realm="));
        assertThat(chinese.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(chinese.getBody().get("detail").asText()).contains("需要身份认证");
        assertThat(english.getBody().get("detail").asText()).contains("Authentication required").contains("X-API-Key");
    }

    @Test
    void wrongPasswordIs401() {
        users.createUser("wrong-pw-user", "correct-horse-battery", "OPERATOR", null);

        ResponseEntity<JsonNode> response = get(anonymous.withBasicAuth("wrong-pw-user", "incorrect-horse-battery"),
                "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNotEmpty();
        assertThat(response.getBody().get("detail").asText()).contains("Wrong user name or password");
    }

    @Test
    void unknownUserGetsSameAnswerAsWrongPassword() {
        ResponseEntity<JsonNode> response = get(anonymous.withBasicAuth("nobody-" + suffix(), "some-password-1"),
                "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("Wrong user name or password");
    }

    @Test
    void meShowsPasswordCaller() {
        TestRestTemplate operator = users.createUser("me-operator", "OPERATOR", null);

        JsonNode me = get(operator, "/api/me").getBody();

        assertThat(me.get("name").asText()).startsWith("me-operator-");
        assertThat(me.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(me.get("departmentCode").isNull()).isTrue();
        assertThat(me.get("authentication").asText()).isEqualTo("PASSWORD");
    }

    @Test
    void apiKeyIsAccepted() {
        String key = users.createApiKey("DEPARTMENT_ADMIN", "samr", null);

        ResponseEntity<JsonNode> me = get(users.withApiKey(key), "/api/me");

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("name").asText()).startsWith("api-key:");
        assertThat(me.getBody().get("role").asText()).isEqualTo("DEPARTMENT_ADMIN");
        assertThat(me.getBody().get("departmentCode").asText()).isEqualTo("samr");
        assertThat(me.getBody().get("authentication").asText()).isEqualTo("API_KEY");
    }

    @Test
    void apiKeyRecordsLastUse() {
        JsonNode created = HubUsers.createApiKey(users.admin(), "OPERATOR", null, null);
        long id = created.get("apiKey").get("id").asLong();
        assertThat(created.get("apiKey").get("lastUsedAt").isNull()).isTrue();

        get(users.withApiKey(created.get("key").asText()), "/api/connectors");

        JsonNode key = get(users.admin(), "/api/api-keys/" + id).getBody();
        assertThat(key.get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void revokedApiKeyIsRejected() {
        JsonNode created = HubUsers.createApiKey(users.admin(), "OPERATOR", null, null);
        String key = created.get("key").asText();
        assertThat(get(users.withApiKey(key), "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> revoked = call(users.admin(), HttpMethod.DELETE,
                "/api/api-keys/" + created.get("apiKey").get("id").asLong(), null, "en");
        ResponseEntity<JsonNode> response = get(users.withApiKey(key), "/api/me");

        assertThat(revoked.getBody().get("revokedAt").isNull()).isFalse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("was revoked");
    }

    @Test
    void expiredApiKeyIsRejected() {
        JsonNode created = HubUsers.createApiKey(users.admin(), "AUDITOR", null, Instant.now().plusSeconds(1));
        long id = created.get("apiKey").get("id").asLong();
        // Moves the expiry into the past directly, because the API accepts only future expiries.
        jdbc.update("UPDATE api_key SET expires_at = ? WHERE id = ?",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1), id);

        ResponseEntity<JsonNode> response = get(users.withApiKey(created.get("key").asText()), "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("expired");
    }

    @Test
    void unknownApiKeyIsRejected() {
        String forged = "hk_" + "A".repeat(43);

        ResponseEntity<JsonNode> response = get(users.withApiKey(forged), "/api/me");
        ResponseEntity<JsonNode> malformed = get(users.withApiKey("not-a-key"), "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("API key").contains("not valid");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void apiKeyWithBasicAuthIsRejected() {
        String key = users.createApiKey("OPERATOR", null, null);
        TestRestTemplate both = users.withApiKey(key).withBasicAuth(HubUsers.BOOTSTRAP_ADMIN, "whatever-password");

        ResponseEntity<JsonNode> response = get(both, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("Send only one");
    }

    @Test
    void apiKeyIsShownOnlyAtCreation() {
        JsonNode created = HubUsers.createApiKey(users.admin(), "OPERATOR", null, null);
        String key = created.get("key").asText();
        long id = created.get("apiKey").get("id").asLong();

        String listed = get(users.admin(), "/api/api-keys?limit=500").getBody().toString();
        String single = get(users.admin(), "/api/api-keys/" + id).getBody().toString();

        assertThat(key).matches("hk_[A-Za-z0-9_-]{43}");
        assertThat(created.get("apiKey").get("keyPrefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(listed).doesNotContain(key).doesNotContain("hash");
        assertThat(single).doesNotContain(key).doesNotContain("hash");
    }

    @Test
    void openApiIsOpenAndDeclaresSchemes() {
        JsonNode document = get(anonymous, "/v3/api-docs").getBody();
        ResponseEntity<String> swaggerUi = anonymous.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(document.get("components").get("securitySchemes").fieldNames())
                .toIterable().containsExactlyInAnyOrder("basic", "bearer", "apiKey");
        assertThat(document.get("components").get("securitySchemes").get("apiKey").get("name").asText())
                .isEqualTo("X-API-Key");
        assertThat(document.get("paths").has("/api/users/{name}")).isTrue();
        assertThat(document.get("paths").has("/api/api-keys/{id}")).isTrue();
        assertThat(document.get("paths").has("/api/audit")).isTrue();
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pathsOutsideApiAreDenied() {
        assertThat(get(anonymous, "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(users.admin(), "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(anonymous, "/anything").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(users.admin(), "/anything").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
