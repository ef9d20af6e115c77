package org.huitong.connectors.sources.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.testsupport.LicenceFiles;

/**
 * Sends pushes to a hub on 127.0.0.1 with the JDK HTTP client, as a department's system would,
 * and builds licence bodies for record type {@code credit.license}.
 */
final class PushClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and the body parsed as JSON. */
    record Reply(int status, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Response is not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    PushClient(int port) {
        this.port = port;
    }

    /** Sends a body with the given headers, name and value alternating. */
    Reply post(String connectorId, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/ingest/" + connectorId))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a JSON array with a bearer token, and any extra headers. */
    Reply pushArray(String connectorId, String token, byte[] body, String... extra) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json",
                "Authorization", "Bearer " + token));
        headers.addAll(List.of(extra));
        return post(connectorId, body, headers.toArray(String[]::new));
    }

    /** Sends a JSON array signed with HMAC-SHA256 at the given Unix time. */
    Reply pushSigned(String connectorId, String secret, byte[] body, long timestamp, String... extra) {
        String signature = HexFormat.of().formatHex(PushAuthenticator.sign(secret, String.valueOf(timestamp),
                connectorId, body));
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json",
                "X-Huitong-Timestamp", String.valueOf(timestamp), "X-Huitong-Signature", "sha256=" + signature));
        headers.addAll(List.of(extra));
        return post(connectorId, body, headers.toArray(String[]::new));
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Returns a JSON array of licences numbered {@code first} to {@code first + count - 1}. */
    static byte[] licences(int first, int count) {
        List<Map<String, String>> records = new ArrayList<>();
        for (int number = first; number < first + count; number++) {
            records.add(LicenceFiles.record(number));
        }
        try {
            return JSON.writeValueAsBytes(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns one licence as a JSON Lines line, without the line feed. */
    static String licenceLine(int number) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(LicenceFiles.record(number)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
