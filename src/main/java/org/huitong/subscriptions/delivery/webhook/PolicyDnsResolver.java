package org.huitong.subscriptions.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves webhook hosts for the HTTP client through the host policy, so the client connects
 * only to addresses that the policy checked in the same lookup.
 */
final class PolicyDnsResolver implements DnsResolver {

    private final WebhookHostPolicy hostPolicy;

    PolicyDnsResolver(WebhookHostPolicy hostPolicy) {
        this.hostPolicy = hostPolicy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return hostPolicy.resolveChecked(host);
        } catch (WebhookUrlException e) {
            throw new RejectedHostException(e);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** A host that the policy rejected at connect time; carries the policy's reason. */
    static final class RejectedHostException extends UnknownHostException {

        private final transient WebhookUrlException reason;

        RejectedHostException(WebhookUrlException reason) {
            super(reason.messageKey());
            this.reason = reason;
        }

        WebhookUrlException reason() {
            return reason;
        }
    }
}
