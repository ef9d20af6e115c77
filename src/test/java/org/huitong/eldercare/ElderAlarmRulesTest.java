package org.huitong.eldercare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.validate.ValidationCodes;
import org.junit.jupiter.api.Test;

class ElderAlarmRulesTest {

    private final ElderAlarmRules rules = new ElderAlarmRules();

    private static ObjectNode alarm() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("deviceId", "FD-1");
        data.put("sequence", 1);
        return data;
    }

    private List<Violation> check(ObjectNode data, Map<String, String> columnByField) {
        List<Violation> out = new ArrayList<>();
        rules.apply(data, columnByField, out);
        return out;
    }

    @Test
    void anyLocationAccepted() {
        assertThat(check(alarm().put("divisionCode", "620102"), Map.of())).isEmpty();
        assertThat(check(alarm().put("address", "城关区示例路 1 号"), Map.of())).isEmpty();
        assertThat(check(alarm().put("latitude", 36.06).put("longitude", 103.83), Map.of())).isEmpty();
    }

    @Test
    void missingLocationRejected() {
        List<Violation> violations = check(alarm(), Map.of());

        assertThat(violations).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_ALARM_LOCATION_MISSING);
        assertThat(violations.get(0).message().en()).contains("FD-1");
        assertThat(violations.get(0).message().zh()).contains("FD-1");
    }

    @Test
    void latitudeWithoutLongitudeRejected() {
        List<Violation> violations = check(alarm().put("divisionCode", "620102").put("latitude", 36.06),
                Map.of("latitude", "lat"));

        assertThat(violations).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_ALARM_COORDINATE_INCOMPLETE);
        assertThat(violations.get(0).sourceColumn()).isEqualTo("lat");
        assertThat(violations.get(0).message().en()).contains("\"lat\"").contains("\"longitude\"");
    }

    @Test
    void longitudeAloneIsNoLocation() {
        List<Violation> violations = check(alarm().put("longitude", 103.83), Map.of());

        assertThat(violations).extracting(Violation::code).containsExactlyInAnyOrder(
                ValidationCodes.ELDER_ALARM_COORDINATE_INCOMPLETE, ValidationCodes.ELDER_ALARM_LOCATION_MISSING);
    }
}
