package org.huitong.subscriptions.delivery.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings for webhook delivery ({@code huitong.subscriptions.webhook.*}).
 *
 * @param allowedHosts hosts a webhook may point to, each exact ({@code hook.lanzhou.gov.cn}), a
 *     wildcard for subdomains ({@code *.lanzhou.gov.cn}) or an IP address; empty allows none
 * @param allowHttp accept {@code http} URLs besides {@code https}; meant for tests on loopback
 * @param connectTimeout time to open a connection to the webhook
 * @param readTimeout time from sending a request until the whole response has arrived
 * @param initialBackoff wait before the second attempt; it doubles after each failed attempt
 * @param maxBackoff upper bound of the wait between two attempts
 * @param maxAttempts attempts per batch before its records become dead letters
 * @param sslBundle name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust
 *     material replaces the JDK's trusted CAs, for webhooks with certificates of a private CA;
 *     empty uses the JDK's CAs
 */
@ConfigurationProperties("huitong.subscriptions.webhook")
public record WebhookProperties(@DefaultValue List<String> allowedHosts,
                                @DefaultValue("false") boolean allowHttp,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("30s") Duration readTimeout,
                                @DefaultValue("1s") Duration initialBackoff,
                                @DefaultValue("5m") Duration maxBackoff,
                                @DefaultValue("8") int maxAttempts,
                                @DefaultValue("") String sslBundle) {

    /** Maximum length of a webhook URL, the size of the {@code webhook_url} column. */
    public static final int MAX_URL_LENGTH = 2048;

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("huitong.subscriptions.webhook.max-attempts must be at least 1, got "
                    + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("huitong.subscriptions.webhook.initial-backoff must not be negative"
                    + " and max-backoff not below it, got " + initialBackoff + " and " + maxBackoff);
        }
    }
}
