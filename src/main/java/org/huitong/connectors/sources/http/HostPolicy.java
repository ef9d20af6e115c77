package org.huitong.connectors.sources.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.huitong.i18n.Messages;
import org.huitong.security.HostResolver;
import org.huitong.security.MetadataEndpoints;
import org.huitong.security.OutboundHosts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides which hosts a source may call out to: only hosts on the operator's allowlist
 * ({@code huitong.sources.allowed-hosts}), and never a link-local, wildcard, multicast or
 * cloud-metadata address, whatever the allowlist contains. For HTTP sources only http and https
 * are allowed, and every redirect target is checked the same way.
 *
 * <p>HTTP sources connect only to addresses that {@link #resolveChecked} returned, so a DNS
 * server that answers differently for the connection (DNS rebinding) cannot send them to a
 * forbidden address.
 *
 * <p>NOTE: the drivers of the other sources (database, SFTP, MQTT) resolve the host again
 * themselves, so for them DNS rebinding is limited only by the allowlist.
 */
@Component
public class HostPolicy {

    private final HttpSourceProperties properties;
    private final Messages messages;
    private final HostResolver resolver;

    public HostPolicy(HttpSourceProperties properties, Messages messages, ObjectProvider<HostResolver> resolver) {
        this.properties = properties;
        this.messages = messages;
        this.resolver = resolver.getIfAvailable(() -> HostResolver.SYSTEM);
    }

    /**
     * Checks an address before it is called.
     *
     * @throws HttpSourceException naming the host and why it is refused
     */
    public void check(URI uri) throws HttpSourceException {
        resolveChecked(checkWithoutLookup(uri));
    }

    /**
     * Resolves a host and returns its addresses, unless one of them is always refused.
     *
     * @throws HttpSourceException if the host is unknown or resolves to a refused address
     */
    public InetAddress[] resolveChecked(String name) throws HttpSourceException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new HttpSourceException(messages.text("http.host-unknown", name), e);
        }
        for (InetAddress address : addresses) {
            if (OutboundHosts.forbidden(address)) {
                throw new HttpSourceException(messages.text("http.address-refused", name + " (" + address.getHostAddress() + ")"));
            }
        }
        return addresses;
    }

    /**
     * Checks the scheme, the allowlist and literal addresses without a DNS lookup, for checking a
     * descriptor: a DNS server that is down at that moment must not make the descriptor invalid.
     *
     * @return the host name, lower case and without IPv6 brackets
     */
    public String checkWithoutLookup(URI uri) throws HttpSourceException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null) {
            throw new HttpSourceException(messages.text("http.scheme-refused", redacted(uri)));
        }
        return checkHostWithoutLookup(host);
    }

    /**
     * Checks a host of any source that calls out (an SFTP server, a database, an MQTT broker)
     * against the allowlist and the always-refused addresses, without a DNS lookup.
     *
     * @return the host name, lower case and without IPv6 brackets
     */
    public String checkHostWithoutLookup(String host) throws HttpSourceException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (MetadataEndpoints.HOST_NAMES.contains(name)) {
            throw new HttpSourceException(messages.text("http.address-refused", name));
        }
        if (!OutboundHosts.allowed(name, properties.allowedHosts())) {
            throw new HttpSourceException(messages.text("http.host-not-allowed", name,
                    properties.allowedHosts().isEmpty() ? "-" : String.join(", ", properties.allowedHosts())));
        }
        if (isLiteralAddress(name)) {
            try {
                if (OutboundHosts.forbidden(InetAddress.getByName(name))) {
                    throw new HttpSourceException(messages.text("http.address-refused", name));
                }
            } catch (UnknownHostException e) {
                throw new HttpSourceException(messages.text("http.host-unknown", name), e);
            }
        }
        return name;
    }

    /** Tells whether a host is written as an IPv4 or IPv6 address, which needs no DNS lookup. */
    private static boolean isLiteralAddress(String host) {
        return host.matches("^[0-9.]+$") || host.contains(":");
    }

    /** Returns the address without its query and user information, for messages and logs. */
    public static String redacted(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host + port
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
