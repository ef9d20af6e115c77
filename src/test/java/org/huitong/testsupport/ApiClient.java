package org.huitong.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Calls the hub's API over HTTP as one user, returning status and JSON body without throwing on
 * error statuses, so a test can assert on both.
 */
public final class ApiClient {

    private final TestRestTemplate http;
    private final HttpHeaders credentials;

    private ApiClient(TestRestTemplate http, HttpHeaders credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** Creates a client that sends the given headers, for example an authorization, with every call. */
    public static ApiClient of(TestRestTemplate http, HttpHeaders credentials) {
        return new ApiClient(http, credentials);
    }

    /** Creates a client that sends an API key in the {@code X-API-Key} header. */
    public static ApiClient withApiKey(TestRestTemplate http, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-API-Key", key);
        return new ApiClient(http, headers);
    }

    /**
     * Creates an API key with the role, as the bootstrap administrator, and returns a client
     * that sends it.
     *
     * @param departmentCode the key's department, for the role DEPARTMENT_ADMIN only
     */
    public static ApiClient withNewKey(TestRestTemplate anonymous, HubTestEnvironment hub, String role,
                                       String departmentCode) {
        return withApiKey(anonymous, HubUsers.of(anonymous, hub).createApiKey(role, departmentCode, null));
    }

    /** Creates a client that sends no credentials. */
    public static ApiClient anonymous(TestRestTemplate http) {
        return new ApiClient(http, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> get(String path) {
        return call(HttpMethod.GET, path, null, null);
    }

    public ResponseEntity<JsonNode> get(String path, String language) {
        HttpHeaders headers = headers(null);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    /** Sends a YAML body. */
    public ResponseEntity<JsonNode> postYaml(String path, String yaml) {
        return call(HttpMethod.POST, path, yaml, MediaType.parseMediaType("application/yaml"));
    }

    public ResponseEntity<JsonNode> putYaml(String path, String yaml) {
        return call(HttpMethod.PUT, path, yaml, MediaType.parseMediaType("application/yaml"));
    }

    public ResponseEntity<JsonNode> putYaml(String path, String yaml, String ifMatch) {
        HttpHeaders headers = headers(MediaType.parseMediaType("application/yaml"));
        headers.setIfMatch(ifMatch);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }

    /** Sends a JSON body. */
    public ResponseEntity<JsonNode> postJson(String path, String json) {
        return call(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON);
    }

    /** Sends a JSON body with PUT. */
    public ResponseEntity<JsonNode> putJson(String path, String json) {
        return call(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON);
    }

    /** Sends a JSON body with DELETE. */
    public ResponseEntity<JsonNode> deleteJson(String path, String json) {
        return call(HttpMethod.DELETE, path, json, MediaType.APPLICATION_JSON);
    }

    public ResponseEntity<JsonNode> post(String path) {
        return call(HttpMethod.POST, path, null, null);
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return call(HttpMethod.DELETE, path, null, null);
    }

    /** Sends multipart form data; each part is a file with the given name and content. */
    public ResponseEntity<JsonNode> postFiles(String path, FilePart... parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (FilePart part : parts) {
            body.add(part.field(), new ByteArrayResource(part.content()) {
                @Override
                public String getFilename() {
                    return part.fileName();
                }
            });
        }
        HttpHeaders headers = headers(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /**
     * Announces a POST of {@code length} bytes with {@code Expect: 100-continue}, as curl does for
     * large bodies, and returns the status line the hub responds with before any body is sent.
     * A plain socket is used because the JDK 17 HTTP client hangs when a server answers such a
     * request with a final status instead of 100.
     */
    public String announceLargePost(String path, long length, String contentType) {
        java.net.URI root = java.net.URI.create(http.getRootUri());
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                    .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(length).append("\r\n")
                    .append("Expect: 100-continue\r\n");
            credentials.forEach((name, values) -> values.forEach(value ->
                    request.append(name).append(": ").append(value).append("\r\n")));
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One file of a multipart request. */
    public record FilePart(String field, String fileName, byte[] content) {
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = headers(type);
        HttpEntity<byte[]> entity = new HttpEntity<>(body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers);
        return http.exchange(path, method, entity, JsonNode.class);
    }

    private HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(credentials);
        if (type != null) {
            headers.setContentType(type);
        }
        return headers;
    }
}
