package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huitong.subscriptions.view.ViewFixtures.elderPerson;
import static org.huitong.subscriptions.view.ViewFixtures.filter;
import static org.huitong.subscriptions.view.ViewFixtures.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.SubscriptionFilter;
import org.junit.jupiter.api.Test;

class SchemaRecordViewsTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry(ViewFixtures.SCHEMAS);
    private static final List<String> ALL_PERSON_FIELDS = List.of("name", "citizenId", "gender", "birthDate",
            "divisionCode", "address", "phone", "abilityLevel", "abilityStandard", "assessmentDate",
            "livingSituation", "specialPopulation");

    private final SchemaRecordViews views = new SchemaRecordViews(REGISTRY);

    private RecordView personView(List<String> fields, List<String> clear, SubscriptionFilter filter) {
        return views.forSubscription(subscription("elder.person", fields, clear, filter));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = object.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    @Test
    void restrictedFieldsDroppedEvenIfGranted() {
        RecordView view = personView(ALL_PERSON_FIELDS, List.of(), SubscriptionFilter.NONE);

        JsonNode data = view.apply(elderPerson("lz-mz")).orElseThrow().get("data");

        assertThat(names(data)).containsExactly("name", "gender", "birthDate", "divisionCode", "abilityLevel",
                "abilityStandard", "assessmentDate", "livingSituation");
    }

    @Test
    void personalFieldsMaskedByKind() {
        RecordView view = personView(ALL_PERSON_FIELDS, List.of(), SubscriptionFilter.NONE);

        JsonNode data = view.apply(elderPerson("lz-mz")).orElseThrow().get("data");

        assertThat(data.get("name").textValue()).isEqualTo("张**");
        assertThat(data.get("gender").textValue()).isEqualTo("*");
        assertThat(data.get("birthDate").textValue()).isEqualTo("1950-**-**");
        assertThat(data.get("divisionCode").textValue()).isEqualTo("620102");
        assertThat(data.get("abilityLevel").intValue()).isEqualTo(2);
        assertThat(data.get("livingSituation").textValue()).isEqualTo("alone");
    }

    @Test
    void clearFieldsDeliveredUnmasked() {
        RecordView view = personView(ALL_PERSON_FIELDS, List.of("name", "birthDate", "citizenId"),
                SubscriptionFilter.NONE);

        JsonNode data = view.apply(elderPerson("lz-mz")).orElseThrow().get("data");

        assertThat(data.get("name").textValue()).isEqualTo("张三丰");
        assertThat(data.get("birthDate").textValue()).isEqualTo("1950-03-04");
        assertThat(data.get("gender").textValue()).isEqualTo("*");
        assertThat(data.has("citizenId")).isFalse();
    }

    @Test
    void onlyGrantedFieldsInSchemaOrder() {
        RecordView view = personView(List.of("livingSituation", "name", "divisionCode"), List.of(),
                SubscriptionFilter.NONE);

        JsonNode data = view.apply(elderPerson("lz-mz")).orElseThrow().get("data");

        assertThat(names(data)).containsExactly("name", "divisionCode", "livingSituation");
    }

    @Test
    void clearFieldNotGrantedStaysOut() {
        RecordView view = personView(List.of("divisionCode"), List.of("name"), SubscriptionFilter.NONE);

        JsonNode data = view.apply(elderPerson("lz-mz")).orElseThrow().get("data");

        assertThat(names(data)).containsExactly("divisionCode");
    }

    @Test
    void envelopeKeptWithSubscriptionAttribute() {
        ObjectNode event = elderPerson("lz-mz");
        RecordView view = personView(List.of("name"), List.of(), SubscriptionFilter.NONE);

        ObjectNode delivered = view.apply(event).orElseThrow();

        for (String attribute : names(event)) {
            // The subject joins the key fields, which this subscription may not read; see SubjectPseudonymTest.
            if (!attribute.equals("data") && !attribute.equals("subject")) {
                assertThat(delivered.get(attribute)).as(attribute).isEqualTo(event.get(attribute));
            }
        }
        assertThat(delivered.get("subject").textValue()).startsWith(SubjectPseudonyms.PREFIX);
        assertThat(delivered.get("subscription").textValue()).isEqualTo("sub-42");
        assertThat(delivered.get("recordversion").intValue()).isEqualTo(3);
    }

    @Test
    void inputEventNotChanged() {
        ObjectNode event = elderPerson("lz-mz");
        String before = event.toString();
        RecordView view = personView(ALL_PERSON_FIELDS, List.of("name"), SubscriptionFilter.NONE);

        ObjectNode delivered = view.apply(event).orElseThrow();
        delivered.put("subject", "changed");
        ((ObjectNode) delivered.get("data")).put("name", "changed");

        assertThat(event.toString()).isEqualTo(before);
    }

    @Test
    void departmentFilter() {
        RecordView view = personView(List.of("name"), List.of(), filter(List.of(), List.of("lz-mz", "lz-wjw"), Map.of()));

        assertThat(view.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(view.apply(elderPerson("lz-wjw"))).isPresent();
        assertThat(view.apply(elderPerson("lz-samr"))).isEmpty();
    }

    @Test
    void divisionFilterMatchesPrefix() {
        RecordView lanzhou = personView(List.of("name"), List.of(), filter(List.of("6201"), List.of(), Map.of()));
        RecordView tianshui = personView(List.of("name"), List.of(), filter(List.of("6205", "62010"), List.of(), Map.of()));
        RecordView chengguan = personView(List.of("name"), List.of(), filter(List.of("620103"), List.of(), Map.of()));

        assertThat(lanzhou.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(tianshui.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(chengguan.apply(elderPerson("lz-mz"))).isEmpty();
    }

    @Test
    void divisionFilterRejectsRecordWithoutDivision() {
        RecordView view = personView(List.of("name"), List.of(), filter(List.of("62"), List.of(), Map.of()));
        ObjectNode event = elderPerson("lz-mz");
        ((ObjectNode) event.get("data")).remove("divisionCode");

        assertThat(view.apply(event)).isEmpty();
    }

    @Test
    void fieldFilterComparesText() {
        RecordView alone = personView(List.of("name"), List.of(),
                filter(List.of(), List.of(), Map.of("livingSituation", List.of("alone", "spouse-only"))));
        RecordView withChildren = personView(List.of("name"), List.of(),
                filter(List.of(), List.of(), Map.of("livingSituation", List.of("with-children"))));

        assertThat(alone.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(withChildren.apply(elderPerson("lz-mz"))).isEmpty();
    }

    @Test
    void fieldFilterComparesNumbersAsJsonText() {
        RecordView level2 = personView(List.of("name"), List.of(),
                filter(List.of(), List.of(), Map.of("abilityLevel", List.of("2", "3"))));
        RecordView level2Decimal = personView(List.of("name"), List.of(),
                filter(List.of(), List.of(), Map.of("abilityLevel", List.of("2.0"))));

        assertThat(level2.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(level2Decimal.apply(elderPerson("lz-mz"))).isEmpty();
    }

    @Test
    void fieldFilterMatchesDecimalAsPublished() {
        RecordView fee = views.forSubscription(subscription("elder.service", List.of("orderNumber"), List.of(),
                filter(List.of(), List.of(), Map.of("fee", List.of("120.50")))));
        ObjectNode service = ViewFixtures.event("elder.service", "lz-mz", ViewFixtures.json("""
                {"providerUscc": "91620102MA71234567", "orderNumber": "A-1", "fee": 120.50}
                """));

        assertThat(fee.apply(service)).isPresent();
    }

    @Test
    void fieldFilterMissingFieldRejects() {
        RecordView view = personView(List.of("name"), List.of(),
                filter(List.of(), List.of(), Map.of("abilityStandard", List.of("GB/T 42195-2022"))));
        ObjectNode event = elderPerson("lz-mz");
        ((ObjectNode) event.get("data")).remove("abilityStandard");

        assertThat(view.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(view.apply(event)).isEmpty();
    }

    @Test
    void fieldFilterOnArrayMatchesAnyElement() {
        RecordView view = views.forSubscription(subscription("credit.penalty", List.of("CF_WSH"), List.of(),
                filter(List.of(), List.of(), Map.of("CF_CFLB", List.of("罚款")))));
        ObjectNode fine = ViewFixtures.event("credit.penalty", "lz-samr", ViewFixtures.json("""
                {"CF_WSH": "兰市监罚〔2024〕1号", "CF_CFLB": ["警告", "罚款"]}"""));
        ObjectNode warning = ViewFixtures.event("credit.penalty", "lz-samr", ViewFixtures.json("""
                {"CF_WSH": "兰市监罚〔2024〕2号", "CF_CFLB": ["警告"]}"""));

        assertThat(view.apply(fine)).isPresent();
        assertThat(view.apply(warning)).isEmpty();
    }

    @Test
    void allFilterConditionsMustHold() {
        SubscriptionFilter all = filter(List.of("6201"), List.of("lz-mz"), Map.of("livingSituation", List.of("alone")));
        RecordView view = personView(List.of("name"), List.of(), all);
        ObjectNode otherDivision = elderPerson("lz-mz");
        ((ObjectNode) otherDivision.get("data")).put("divisionCode", "620502");
        ObjectNode otherSituation = elderPerson("lz-mz");
        ((ObjectNode) otherSituation.get("data")).put("livingSituation", "with-children");

        assertThat(view.apply(elderPerson("lz-mz"))).isPresent();
        assertThat(view.apply(elderPerson("lz-wjw"))).isEmpty();
        assertThat(view.apply(otherDivision)).isEmpty();
        assertThat(view.apply(otherSituation)).isEmpty();
    }

    @Test
    void filterOnRestrictedFieldRejected() {
        SubscriptionFilter byCitizenId = filter(List.of(), List.of(), Map.of("citizenId", List.of("62010219500304011X")));

        assertThatThrownBy(() -> personView(List.of("name"), List.of(), byCitizenId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub-42")
                .hasMessageContaining("citizenId")
                .hasMessageContaining("restricted");
    }

    @Test
    void filterOnUnknownFieldRejected() {
        SubscriptionFilter byColour = filter(List.of(), List.of(), Map.of("colour", List.of("red")));

        assertThatThrownBy(() -> personView(List.of("name"), List.of(), byColour))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour")
                .hasMessageContaining("elder.person");
    }

    @Test
    void unknownRecordTypeRejected() {
        assertThatThrownBy(() -> views.forSubscription(subscription("elder.pet", List.of("name"), List.of(),
                SubscriptionFilter.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elder.pet");
    }

    @Test
    void eventOfOtherSchemaRejected() {
        RecordView view = personView(List.of("name"), List.of(), SubscriptionFilter.NONE);
        ObjectNode licence = ViewFixtures.event("credit.license", "lz-samr", ViewFixtures.json("{\"XK_WSH\": \"1\"}"));

        assertThatThrownBy(() -> view.apply(licence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("urn:huitong:schema:credit.license:1")
                .hasMessageContaining("elder.person");
    }

    @Test
    void eventWithoutDataRejected() {
        RecordView view = personView(List.of("name"), List.of(), SubscriptionFilter.NONE);
        ObjectNode event = elderPerson("lz-mz");
        event.remove("data");

        assertThatThrownBy(() -> view.apply(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data object");
    }

    @Test
    void nullPersonalValueStaysNull() {
        RecordView view = personView(List.of("name", "birthDate"), List.of(), SubscriptionFilter.NONE);
        ObjectNode event = elderPerson("lz-mz");
        ((ObjectNode) event.get("data")).putNull("birthDate");

        Optional<ObjectNode> delivered = view.apply(event);

        assertThat(delivered.orElseThrow().get("data").get("birthDate").isNull()).isTrue();
    }
}
