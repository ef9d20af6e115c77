package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.pipeline.validate.ValidationFixtures.elderPerson;
import static org.huitong.pipeline.validate.ValidationFixtures.elderService;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huitong.identifiers.Gender;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.pipeline.Violation;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;

class ElderValidationTest {

    private static final RecordTypeSpec PERSON = ValidationFixtures.REGISTRY.spec("elder.person", "1");
    private static final RecordTypeSpec SERVICE = ValidationFixtures.REGISTRY.spec("elder.service", "1");
    private static final RecordTypeSpec INSTITUTION = ValidationFixtures.REGISTRY.spec("elder.institution", "1");
    private static final LocalDate BIRTH = LocalDate.of(1942, 7, 8);
    private static final String FEMALE_ID = SyntheticIds.citizenId(BIRTH, Gender.FEMALE);

    private final RecordValidator validator = ValidationFixtures.validator();

    @Test
    void genderAndBirthDateFilledIn() {
        ObjectNode data = elderPerson(FEMALE_ID);

        List<Violation> violations = validator.validate(PERSON, data, Map.of());

        assertThat(violations).isEmpty();
        assertThat(data.get("gender").asText()).isEqualTo("female");
        assertThat(data.get("birthDate").asText()).isEqualTo("1942-07-08");
    }

    @Test
    void matchingGenderAccepted() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("gender", "female");
        data.put("birthDate", "1942-07-08");

        assertThat(validator.validate(PERSON, data, Map.of())).isEmpty();
    }

    @Test
    void genderMismatchRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("gender", "male");

        List<Violation> violations = validator.validate(PERSON, data, Map.of("gender", "性别"));

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.ELDER_GENDER_MISMATCH);
        assertThat(violations.get(0).sourceColumn()).isEqualTo("性别");
        assertThat(data.get("gender").asText()).isEqualTo("male");
    }

    @Test
    void birthDateMismatchRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("birthDate", "1942-07-09");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_BIRTH_DATE_MISMATCH);
    }

    @Test
    void invalidIdDerivesNothing() {
        ObjectNode data = elderPerson(FEMALE_ID.substring(0, 17) + "x");

        List<Violation> violations = validator.validate(PERSON, data, Map.of());

        assertThat(violations).extracting(Violation::code).contains("FORMAT_CITIZEN_ID_LOWER_CASE_X");
        assertThat(data.has("gender")).isFalse();
    }

    @Test
    void firstGenerationIdNamed() {
        ObjectNode data = elderPerson("620102420708122");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly("FORMAT_CITIZEN_ID_FIRST_GENERATION");
    }

    @Test
    void statisticalDivisionRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("divisionCode", "620171");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly("FORMAT_DIVISION_CODE_STATISTICAL");
    }

    @Test
    void unknownDivisionRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("divisionCode", "620199");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly("FORMAT_DIVISION_CODE_UNKNOWN");
    }

    @Test
    void phoneFormatsAccepted() {
        for (String phone : List.of("13812345678", "0931-8123456", "09318123456", "8123456", "+86 13812345678",
                "0931-8123456-123")) {
            ObjectNode data = elderPerson(FEMALE_ID);
            data.put("phone", phone);

            assertThat(validator.validate(PERSON, data, Map.of())).as(phone).isEmpty();
        }
    }

    @Test
    void badPhoneRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("phone", "12345");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.FORMAT_PHONE);
    }

    @Test
    void abilityLevelNeedsStandard() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("abilityLevel", 2);

        List<Violation> violations = validator.validate(PERSON, data, Map.of());

        assertThat(violations).extracting(Violation::code).containsOnly(ValidationCodes.SCHEMA_DEPENDENT_REQUIRED);
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("abilityStandard", "assessmentDate");
    }

    @Test
    void oldStandardCapsLevelAtThree() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("abilityLevel", 4);
        data.put("abilityStandard", "MZ/T 039-2013");
        data.put("assessmentDate", "2020-01-01");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_MAXIMUM);
    }

    @Test
    void currentStandardAllowsLevelFour() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("abilityLevel", 4);
        data.put("abilityStandard", "GB/T 42195-2022");
        data.put("assessmentDate", "2024-01-01");

        assertThat(validator.validate(PERSON, data, Map.of())).isEmpty();
    }

    @Test
    void futureAssessmentRejected() {
        ObjectNode data = elderPerson(FEMALE_ID);
        data.put("abilityLevel", 1);
        data.put("abilityStandard", "GB/T 42195-2022");
        data.put("assessmentDate", "2025-06-02");

        assertThat(validator.validate(PERSON, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_ASSESSMENT_DATE_FUTURE);
    }

    @Test
    void validServicePasses() {
        assertThat(validator.validate(SERVICE, elderService(), Map.of())).isEmpty();
    }

    @Test
    void serviceEndBeforeStartRejected() {
        ObjectNode data = elderService();
        data.put("endTime", "2025-05-01T11:00:00+08:00");

        assertThat(validator.validate(SERVICE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_SERVICE_END_BEFORE_START);
    }

    @Test
    void serviceEndComparedAsInstant() {
        ObjectNode data = elderService();
        data.put("endTime", "2025-05-01T04:00:00Z");

        assertThat(validator.validate(SERVICE, data, Map.of())).isEmpty();
    }

    @Test
    void serviceTimeWithoutOffsetRejected() {
        ObjectNode data = elderService();
        data.put("startTime", "2025-05-01T11:30:00");

        assertThat(validator.validate(SERVICE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.FORMAT_DATE_TIME);
    }

    @Test
    void subsidyAboveFeeRejected() {
        ObjectNode data = elderService();
        data.put("subsidy", new BigDecimal("15.01"));

        assertThat(validator.validate(SERVICE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.ELDER_SERVICE_SUBSIDY_EXCEEDS_FEE);
    }

    @Test
    void feeWithThirdDecimalRejected() {
        ObjectNode data = elderService();
        data.put("fee", new BigDecimal("15.005"));

        assertThat(validator.validate(SERVICE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_DECIMAL_PLACES);
    }

    @Test
    void unknownServiceCategoryRejected() {
        ObjectNode data = elderService();
        data.put("category", "理发");

        assertThat(validator.validate(SERVICE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_ENUM);
    }

    @Test
    void institutionBedsNotNegative() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("uscc", ValidationFixtures.ENTERPRISE_USCC);
        data.put("name", "兰州示例养老院");
        data.put("kind", "养老机构");
        data.put("divisionCode", "620102");
        data.put("beds", -1);
        data.put("grade", "三级");

        assertThat(validator.validate(INSTITUTION, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.SCHEMA_MINIMUM);
    }
}
