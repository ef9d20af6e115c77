package org.huitong.connectors.sources.mqtt;

import java.util.List;
import java.util.Map;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.SourceSupport;
import org.springframework.stereotype.Component;

/** The {@code mqtt-alarm} template: checks the broker URL and topic filter and builds route parameters. */
@Component
public class MqttAlarmSupport implements SourceSupport {

    private final org.huitong.connectors.sources.OutboundHosts hosts;

    private final RetiringSocketFactories socketFactories;

    public MqttAlarmSupport(org.huitong.connectors.sources.OutboundHosts hosts,
                            RetiringSocketFactories socketFactories) {
        this.hosts = hosts;
        this.socketFactories = socketFactories;
    }

    @Override
    public void routeRemoved(String connectorId) {
        socketFactories.retire(connectorId);
    }

    @Override
    public String template() {
        return MqttAlarmSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        List<DescriptorError> errors = new java.util.ArrayList<>(MqttAlarmSource.check(descriptor.source().parameters()));
        String brokerUrl = descriptor.source().parameters().get("brokerUrl");
        if (errors.stream().noneMatch(error -> error.path().equals("source.parameters.brokerUrl")) && brokerUrl != null) {
            try {
                errors.addAll(hosts.check("source.parameters.brokerUrl", java.net.URI.create(brokerUrl).getHost()));
            } catch (IllegalArgumentException e) {
                // The template's own check reports a malformed address.
            }
        }
        return errors;
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters) {
        Map<String, Object> route = MqttAlarmSource.routeParameters(descriptor.id(), parameters);
        boolean tls = String.valueOf(parameters.get("brokerUrl")).startsWith("ssl://");
        route.put("socketFactory", socketFactories.register(descriptor.id(), tls));
        return route;
    }
}
