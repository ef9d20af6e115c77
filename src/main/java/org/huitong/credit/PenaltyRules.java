package org.huitong.credit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
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
 * Rules of {@code credit.penalty}: dates in order, and amounts consistent with the penalty
 * categories (a fine needs the category 罚款 and an amount, a confiscated value needs a
 * confiscation category).
 */
@Component
public class PenaltyRules implements RecordRules {

    static final String FINE = "罚款";
    static final List<String> CONFISCATIONS = List.of("没收违法所得", "没收非法财物");

    private final ViolationMessages messages;
    private final Clock clock;

    public PenaltyRules() {
        this(ViolationMessages.standard(), Clock.system(CitizenId.ZONE));
    }

    /** Creates the rules with {@code clock} deciding today's date. */
    public PenaltyRules(ViolationMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "credit.penalty";
    }

    @Override
    public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        checkDates(data, columnByField, out);
        checkAmounts(data, columnByField, out);
    }

    private void checkDates(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        Optional<LocalDate> decision = FieldValues.date(data, "CF_JDRQ");
        if (decision.isEmpty()) {
            return;
        }
        if (decision.get().isAfter(LocalDate.now(clock))) {
            out.add(messages.about(ValidationCodes.CREDIT_DECISION_DATE_FUTURE, "CF_JDRQ", columnByField, decision.get()));
        }

        FieldValues.date(data, "CF_YXQ").filter(validity -> validity.isBefore(decision.get())).ifPresent(validity ->
                out.add(messages.about(ValidationCodes.PENALTY_VALIDITY_BEFORE_DECISION, "CF_YXQ", columnByField,
                        validity, decision.get())));
        FieldValues.date(data, "CF_GSJZQ").filter(end -> end.isBefore(decision.get())).ifPresent(end ->
                out.add(messages.about(ValidationCodes.PENALTY_PUBLICITY_END_BEFORE_DECISION, "CF_GSJZQ", columnByField,
                        end, decision.get())));
    }

    private void checkAmounts(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
        List<String> categories = FieldValues.textItems(data, "CF_CFLB");
        Optional<BigDecimal> fine = FieldValues.decimal(data, "CF_NR_FK");
        Optional<BigDecimal> confiscated = FieldValues.decimal(data, "CF_NR_WFFF");
        boolean hasFine = fine.filter(amount -> amount.signum() > 0).isPresent();

        if (hasFine && !categories.contains(FINE)) {
            out.add(messages.about(ValidationCodes.PENALTY_FINE_WITHOUT_CATEGORY, "CF_CFLB", columnByField,
                    fine.get().toPlainString()));
        }
        // A text amount is a type fault the schema has already reported.
        // A negative amount is a fault of its own, reported by the schema's minimum.
        boolean fineAbsentOrZero = !data.has("CF_NR_FK") || fine.filter(amount -> amount.signum() == 0).isPresent();
        if (categories.contains(FINE) && fineAbsentOrZero) {
            out.add(messages.about(ValidationCodes.PENALTY_FINE_AMOUNT_MISSING, "CF_NR_FK", columnByField));
        }
        boolean hasConfiscation = confiscated.filter(amount -> amount.signum() > 0).isPresent();
        if (hasConfiscation && categories.stream().noneMatch(CONFISCATIONS::contains)) {
            out.add(messages.about(ValidationCodes.PENALTY_CONFISCATION_WITHOUT_CATEGORY, "CF_CFLB", columnByField,
                    confiscated.get().toPlainString()));
        }
    }
}
