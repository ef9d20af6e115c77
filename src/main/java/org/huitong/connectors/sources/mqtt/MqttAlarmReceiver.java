package org.huitong.connectors.sources.mqtt;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.paho.PahoConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores each message of an {@code mqtt-alarm} route in the inbox table. The route acknowledges
 * the message to the broker only when this method returns normally, so a message is either
 * stored or delivered again.
 */
@Component("mqttAlarmReceiver")
public class MqttAlarmReceiver {

    private static final Logger log = LoggerFactory.getLogger(MqttAlarmReceiver.class);

    private final MqttAlarmInbox inbox;

    public MqttAlarmReceiver(MqttAlarmInbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Stores one message. A payload over {@code maxPayloadBytes} is dropped with a warning that
     * names the topic and size but not the content, which contains personal data.
     */
    public void receive(@Header("HuitongConnectorId") String connectorId,
                        @Header("HuitongMaxPayloadBytes") int maxPayloadBytes,
                        @Header(PahoConstants.MQTT_TOPIC) String topic, @Body byte[] payload) {
        if (payload.length > maxPayloadBytes) {
            log.warn("Connector {}: dropped a message of {} bytes on topic {}, over the limit of {} bytes",
                    connectorId, payload.length, topic, maxPayloadBytes);
            return;
        }
        // PostgreSQL text cannot hold NUL characters; such a payload is no valid JSON anyway.
        String text = new String(payload, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        inbox.add(connectorId, topic, text);
    }
}
