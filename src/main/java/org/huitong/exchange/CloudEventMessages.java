package org.huitong.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.Message;

/**
 * Turns an {@link OutboundRecord} into the JMS message published on the exchange: a
 * {@link TextMessage} whose text is the CloudEvent in structured JSON mode
 * ({@code application/cloudevents+json}), plus a few attributes copied into message properties
 * so that subscribers can filter on the broker with a selector such as
 * {@code ce_type = 'cn.huitong.credit.license' AND huitong_division LIKE '6201%'}.
 *
 * <p>AMQP subscribers receive the text as an AMQP string value with the content type
 * {@code application/cloudevents+json}.
 */
public final class CloudEventMessages {

    /** Message property: the CloudEvents {@code type}. */
    public static final String CE_TYPE = "ce_type";

    /** Message property: the CloudEvents {@code subject}, which is the business key. */
    public static final String CE_SUBJECT = "ce_subject";

    /** Message property: the CloudEvents {@code source}. */
    public static final String CE_SOURCE = "ce_source";

    /** Message property: department code of the providing department. */
    public static final String DEPARTMENT = "huitong_department";

    /** Message property: the record type, for example {@code credit.license}. */
    public static final String RECORD_TYPE = "huitong_record_type";

    /** Message property: the record's {@code divisionCode} field, set only if the record has one. */
    // NOTE: credit records without a divisionCode field get no division, although positions 3-8
    // of a USCC hold the registering authority's division code.
    public static final String DIVISION = "huitong_division";

    /** Record field copied into {@link #DIVISION}. */
    public static final String DIVISION_FIELD = "divisionCode";

    /** Message property that Artemis' CORE-to-AMQP conversion turns into the AMQP content type. */
    static final String AMQP_CONTENT_TYPE = "JMS_AMQP_ContentType";

    private static final String DUPLICATE_DETECTION_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

    // Plain decimals keep every digit in the form the source gave, for example 0.00000010 and
    // not 1.0E-7, for subscribers that compare text.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .build();

    /**
     * Creates the persistent message of {@code event}, whose text is the event's JSON.
     *
     * @throws JMSException if the session cannot create or fill the message
     */
    TextMessage toMessage(Session session, PreparedEvent event) throws JMSException {
        OutboundRecord record = event.record();
        TextMessage message = session.createTextMessage(event.json());

        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        message.setStringProperty(DUPLICATE_DETECTION_ID, event.id());
        message.setStringProperty(AMQP_CONTENT_TYPE, JsonFormat.CONTENT_TYPE);

        message.setStringProperty(CE_TYPE, RecordEvents.type(record));
        message.setStringProperty(CE_SUBJECT, record.businessKey());
        message.setStringProperty(CE_SOURCE, RecordEvents.source(record));
        message.setStringProperty(DEPARTMENT, record.department());
        message.setStringProperty(RECORD_TYPE, record.recordType());

        if (event.division() != null) {
            message.setStringProperty(DIVISION, event.division());
        }
        return message;
    }

    /** Returns the record's non-blank text {@code divisionCode}, or {@code null} if it has none. */
    public static String division(OutboundRecord record) {
        JsonNode division = record.data().get(DIVISION_FIELD);
        if (division != null && division.isTextual() && !division.asText().isBlank()) {
            return division.asText();
        }
        return null;
    }

    /** Serializes {@code event} in structured JSON mode. */
    public String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to serialize CloudEvent " + event.getId(), e);
        }
    }
}
