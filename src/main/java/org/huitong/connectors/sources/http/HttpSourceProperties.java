package org.huitong.connectors.sources.http;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings for sources that call out to other hosts (HTTP, SFTP, databases, MQTT).
 *
 * @param allowedHosts host names the hub may call, each exact ({@code api.samr.lanzhou.gov.cn}),
 *     a wildcard for subdomains ({@code *.lanzhou.gov.cn}) or an IP address; empty allows none
 * @param maxRedirects redirects an HTTP source follows at most per request, each checked like the
 *     first address
 */
@ConfigurationProperties("huitong.sources")
public record HttpSourceProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("5") int maxRedirects) {

    public HttpSourceProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
