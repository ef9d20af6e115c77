package org.huitong.credit;

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

/** Rules of {@code credit.license}: the decision date is not in the future and validity runs forward. */
@Component
public class LicenseRules implements RecordRules {

    private final ViolationMessages messages;
    private final Clock clock;

    public LicenseRules() {
        this(ViolationMessages.standard(), Clock.system(CitizenId.ZONE));
    }

    /** Creates the rules with {@code clock} deciding today's date. */
    public LicenseRules(ViolationMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "credit.license";
    }

    @Override
    public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        LocalDate today = LocalDate.now(clock);
        FieldValues.date(data, "XK_JDRQ").filter(decision -> decision.isAfter(today)).ifPresent(decision ->
                out.add(messages.about(ValidationCodes.CREDIT_DECISION_DATE_FUTURE, "XK_JDRQ", columnByField, decision)));

        Optional<LocalDate> validFrom = FieldValues.date(data, "XK_YXQZ");
        Optional<LocalDate> validTo = FieldValues.date(data, "XK_YXQZI");
        if (validFrom.isPresent() && validTo.isPresent() && validTo.get().isBefore(validFrom.get())) {
            out.add(messages.about(ValidationCodes.LICENSE_VALID_TO_BEFORE_VALID_FROM, "XK_YXQZI", columnByField,
                    validTo.get(), validFrom.get()));
        }
    }
}
