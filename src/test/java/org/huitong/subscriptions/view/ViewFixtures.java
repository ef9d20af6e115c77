package org.huitong.subscriptions.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huitong.exchange.CloudEventMessages;
import org.huitong.exchange.OutboundRecord;
import org.huitong.exchange.RecordEvents;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.SubscriptionStatus;

/** CloudEvents built the way the hub publishes them, and subscriptions, for view tests. */
public final class ViewFixtures {

    public static final Path SCHEMAS = Path.of("schemas");

    /** Reads decimals exactly and keeps trailing zeros, as a delivery path that parses message text should. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** A typical elder.person record; the citizen ID is synthetic with a valid check character. */
    public static final String ELDER_PERSON = """
            {"name": "张三丰", "citizenId": "62010219500304011X", "gender": "male",
             "birthDate": "1950-03-04", "divisionCode": "620102",
             "address": "甘肃省兰州市城关区张掖路街道1号", "phone": "13812345678",
             "abilityLevel": 2, "abilityStandard": "GB/T 42195-2022", "assessmentDate": "2024-05-01",
             "livingSituation": "alone", "specialPopulation": ["empty-nest", "advanced-age"]}
            """;

    private static final CloudEventMessages MESSAGES = new CloudEventMessages();

    private ViewFixtures() {
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Returns the published CloudEvent of a record, parsed from its message text. */
    public static ObjectNode event(String recordType, String department, ObjectNode data) {
        OutboundRecord record = new OutboundRecord(recordType, "urn:huitong:schema:" + recordType + ":1",
                "key-1", 3, "0".repeat(64), data, department, "test-connector", 7L, "records.csv", 2, 2);
        return json(MESSAGES.toJson(RecordEvents.toCloudEvent(record, Instant.parse("2026-12-05T08:00:00Z"))));
    }

    public static ObjectNode elderPerson(String department) {
        return event("elder.person", department, json(ELDER_PERSON));
    }

    public static Subscription subscription(String recordType, List<String> fields, List<String> clearFields,
                                            SubscriptionFilter filter) {
        return new Subscription("sub-42", "civil-affairs-app", recordType, filter, fields, clearFields,
                "care visits", "lz-mz", SubscriptionStatus.ACTIVE, null, Instant.parse("2026-12-01T00:00:00Z"));
    }

    public static SubscriptionFilter filter(List<String> divisions, List<String> departments,
                                            Map<String, List<String>> fields) {
        return new SubscriptionFilter(divisions, departments, fields);
    }
}
