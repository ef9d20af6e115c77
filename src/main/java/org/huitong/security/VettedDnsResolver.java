package org.huitong.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves hosts for Apache HttpClient through a host policy's own lookup, which also checks
 * every address. The client then connects only to addresses the policy checked in that same
 * lookup, so a DNS server that answers differently the second time (DNS rebinding) cannot send
 * it to a forbidden address.
 */
public final class VettedDnsResolver implements DnsResolver {

    /** A host policy's lookup: the checked addresses of a host, or the reason it is rejected. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] resolveChecked(String host) throws Exception;
    }

    private final Lookup lookup;

    public VettedDnsResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return lookup.resolveChecked(host);
        } catch (UnknownHostException e) {
            throw e;
        } catch (Exception e) {
            throw new RejectedHostException(host, e);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** A host that the policy rejected when the client connected, with the reason as its cause. */
    public static final class RejectedHostException extends UnknownHostException {

        public RejectedHostException(String host, Exception reason) {
            super(host);
            initCause(reason);
        }
    }
}
