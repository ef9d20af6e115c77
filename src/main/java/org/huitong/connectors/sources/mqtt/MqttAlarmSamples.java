package org.huitong.connectors.sources.mqtt;

import java.util.List;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.schema.SchemaRegistry;
import org.springframework.stereotype.Component;

/**
 * Turns sample messages, one per line of an uploaded file, into the input a dry run reads, so
 * an administrator can check a device vendor's payloads before connecting to the broker.
 */
@Component
public class MqttAlarmSamples {

    private final SchemaRegistry schemas;

    public MqttAlarmSamples(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** Tells whether the connector uses the {@code mqtt-alarm} template. */
    public boolean applies(ConnectorDescriptor connector) {
        return MqttAlarmSource.TEMPLATE.equals(connector.source().template());
    }

    /**
     * Prepares the sample messages as a batch would, without de-duplication, which needs the
     * stored device sequences.
     *
     * @param payloads one message per element; blank lines are left out
     */
    public BatchInput input(ConnectorDescriptor connector, String name, List<String> payloads) {
        RecordMapper mapper = new RecordMapper(
                schemas.spec(connector.target().recordType(), connector.target().version()), connector.mapping());
        List<String> lines = payloads.stream()
                .filter(payload -> !payload.isBlank())
                .map(payload -> AlarmMessage.parse(payload, mapper).line())
                .toList();
        return new AlarmMessagesInput(name, lines);
    }
}
