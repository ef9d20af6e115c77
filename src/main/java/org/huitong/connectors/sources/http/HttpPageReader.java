package org.huitong.connectors.sources.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.huitong.i18n.Messages;
import org.huitong.security.VettedDnsResolver;

/**
 * Reads the pages of one poll and hands each page's records to a consumer. It builds each page's
 * address and sends the request with the connector's authentication. Redirects are followed only
 * to allowed hosts, timeouts, 429 and 5xx are retried with backoff, and the rate limit is kept.
 * Apache HttpClient resolves each host through the host policy when it connects
 * ({@link VettedDnsResolver}), so it only connects to addresses the policy checked.
 */
final class HttpPageReader implements AutoCloseable {

    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(60);
    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(500);

    private final HttpPollSettings settings;
    private final HostPolicy policy;
    private final int maxRedirects;
    private final Messages messages;
    private final CloseableHttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequestNanos;

    HttpPageReader(HttpPollSettings settings, HostPolicy policy, int maxRedirects, Messages messages) {
        this.settings = settings;
        this.policy = policy;
        this.maxRedirects = maxRedirects;
        this.messages = messages;
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new VettedDnsResolver(policy::resolveChecked))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    @Override
    public void close() throws IOException {
        client.close();
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
            try (ClassicHttpResponse response = send(uri)) {
                int status = response.getCode();
                Header location = response.getFirstHeader("Location");
                if (status >= 300 && status < 400 && location != null) {
                    uri = uri.resolve(location.getValue());
                    continue;
                }
                if (status == 429 || status >= 500) {
                    throw new RetryableException(new HttpSourceException(messages.text("http.status",
                            HostPolicy.redacted(uri), status)), retryAfter(response));
                }
                if (status != 200) {
                    throw new HttpSourceException(messages.text("http.status", HostPolicy.redacted(uri), status));
                }
                return parse(uri, response.getEntity());
            }
        }
        throw new HttpSourceException(messages.text("http.too-many-redirects", HostPolicy.redacted(first), maxRedirects));
    }

    /** Sends a GET; the caller closes the response. */
    private ClassicHttpResponse send(URI uri) throws IOException, RetryableException {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "application/json");
        switch (settings.authentication()) {
            case "bearer" -> request.setHeader("Authorization", "Bearer " + settings.token());
            case "basic" -> request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
            default -> {
            }
        }
        waitForRateLimit();
        try {
            return client.executeOpen(null, request, null);
        } catch (VettedDnsResolver.RejectedHostException e) {
            // The policy's own message, as for a check before the request; not worth retrying.
            throw (HttpSourceException) e.getCause();
        } catch (SocketTimeoutException e) {
            throw new RetryableException(new HttpSourceException(messages.text("http.timeout",
                    HostPolicy.redacted(uri), settings.timeout().toSeconds()), e), null);
        } catch (IOException e) {
            throw new RetryableException(new HttpSourceException(messages.text("http.unreachable",
                    HostPolicy.redacted(uri), e.getClass().getSimpleName()), e), null);
        }
    }

    private JsonNode parse(URI uri, HttpEntity entity) throws IOException {
        if (entity == null) {
            throw new HttpSourceException(messages.text("http.invalid-json", HostPolicy.redacted(uri), "empty body"));
        }
        try (InputStream in = entity.getContent()) {
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

    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null || !header.getValue().matches("^[0-9]{1,6}$")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.getValue()));
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
