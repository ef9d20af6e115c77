package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.subscriptions.view.ViewFixtures.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.SubscriptionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Views of every record type under schemas/, with every field granted. */
class RealSchemaViewsTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry(ViewFixtures.SCHEMAS);
    private final SchemaRecordViews views = new SchemaRecordViews(REGISTRY);

    static Stream<RecordTypeSpec> recordTypes() {
        return REGISTRY.all().stream();
    }

    /** Returns a value for every field: text by personal kind, numbers for number fields. */
    private static ObjectNode fullRecord(RecordTypeSpec spec) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (FieldSpec field : spec.fields()) {
            JsonNode value = switch (field.personal() == null ? "" : field.personal()) {
                case "name" -> data.textNode("张三丰");
                case "citizen-id" -> data.textNode("62010219500304011X");
                case "phone" -> data.textNode("13812345678");
                case "address" -> data.textNode("甘肃省兰州市城关区张掖路街道1号");
                case "birth-date" -> data.textNode("1950-03-04");
                case "gender" -> data.textNode("female");
                case "location" -> data.numberNode(new BigDecimal("36.061089"));
                default -> plainValue(field);
            };
            data.set(field.name(), value);
        }
        return data;
    }

    private static JsonNode plainValue(FieldSpec field) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (String.valueOf(field.type())) {
            case "integer" -> nodes.numberNode(3);
            case "number" -> nodes.numberNode(new BigDecimal("12.50"));
            case "array" -> nodes.arrayNode().add("value-of-" + field.name());
            default -> "division-code".equals(field.format()) ? nodes.textNode("620102")
                    : nodes.textNode("value-of-" + field.name());
        };
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> allFields(RecordTypeSpec spec) {
        return spec.fields().stream().map(FieldSpec::name).toList();
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void restrictedFieldsNeverDelivered(RecordTypeSpec spec) {
        List<String> all = allFields(spec);
        RecordView view = views.forSubscription(subscription(spec.type(), all, all, SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event(spec.type(), "lz-test", fullRecord(spec))).orElseThrow().get("data");

        List<String> shareable = spec.fields().stream()
                .filter(field -> !"restricted".equals(field.sharing()))
                .map(FieldSpec::name)
                .toList();
        assertThat(names(data)).as(spec.type()).containsExactlyElementsOf(shareable);
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void clearGrantDeliversValuesUnchanged(RecordTypeSpec spec) {
        List<String> all = allFields(spec);
        ObjectNode record = fullRecord(spec);
        RecordView view = views.forSubscription(subscription(spec.type(), all, all, SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event(spec.type(), "lz-test", record)).orElseThrow().get("data");

        data.properties().forEach(field ->
                assertThat(field.getValue()).as(spec.type() + "." + field.getKey()).isEqualTo(record.get(field.getKey())));
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void personalFieldsMaskedWithoutClearGrant(RecordTypeSpec spec) {
        ObjectNode record = fullRecord(spec);
        RecordView view = views.forSubscription(subscription(spec.type(), allFields(spec), List.of(),
                SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event(spec.type(), "lz-test", record)).orElseThrow().get("data");

        for (FieldSpec field : spec.fields()) {
            if (!data.has(field.name())) {
                continue;
            }
            if (field.personal() != null) {
                assertThat(FieldMasks.isKnown(field.personal())).as(field.personal()).isTrue();
                assertThat(data.get(field.name())).as(spec.type() + "." + field.name()).isNotEqualTo(record.get(field.name()));
            } else {
                assertThat(data.get(field.name())).as(spec.type() + "." + field.name()).isEqualTo(record.get(field.name()));
            }
        }
    }

    @Test
    void licenceLegalRepresentativeMasked() {
        RecordTypeSpec licence = REGISTRY.spec("credit.license", "1");
        RecordView view = views.forSubscription(subscription("credit.license", allFields(licence), List.of(),
                SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event("credit.license", "lz-samr", fullRecord(licence)))
                .orElseThrow().get("data");

        assertThat(data.get("XK_FRDB").textValue()).isEqualTo("张**");
        assertThat(data.get("XK_XDR_MC").textValue()).isEqualTo("value-of-XK_XDR_MC");
        assertThat(data.has("XK_FR_ZJHM")).isFalse();
        assertThat(data.has("XK_XDR_ZJHM")).isFalse();
    }

    @Test
    void alarmDeliversNoPersonalField() {
        RecordTypeSpec alarm = REGISTRY.spec("elder.alarm", "1");
        RecordView view = views.forSubscription(subscription("elder.alarm", allFields(alarm), allFields(alarm),
                SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event("elder.alarm", "lz-mz", fullRecord(alarm))).orElseThrow().get("data");

        assertThat(names(data)).containsExactly("deviceId", "sequence", "kind", "alarmTime", "severity", "divisionCode");
    }
}
