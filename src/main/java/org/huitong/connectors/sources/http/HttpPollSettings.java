package org.huitong.connectors.sources.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The parameters of an {@code http-poll} connector, with the template's defaults filled in and
 * secrets resolved. {@link #toString()} leaves the secrets out.
 */
record HttpPollSettings(URI url, String recordsPath, String pagination, String pageParameter, int firstPage,
                        String sizeParameter, int pageSize, String cursorParameter, String cursorPath, int maxPages,
                        String authentication, String token, String username, String password,
                        Duration timeout, int retries, Duration minRequestInterval, long maxResponseBytes,
                        int retryPolls) {

    static HttpPollSettings of(Map<String, String> parameters) {
        return new HttpPollSettings(URI.create(parameters.get("url")), parameters.getOrDefault("recordsPath", ""),
                parameters.getOrDefault("pagination", "none"), parameters.getOrDefault("pageParameter", "page"),
                Integer.parseInt(parameters.getOrDefault("firstPage", "1")),
                parameters.getOrDefault("sizeParameter", "size"),
                Integer.parseInt(parameters.getOrDefault("pageSize", "100")),
                parameters.getOrDefault("cursorParameter", "cursor"), parameters.getOrDefault("cursorPath", "/next"),
                Integer.parseInt(parameters.getOrDefault("maxPages", "1000")),
                parameters.getOrDefault("authentication", "none"), parameters.get("token"),
                parameters.get("username"), parameters.get("password"),
                Duration.ofSeconds(Long.parseLong(parameters.getOrDefault("timeoutSeconds", "30"))),
                Integer.parseInt(parameters.getOrDefault("retries", "3")),
                Duration.ofMillis(Long.parseLong(parameters.getOrDefault("minRequestIntervalMs", "200"))),
                Long.parseLong(parameters.getOrDefault("maxResponseBytes", "20971520")),
                Integer.parseInt(parameters.getOrDefault("retryPolls", "32")));
    }

    @Override
    public String toString() {
        return "HttpPollSettings[url=" + HostPolicy.redacted(url) + ", pagination=" + pagination
                + ", authentication=" + authentication + "]";
    }
}
