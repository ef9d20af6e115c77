package org.huitong.connectors.sources.push;

import java.util.List;
import java.util.Map;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.SourceSupport;
import org.springframework.stereotype.Component;

/**
 * The {@code http-push} template: checks its secrets, and refuses to build the route of a
 * connector whose resolved secret is missing or too short, so the connector shows FAILED
 * instead of accepting pushes with a weak secret.
 */
@Component
public class HttpPushSupport implements SourceSupport {

    @Override
    public String template() {
        return HttpPushSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        return HttpPushSource.check(descriptor.source().parameters());
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters) {
        PushSettings.from(descriptor.id(), parameters);
        return Map.of();
    }
}
