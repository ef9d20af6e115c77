package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.huitong.testsupport.HubTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bearer tokens checked by the real resource-server decoder against an RSA public key in a PEM
 * file, as {@code spring.security.oauth2.resourceserver.jwt.public-key-location} configures it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationTest {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();

    private static final KeyPair ISSUER_KEYS = rsaKeyPair();

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        Path pem = HUB.root().resolve("issuer-public-key.pem");
        writePublicKey(pem);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void roleClaimGivesRole() {
        String token = sign(claims("zhang.wei").claim("huitong_role", "operator").build());

        ResponseEntity<JsonNode> me = call(token, "/api/me");

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("name").asText()).isEqualTo("zhang.wei");
        assertThat(me.getBody().get("role").asText()).isEqualTo("OPERATOR");
        assertThat(me.getBody().get("authentication").asText()).isEqualTo("JWT");
    }

    @Test
    void listClaimWithOneHubRoleIsAccepted() {
        String token = sign(claims("li.na").claim("huitong_role", List.of("offline_access", "Auditor")).build());

        ResponseEntity<JsonNode> audit = call(token, "/api/audit");

        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void departmentClaimLimitsDepartmentAdmin() {
        String token = sign(claims("wang.fang").claim("huitong_role", "DEPARTMENT_ADMIN")
                .claim("department", "samr").build());

        JsonNode me = call(token, "/api/me").getBody();
        ResponseEntity<JsonNode> other = call(token, "/api/api-keys?department=mca");

        assertThat(me.get("departmentCode").asText()).isEqualTo("samr");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void tokenWithoutRoleIs401() {
        String token = sign(claims("no.role").claim("huitong_role", "superuser").build());

        ResponseEntity<JsonNode> response = call(token, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("no hub role in claim huitong_role");
        assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .anyMatch(value -> value.startsWith("Bearer") && value.contains("invalid_token"));
    }

    @Test
    void tokenWithTwoRolesIs401() {
        String token = sign(claims("two.roles").claim("huitong_role", List.of("ADMIN", "AUDITOR")).build());

        ResponseEntity<JsonNode> response = call(token, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("several hub roles");
    }

    @Test
    void departmentAdminWithoutDepartmentIs401() {
        String token = sign(claims("no.dept").claim("huitong_role", "DEPARTMENT_ADMIN").build());

        ResponseEntity<JsonNode> response = call(token, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("no valid department code in claim department");
    }

    @Test
    void expiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = sign(claims("late").claim("huitong_role", "ADMIN")
                .issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past)).build());

        ResponseEntity<JsonNode> response = call(token, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("bearer token was rejected").contains("expired");
    }

    @Test
    void tokenSignedByOtherKeyIs401() {
        String token = sign(claims("forger").claim("huitong_role", "ADMIN").build(), rsaKeyPair());

        ResponseEntity<JsonNode> response = call(token, "/api/me");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("detail").asText()).contains("bearer token was rejected");
    }

    @Test
    void rejectedTokensAreAudited() {
        String marker = "forged-" + UUID.randomUUID();
        String token = sign(claims(marker).claim("huitong_role", "ADMIN").build(), rsaKeyPair());
        Integer before = countJwtFailures();

        call(token, "/api/me");

        assertThat(countJwtFailures()).isEqualTo(before + 1);
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(token);
    }

    @Test
    void anonymousChallengeOffersBearer() {
        ResponseEntity<JsonNode> response = anonymous.getForEntity("/api/me", JsonNode.class);

        assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .anyMatch(value -> value.startsWith("Basic"))
                .anyMatch(value -> value.startsWith("Bearer realm="));
    }

    private Integer countJwtFailures() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED'"
                + " AND target_type = 'jwt'", Integer.class);
    }

    private ResponseEntity<JsonNode> call(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static JWTClaimsSet.Builder claims(String username) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .issuer("https://idp.test.invalid/realms/lanzhou")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, ISSUER_KEYS);
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePublicKey(Path pem) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER_KEYS.getPublic().getEncoded());
        try {
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
