package org.huitong.eldercare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.validate.FieldValues;
import org.huitong.pipeline.validate.RecordRules;
import org.huitong.pipeline.validate.ValidationCodes;
import org.huitong.pipeline.validate.ViolationMessages;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code elder.alarm}: an alarm has a location, given as a division code, an address
 * or coordinates, and latitude and longitude come together.
 */
@Component
public class ElderAlarmRules implements RecordRules {

    private final ViolationMessages messages;

    public ElderAlarmRules() {
        this(ViolationMessages.standard());
    }

    public ElderAlarmRules(ViolationMessages messages) {
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "elder.alarm";
    }

    @Override
    public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        boolean latitude = data.hasNonNull("latitude");
        boolean longitude = data.hasNonNull("longitude");
        if (latitude != longitude) {
            String present = latitude ? "latitude" : "longitude";
            String missing = latitude ? "longitude" : "latitude";
            out.add(messages.about(ValidationCodes.ELDER_ALARM_COORDINATE_INCOMPLETE, present, columnByField,
                    missing));
        }
        boolean located = data.hasNonNull("divisionCode") || data.hasNonNull("address") || (latitude && longitude);
        if (!located) {
            out.add(messages.about(ValidationCodes.ELDER_ALARM_LOCATION_MISSING, "divisionCode", columnByField,
                    FieldValues.text(data, "deviceId").orElse("?")));
        }
    }
}
