package org.huitong.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Users and API keys for tests of a running hub, created through the real API as the
 * bootstrap administrator. Each created user gets a fresh random password, so the returned
 * clients are the only way a test needs to know it.
 */
public final class HubUsers {

    /** User name of the administrator that the hub creates on first start. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final TestRestTemplate anonymous;

    private final TestRestTemplate admin;

    private HubUsers(TestRestTemplate anonymous, String adminPassword) {
        this.anonymous = anonymous;
        this.admin = anonymous.withBasicAuth(BOOTSTRAP_ADMIN, adminPassword);
    }

    /**
     * Uses the administrator that the hub created on first start, whose password is in
     * {@code initial-admin-password} of the hub's data directory.
     *
     * @param anonymous a client of the hub without credentials, such as the autowired one
     */
    public static HubUsers of(TestRestTemplate anonymous, HubTestEnvironment environment) {
        return new HubUsers(anonymous, bootstrapPassword(environment.dataDir()));
    }

    /** Reads the password of the administrator created on first start. */
    public static String bootstrapPassword(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("initial-admin-password"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The hub wrote no initial administrator password", e);
        }
    }

    /** Returns a client that logs in as the bootstrap administrator. */
    public TestRestTemplate admin() {
        return admin;
    }

    /** Returns a client without credentials. */
    public TestRestTemplate anonymous() {
        return anonymous;
    }

    /** Creates a user with a random name prefix and password, and returns a client logged in as it. */
    public TestRestTemplate createUser(String namePrefix, String role, String departmentCode) {
        String name = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        createUser(name, password, role, departmentCode);
        return anonymous.withBasicAuth(name, password);
    }

    /** Creates a user with the given name and password. */
    public void createUser(String name, String password, String role, String departmentCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", name);
        body.put("password", password);
        body.put("role", role);
        body.put("departmentCode", departmentCode);
        ResponseEntity<JsonNode> response = admin.postForEntity("/api/users", body, JsonNode.class);
        if (response.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("Creating user " + name + " failed: " + response);
        }
    }

    /**
     * Creates an API key as the administrator and returns the key.
     *
     * @param expiresAt null for a key that does not expire
     */
    public String createApiKey(String role, String departmentCode, Instant expiresAt) {
        return createApiKey(admin, role, departmentCode, expiresAt).get("key").asText();
    }

    /** Creates an API key as {@code caller} and returns the whole response body. */
    public static JsonNode createApiKey(TestRestTemplate caller, String role, String departmentCode,
                                        Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test key " + UUID.randomUUID().toString().substring(0, 8));
        body.put("role", role);
        body.put("departmentCode", departmentCode);
        body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        ResponseEntity<JsonNode> response = caller.postForEntity("/api/api-keys", body, JsonNode.class);
        if (response.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("Creating an API key failed: " + response);
        }
        return response.getBody();
    }

    /** Returns a client that sends {@code key} in the {@code X-API-Key} header. */
    public TestRestTemplate withApiKey(String key) {
        RestTemplateBuilder builder = new RestTemplateBuilder()
                .uriTemplateHandler(anonymous.getRestTemplate().getUriTemplateHandler())
                .defaultHeader("X-API-Key", key);
        return new TestRestTemplate(builder);
    }
}
