package org.huitong.connectors.sources;

import java.util.ArrayList;
import java.util.List;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.sources.http.HostPolicy;
import org.huitong.connectors.sources.http.HttpSourceException;
import org.springframework.stereotype.Component;

/**
 * Checks the host a source calls out to (an SFTP server, a database, an MQTT broker) against the
 * operator's allowlist, {@code huitong.sources.allowed-hosts}, when a descriptor is checked.
 */
@Component
public class OutboundHosts {

    private final HostPolicy policy;

    public OutboundHosts(HostPolicy policy) {
        this.policy = policy;
    }

    /**
     * Returns an error on {@code path} if the host may not be called, or none.
     *
     * @param host the host name or address; {@code null} when missing, which the schema reports
     */
    public List<DescriptorError> check(String path, String host) {
        List<DescriptorError> errors = new ArrayList<>();
        if (host == null || host.isBlank()) {
            return errors;
        }
        try {
            policy.checkHostWithoutLookup(host);
        } catch (HttpSourceException e) {
            errors.add(new DescriptorError(path, "http-refused", e.reason().zh(), e.reason().en()));
        }
        return errors;
    }
}
