package org.huitong.subscriptions.delivery.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.huitong.security.HostResolver;
import org.huitong.security.MetadataEndpoints;
import org.huitong.security.OutboundHosts;

/**
 * Decides which URLs a webhook may use, with the rules of the HTTP sources' host policy: only
 * hosts on the operator's allowlist ({@code huitong.subscriptions.webhook.allowed-hosts}), and
 * never a link-local, wildcard, multicast or cloud-metadata address, whatever the allowlist
 * contains. Only {@code https} is accepted, or also {@code http} when {@code allow-http} is set;
 * user information in the URL and URLs over {@link WebhookProperties#MAX_URL_LENGTH} characters
 * are rejected. The hub checks a URL when it is set and again, with a new DNS lookup, before
 * each delivery attempt.
 *
 * <p>The sender resolves the host through {@link #resolveChecked} when it connects, so a DNS
 * server that answers differently the second time (DNS rebinding) cannot send it to a forbidden
 * address.
 */
public class WebhookHostPolicy {

    private final WebhookProperties properties;
    private final HostResolver resolver;

    public WebhookHostPolicy(WebhookProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    /**
     * Parses and checks a webhook URL, including a DNS lookup of its host.
     *
     * @throws WebhookUrlException naming the URL and why it is rejected
     */
    public URI check(String url) throws WebhookUrlException {
        URI uri = parse(url);
        resolveChecked(checkWithoutLookup(uri));
        return uri;
    }

    /**
     * Resolves a host of a checked URL and returns its addresses, unless one of them is
     * forbidden. The sender connects only to addresses returned here, so a DNS answer that
     * changes after {@link #check} cannot lead it to a forbidden address.
     *
     * @throws WebhookUrlException if the host is unknown or resolves to a forbidden address
     */
    InetAddress[] resolveChecked(String host) throws WebhookUrlException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookUrlException("webhook.host-unknown", host);
        }
        for (InetAddress address : addresses) {
            if (OutboundHosts.forbidden(address)) {
                throw new WebhookUrlException("webhook.address-rejected", host + " (" + address.getHostAddress() + ")");
            }
        }
        return addresses;
    }

    private URI parse(String url) throws WebhookUrlException {
        if (url == null || url.isBlank()) {
            throw new WebhookUrlException("webhook.url.required");
        }
        if (url.length() > WebhookProperties.MAX_URL_LENGTH) {
            throw new WebhookUrlException("webhook.url.too-long", String.valueOf(url.length()),
                    String.valueOf(WebhookProperties.MAX_URL_LENGTH));
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookUrlException("webhook.url.invalid", e.getReason(), String.valueOf(e.getIndex()));
        }
    }

    private String checkWithoutLookup(URI uri) throws WebhookUrlException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeAllowed = scheme.equals("https") || scheme.equals("http") && properties.allowHttp();
        if (!schemeAllowed || uri.getHost() == null) {
            throw new WebhookUrlException("webhook.url.scheme", redacted(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookUrlException("webhook.url.user-info", redacted(uri));
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookUrlException("webhook.url.fragment", redacted(uri));
        }

        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (MetadataEndpoints.HOST_NAMES.contains(host)) {
            throw new WebhookUrlException("webhook.address-rejected", host);
        }
        if (!OutboundHosts.allowed(host, properties.allowedHosts())) {
            List<String> allowedHosts = properties.allowedHosts();
            throw new WebhookUrlException("webhook.host-not-allowed", host,
                    allowedHosts.isEmpty() ? "-" : String.join(", ", allowedHosts));
        }
        return host;
    }

    /** Returns the URL without its query, fragment and user information, for messages and logs. */
    public static String redacted(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host + port
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
