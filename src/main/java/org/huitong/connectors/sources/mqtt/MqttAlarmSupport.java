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

    @Override
    public String template() {
        return MqttAlarmSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        return MqttAlarmSource.check(descriptor.source().parameters());
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters) {
        return MqttAlarmSource.routeParameters(descriptor.id(), parameters);
    }
}
