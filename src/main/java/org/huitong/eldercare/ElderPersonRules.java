package org.huitong.eldercare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.identifiers.CitizenId;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.validate.FieldValues;
import org.huitong.pipeline.validate.RecordRules;
import org.huitong.pipeline.validate.ValidationCodes;
import org.huitong.pipeline.validate.ViolationMessages;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code elder.person}. Gender and birth date come from the citizen ID: an absent one
 * is filled in, and a supplied one that disagrees is a violation. An assessment date must not
 * lie in the future.
 */
@Component
public class ElderPersonRules implements RecordRules {

    private final ViolationMessages messages;
    private final Clock clock;

    public ElderPersonRules() {
        this(ViolationMessages.standard(), Clock.system(CitizenId.ZONE));
    }

    /** Creates the rules with {@code clock} deciding today's date. */
    public ElderPersonRules(ViolationMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "elder.person";
    }

    @Override
    public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        LocalDate today = LocalDate.now(clock);
        FieldValues.date(data, "assessmentDate").filter(date -> date.isAfter(today)).ifPresent(date ->
                out.add(messages.about(ValidationCodes.ELDER_ASSESSMENT_DATE_FUTURE, "assessmentDate", columnByField, date)));

        Optional<CitizenId> citizenId = FieldValues.text(data, "citizenId")
                .filter(text -> CitizenId.problem(text, today).isEmpty())
                .map(text -> CitizenId.parse(text, today));
        if (citizenId.isEmpty()) {
            return;
        }
        checkGender(data, citizenId.get(), columnByField, out);
        checkBirthDate(data, citizenId.get(), columnByField, out);
    }

    private void checkGender(ObjectNode data, CitizenId citizenId, Map<String, String> columnByField, List<Violation> out) {
        String derived = citizenId.gender().schemaValue();
        Optional<String> supplied = FieldValues.text(data, "gender");

        if (!data.has("gender")) {
            data.put("gender", derived);
        } else if (supplied.isPresent() && !supplied.get().equals(derived)) {
            out.add(messages.about(ValidationCodes.ELDER_GENDER_MISMATCH, "gender", columnByField));
        }
    }

    private void checkBirthDate(ObjectNode data, CitizenId citizenId, Map<String, String> columnByField,
                                List<Violation> out) {
        Optional<LocalDate> supplied = FieldValues.date(data, "birthDate");

        if (!data.has("birthDate")) {
            data.put("birthDate", citizenId.birthDate().toString());
        } else if (supplied.isPresent() && !supplied.get().equals(citizenId.birthDate())) {
            out.add(messages.about(ValidationCodes.ELDER_BIRTH_DATE_MISMATCH, "birthDate", columnByField));
        }
    }
}
