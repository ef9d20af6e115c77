package org.huitong.connectors.sources.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.huitong.i18n.Messages;

/**
 * Reads the pages of one poll and hands each page's records to a consumer. It builds each page's
 * address and sends the request with the connector's authentication. Redirects are followed only
 * to allowed hosts, timeouts, 429 and 5xx are retried with backoff, and the rate limit is kept.
 */
final class HttpPageReader {

    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(60);
    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(500);

    private final HttpPollSettings settings;
    private final HostPolicy policy;
    private final int maxRedirects;
    private final Messages messages;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequestNanos;

    HttpPageReader(HttpPollSettings settings, HostPolicy policy, int maxRedirects, Messages messages) {
        this.settings = settings;
        this.policy = policy;
        this.maxRedirects = maxRedirects;
        this.messages = messages;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * Reads pages until the last one or {@code maxPages}.
     *
     * @param pages how many pages to read at most in this call, for a dry run's first page
     * @return the number of records read
     */
    long read(int pages, Consumer<JsonNode> records) throws IOException {
        long count = 0;
        String cursor = null;
        Set<String> cursorsSeen = new HashSet<>();
        int limit = Math.min(pages, settings.maxPages());
        for (int page = 0; page < limit; page++) {
            JsonNode body = fetch(pageUri(page, cursor));
            List<JsonNode> items = records(body);
            items.forEach(records);
            count += items.size();
            if (settings.pagination().equals("none") || items.isEmpty()) {
                break;
            }
            if (settings.pagination().equals("cursor")) {
                JsonNode next = body.at(settings.cursorPath());
                if (next.isMissingNode() || next.isNull() || next.asText().isEmpty()) {
                    break;
                }
                cursor = next.asText();
                if (!cursorsSeen.add(cursor)) {
                    throw new HttpSourceException(messages.text("http.cursor-repeated", page + 1));
                }
            } else if (items.size() < settings.pageSize()) {
                break;
            }
        }
        return count;
    }

    private URI pageUri(int page, String cursor) {
        String query = switch (settings.pagination()) {
            case "page" -> parameter(settings.pageParameter(), settings.firstPage() + page)
                    + "&" + parameter(settings.sizeParameter(), settings.pageSize());
            case "offset" -> parameter(settings.pageParameter(), (long) page * settings.pageSize())
                    + "&" + parameter(settings.sizeParameter(), settings.pageSize());
            case "cursor" -> cursor == null ? "" : parameter(settings.cursorParameter(), cursor);
            default -> "";
        };
        if (query.isEmpty()) {
            return settings.url();
        }
        String base = settings.url().toString();
        return URI.create(base + (settings.url().getRawQuery() == null ? "?" : "&") + query);
    }

    private static String parameter(String name, Object value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(value),
                StandardCharsets.UTF_8);
    }

    private List<JsonNode> records(JsonNode body) throws HttpSourceException {
        JsonNode array = settings.recordsPath().isEmpty() ? body : body.at(settings.recordsPath());
        if (!array.isArray()) {
            throw new HttpSourceException(messages.text("http.records-not-array",
                    settings.recordsPath().isEmpty() ? "/" : settings.recordsPath()));
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Fetches one page, with retries and redirects. */
    private JsonNode fetch(URI uri) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return fetchOnce(uri);
            } catch (RetryableException e) {
                if (attempt >= settings.retries()) {
                    throw e.failure;
                }
                sleep(e.wait != null ? min(e.wait, MAX_RETRY_WAIT) : min(FIRST_RETRY_WAIT.multipliedBy(1L << attempt),
                        MAX_RETRY_WAIT));
            }
        }
    }

    private JsonNode fetchOnce(URI first) throws IOException, RetryableException {
        URI uri = first;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            policy.check(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status == 429 || status >= 500) {
                response.body().close();
                throw new RetryableException(new HttpSourceException(messages.text("http.status",
                        HostPolicy.redacted(uri), status)), retryAfter(response));
            }
            if (status != 200) {
                response.body().close();
                throw new HttpSourceException(messages.text("http.status", HostPolicy.redacted(uri), status));
            }
            return parse(uri, response.body());
        }
        throw new HttpSourceException(messages.text("http.too-many-redirects", HostPolicy.redacted(first), maxRedirects));
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException, RetryableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").GET();
        switch (settings.authentication()) {
            case "bearer" -> request.header("Authorization", "Bearer " + settings.token());
            case "basic" -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
            default -> {
            }
        }
        waitForRateLimit();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new RetryableException(new HttpSourceException(messages.text("http.timeout",
                    HostPolicy.redacted(uri), settings.timeout().toSeconds()), e), null);
        } catch (IOException e) {
            throw new RetryableException(new HttpSourceException(messages.text("http.unreachable",
                    HostPolicy.redacted(uri), e.getClass().getSimpleName()), e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException(messages.text("http.unreachable", HostPolicy.redacted(uri), "interrupted"), e);
        }
    }

    private JsonNode parse(URI uri, InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxResponseBytes() + 1));
            if (bytes.length > settings.maxResponseBytes()) {
                throw new HttpSourceException(messages.text("http.response-too-large", HostPolicy.redacted(uri),
                        settings.maxResponseBytes()));
            }
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new HttpSourceException(messages.text("http.invalid-json", HostPolicy.redacted(uri),
                    e.getOriginalMessage()), e);
        }
    }

    private void waitForRateLimit() throws HttpSourceException {
        long interval = settings.minRequestInterval().toNanos();
        long waited = System.nanoTime() - lastRequestNanos;
        if (lastRequestNanos != 0 && waited < interval) {
            sleep(Duration.ofNanos(interval - waited));
        }
        lastRequestNanos = System.nanoTime();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.matches("^[0-9]{1,6}$"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration duration) throws HttpSourceException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException(messages.text("http.unreachable", HostPolicy.redacted(settings.url()),
                    "interrupted"), e);
        }
    }

    /** A failure worth another attempt, and how long the server asked to wait, if it did. */
    private static final class RetryableException extends Exception {

        private final transient HttpSourceException failure;
        private final transient Duration wait;

        RetryableException(HttpSourceException failure, Duration wait) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.wait = wait;
        }
    }
}
