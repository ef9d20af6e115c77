package org.huitong.security;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * The rules that every host policy for outbound calls shares: the operator's allowlist of host
 * names, and the addresses that the hub never calls whatever the allowlist contains.
 */
public final class OutboundHosts {

    private OutboundHosts() {
    }

    /**
     * Returns true if the host matches an allowlist entry: the same name, or a {@code *.example.org}
     * entry for a name that ends in {@code .example.org}. Entries are compared ignoring case.
     *
     * @param host the host name, lower case
     */
    public static boolean allowed(String host, List<String> allowlist) {
        for (String entry : allowlist) {
            String pattern = entry.trim().toLowerCase(Locale.ROOT);
            if (pattern.equals(host)) {
                return true;
            }
            if (pattern.startsWith("*.") && host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** Returns true for a link-local, wildcard, multicast or cloud-metadata address. */
    public static boolean forbidden(InetAddress address) {
        return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || MetadataEndpoints.ADDRESSES.contains(address.getHostAddress());
    }
}
