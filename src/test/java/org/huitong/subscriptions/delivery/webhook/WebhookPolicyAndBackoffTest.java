package org.huitong.subscriptions.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The webhook host policy without DNS, and the bounds of the retry backoff. */
class WebhookPolicyAndBackoffTest {

    private static WebhookHostPolicy policy(boolean allowHttp, String resolvedAddress, String... allowedHosts) {
        WebhookProperties properties = new WebhookProperties(List.of(allowedHosts), allowHttp, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5), 8, "");
        return new WebhookHostPolicy(properties, host -> new InetAddress[] {InetAddress.getByName(resolvedAddress)});
    }

    @Test
    void wildcardMatchesSubdomainsOnly() throws Exception {
        WebhookHostPolicy policy = policy(false, "10.1.2.3", "*.lanzhou.gov.cn");

        assertThat(policy.check("https://hook.fgw.lanzhou.gov.cn/in").getHost()).isEqualTo("hook.fgw.lanzhou.gov.cn");
        assertThatThrownBy(() -> policy.check("https://lanzhou.gov.cn/in"))
                .isInstanceOf(WebhookUrlException.class)
                .extracting(e -> ((WebhookUrlException) e).messageKey()).isEqualTo("webhook.host-not-allowed");
        assertThatThrownBy(() -> policy.check("https://evil-lanzhou.gov.cn/in"))
                .extracting(e -> ((WebhookUrlException) e).messageKey()).isEqualTo("webhook.host-not-allowed");
    }

    @Test
    void emptyAllowlistRejectsEveryHost() {
        WebhookHostPolicy policy = policy(false, "10.1.2.3");

        assertThatThrownBy(() -> policy.check("https://hook.example.cn/in"))
                .extracting(e -> ((WebhookUrlException) e).messageKey()).isEqualTo("webhook.host-not-allowed");
    }

    @Test
    void resolvedLinkLocalAddressIsRejected() {
        WebhookHostPolicy ipv4 = policy(false, "169.254.169.254", "hook.example.cn");
        WebhookHostPolicy ipv6 = policy(false, "fe80::1", "hook.example.cn");
        WebhookHostPolicy metadata = policy(false, "100.100.100.200", "hook.example.cn");

        for (WebhookHostPolicy policy : List.of(ipv4, ipv6, metadata)) {
            assertThatThrownBy(() -> policy.check("https://hook.example.cn/in"))
                    .extracting(e -> ((WebhookUrlException) e).messageKey()).isEqualTo("webhook.address-rejected");
        }
    }

    @Test
    void httpNeedsAllowHttp() throws Exception {
        assertThatThrownBy(() -> policy(false, "127.0.0.1", "127.0.0.1").check("http://127.0.0.1:8443/in"))
                .extracting(e -> ((WebhookUrlException) e).messageKey()).isEqualTo("webhook.url.scheme");
        assertThat(policy(true, "127.0.0.1", "127.0.0.1").check("http://127.0.0.1:8443/in").getPort()).isEqualTo(8443);
    }

    @Test
    void backoffDoublesWithJitterUpToMax() {
        WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        for (int round = 0; round < 50; round++) {
            assertThat(backoff.delayAfter(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(backoff.delayAfter(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(backoff.delayAfter(9)).isBetween(Duration.ofSeconds(128), Duration.ofSeconds(256));
            assertThat(backoff.delayAfter(10)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
            assertThat(backoff.delayAfter(60)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
        }
    }
}
