package org.huitong.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.HubUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that call one running hub over HTTP as different users. The subclasses share
 * one hub, so each test creates users and keys with unique names and never expects empty tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SecuredHubTest {

    static final HubTestEnvironment HUB = HubTestEnvironment.create();

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    JdbcTemplate jdbc;

    HubUsers users;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @BeforeEach
    void logIn() {
        users = HubUsers.of(anonymous, HUB);
    }

    static ResponseEntity<JsonNode> call(TestRestTemplate client, HttpMethod method, String path, Object body,
                                         String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static ResponseEntity<JsonNode> get(TestRestTemplate client, String path) {
        return call(client, HttpMethod.GET, path, null, "en");
    }
}
