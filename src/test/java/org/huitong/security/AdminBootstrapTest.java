package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.huitong.testsupport.EmbeddedPostgresSupport;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.HubUsers;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The first administrator and the secret key on the embedded default and in the production profile. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    /** A valid key for the production profile: base64 of 32 zero bytes. */
    private static final String TEST_SECRET_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Test
    void embeddedDefaultWritesOwnerOnlyPasswordFile(@TempDir Path root, CapturedOutput output) throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        Path passwordFile = environment.dataDir().resolve("initial-admin-password");

        try (RunningHub hub = RunningHub.start(environment)) {
            String password = HubUsers.bootstrapPassword(environment.dataDir());
            ResponseEntity<JsonNode> me = client(hub).withBasicAuth("admin", password)
                    .getForEntity("/api/me", JsonNode.class);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(me.getBody().get("role").asText()).isEqualTo("ADMIN");
            assertThat(output.getAll()).contains(passwordFile.toString()).doesNotContain(password);
        }
    }

    @Test
    void restartKeepsAdministratorAndSecretKey(@TempDir Path root) throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        String encrypted;
        String password;
        try (RunningHub first = RunningHub.start(environment)) {
            password = HubUsers.bootstrapPassword(environment.dataDir());
            encrypted = first.bean(SecretCipher.class).encrypt("连接器密码");
        }
        Path keyFile = environment.dataDir().resolve("secret.key");

        try (RunningHub second = RunningHub.start(environment)) {
            assertThat(HubUsers.bootstrapPassword(environment.dataDir())).isEqualTo(password);
            assertThat(second.bean(SecretCipher.class).decrypt(encrypted)).isEqualTo("连接器密码");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(client(second).withBasicAuth("admin", password).getForEntity("/api/me", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void productionCreatesNoDefaultAdministrator(@TempDir Path root, CapturedOutput output) {
        HubTestEnvironment environment = HubTestEnvironment.create(root);

        try (RunningHub hub = RunningHub.start(environment, production(Map.of()))) {
            ResponseEntity<JsonNode> guess = client(hub).withBasicAuth("admin", "admin")
                    .getForEntity("/api/me", JsonNode.class);

            assertThat(environment.dataDir().resolve("initial-admin-password")).doesNotExist();
            assertThat(guess.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(output.getAll()).contains("No user exists and no JWT issuer is configured")
                    .contains("HUITONG_ADMIN_PASSWORD");
        }
    }

    @Test
    void productionCreatesAdministratorFromPassword(@TempDir Path root, CapturedOutput output) {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        String password = "initial-" + UUID.randomUUID();

        try (RunningHub hub = RunningHub.start(environment,
                production(Map.of("huitong.security.initial-admin.password", password)))) {
            ResponseEntity<JsonNode> me = client(hub).withBasicAuth("admin", password)
                    .getForEntity("/api/me", JsonNode.class);

            assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(output.getAll()).contains("Created administrator 'admin'").doesNotContain(password);
        }
    }

    @Test
    void productionCreatesAdministratorFromPasswordFile(@TempDir Path root) throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        String password = "from-file-" + UUID.randomUUID();
        Path file = Files.writeString(root.resolve("admin-password.txt"), password + "\n");

        try (RunningHub hub = RunningHub.start(environment,
                production(Map.of("huitong.security.initial-admin.password-file", file.toString())))) {
            assertThat(client(hub).withBasicAuth("admin", password).getForEntity("/api/me", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void productionWithoutSecretKeyDoesNotStart(@TempDir Path root) {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        Map<String, Object> properties = production(Map.of());
        properties.put("huitong.security.secret-key", "");

        assertThatThrownBy(() -> RunningHub.start(environment, properties).close())
                .rootCause().hasMessageContaining("No secret key is configured").hasMessageContaining("HUITONG_SECRET_KEY");
    }

    @Test
    void malformedSecretKeyDoesNotStart(@TempDir Path root) {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        Map<String, Object> properties = production(Map.of());
        properties.put("huitong.security.secret-key", "c2hvcnQ=");

        assertThatThrownBy(() -> RunningHub.start(environment, properties).close())
                .rootCause().hasMessageContaining("decodes to 5 bytes")
                .satisfies(cause -> assertThat(cause.getMessage()).doesNotContain("c2hvcnQ="));
    }

    /** Returns the production profile's properties on a new embedded PostgreSQL database. */
    private static Map<String, Object> production(Map<String, Object> extra) {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.profiles.active", "production");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("huitong.security.secret-key", TEST_SECRET_KEY);
        properties.putAll(extra);
        return properties;
    }

    private static TestRestTemplate client(RunningHub hub) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + hub.port()));
    }
}
