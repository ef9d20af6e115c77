package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.pipeline.validate.ValidationFixtures.penalty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PenaltyValidationTest {

    private static final RecordTypeSpec PENALTY = ValidationFixtures.REGISTRY.spec("credit.penalty", "1");
    private final RecordValidator validator = ValidationFixtures.validator();

    @Test
    void validPenaltyPasses() {
        assertThat(validator.validate(PENALTY, penalty(), Map.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000001", "0.123456", "12345678.123456", "0.3", "100"})
    void exactAmountsAccepted(String amount) {
        ObjectNode data = penalty();
        data.put("CF_NR_FK", new BigDecimal(amount));

        assertThat(validator.validate(PENALTY, data, Map.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1234567", "12345678.1234561", "0.0000001"})
    void seventhDecimalRejected(String amount) {
        ObjectNode data = penalty();
        data.put("CF_NR_FK", new BigDecimal(amount));

        List<Violation> violations = validator.validate(PENALTY, data, Map.of("CF_NR_FK", "罚款金额（万元）"));

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.SCHEMA_DECIMAL_PLACES);
        assertThat(violations.get(0).message().zh()).contains(amount).contains("最多 6 位小数");
    }

    @Test
    void negativeAmountRejected() {
        ObjectNode data = penalty();
        data.put("CF_NR_WFFF", new BigDecimal("-0.5"));

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_MINIMUM);
    }

    @Test
    void textAmountRejected() {
        ObjectNode data = penalty();
        data.put("CF_NR_FK", "0.2");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_TYPE);
    }

    @Test
    void emptyCategoriesRejected() {
        ObjectNode data = penalty();
        data.putArray("CF_CFLB");
        data.remove("CF_NR_FK");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_MIN_ITEMS);
    }

    @Test
    void oldCategoryNameRejected() {
        ObjectNode data = penalty();
        data.putArray("CF_CFLB").add("罚款").add("暂扣或者吊销许可证、暂扣或者吊销执照");

        List<Violation> violations = validator.validate(PENALTY, data, Map.of());

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.SCHEMA_ENUM);
        assertThat(violations.get(0).field()).isEqualTo("CF_CFLB");
    }

    @Test
    void duplicateCategoryRejected() {
        ObjectNode data = penalty();
        data.putArray("CF_CFLB").add("罚款").add("罚款");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_DUPLICATE_ITEMS);
    }

    @Test
    void fineWithoutCategoryRejected() {
        ObjectNode data = penalty();
        data.putArray("CF_CFLB").add("警告");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.PENALTY_FINE_WITHOUT_CATEGORY);
    }

    @Test
    void fineCategoryWithoutAmountRejected() {
        ObjectNode data = penalty();
        data.remove("CF_NR_FK");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.PENALTY_FINE_AMOUNT_MISSING);
    }

    @Test
    void confiscationWithoutCategoryRejected() {
        ObjectNode data = penalty();
        data.put("CF_NR_WFFF", new BigDecimal("1.5"));

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.PENALTY_CONFISCATION_WITHOUT_CATEGORY);
    }

    @Test
    void confiscationWithCategoryAccepted() {
        ObjectNode data = penalty();
        data.put("CF_NR_WFFF", new BigDecimal("1.5"));
        data.withArray("CF_CFLB").add("没收非法财物");

        assertThat(validator.validate(PENALTY, data, Map.of())).isEmpty();
    }

    @Test
    void validityBeforeDecisionRejected() {
        ObjectNode data = penalty();
        data.put("CF_YXQ", "2025-04-09");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.PENALTY_VALIDITY_BEFORE_DECISION);
    }

    @Test
    void publicityEndBeforeDecisionRejected() {
        ObjectNode data = penalty();
        data.put("CF_GSJZQ", "2025-01-01");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.PENALTY_PUBLICITY_END_BEFORE_DECISION);
    }

    @Test
    void futureDecisionRejected() {
        ObjectNode data = penalty();
        data.put("CF_JDRQ", "2025-06-02");
        data.put("CF_YXQ", "2026-06-01");

        assertThat(validator.validate(PENALTY, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.CREDIT_DECISION_DATE_FUTURE);
    }
}
