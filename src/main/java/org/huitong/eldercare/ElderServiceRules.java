package org.huitong.eldercare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.validate.FieldValues;
import org.huitong.pipeline.validate.RecordRules;
import org.huitong.pipeline.validate.ValidationCodes;
import org.huitong.pipeline.validate.ViolationMessages;
import org.springframework.stereotype.Component;

/** Rules of {@code elder.service}: the service ends no earlier than it starts, and the subsidy does not exceed the fee. */
@Component
public class ElderServiceRules implements RecordRules {

    private final ViolationMessages messages;

    public ElderServiceRules() {
        this(ViolationMessages.standard());
    }

    public ElderServiceRules(ViolationMessages messages) {
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "elder.service";
    }

    @Override
    public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        Optional<OffsetDateTime> start = FieldValues.dateTime(data, "startTime");
        Optional<OffsetDateTime> end = FieldValues.dateTime(data, "endTime");
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            out.add(messages.about(ValidationCodes.ELDER_SERVICE_END_BEFORE_START, "endTime", columnByField,
                    end.get(), start.get()));
        }

        Optional<BigDecimal> fee = FieldValues.decimal(data, "fee");
        Optional<BigDecimal> subsidy = FieldValues.decimal(data, "subsidy");
        if (fee.isPresent() && subsidy.isPresent() && subsidy.get().compareTo(fee.get()) > 0) {
            out.add(messages.about(ValidationCodes.ELDER_SERVICE_SUBSIDY_EXCEEDS_FEE, "subsidy", columnByField,
                    subsidy.get().toPlainString(), fee.get().toPlainString()));
        }
    }
}
