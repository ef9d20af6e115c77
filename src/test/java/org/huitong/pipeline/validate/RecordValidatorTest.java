package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.pipeline.validate.ValidationFixtures.legalPersonLicense;
import static org.huitong.pipeline.validate.ValidationFixtures.naturalPersonLicense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.huitong.identifiers.Uscc;
import org.huitong.pipeline.Violation;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

    private static final RecordTypeSpec LICENSE = ValidationFixtures.REGISTRY.spec("credit.license", "1");
    private final RecordValidator validator = ValidationFixtures.validator();

    @Test
    void validLegalPersonLicensePasses() {
        assertThat(validator.validate(LICENSE, legalPersonLicense(), Map.of())).isEmpty();
    }

    @Test
    void validNaturalPersonLicensePasses() {
        assertThat(validator.validate(LICENSE, naturalPersonLicense(), Map.of())).isEmpty();
    }

    @Test
    void legalPersonNeedsUscc() {
        ObjectNode data = legalPersonLicense();
        data.remove("XK_XDR_SHXYM");

        List<Violation> violations = validator.validate(LICENSE, data, Map.of());

        assertThat(violations).extracting(Violation::code, Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ValidationCodes.SCHEMA_REQUIRED, "XK_XDR_SHXYM"));
    }

    @Test
    void individualBusinessNeedsUscc() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XDR_LB", "个体工商户");
        data.remove("XK_XDR_SHXYM");

        assertThat(validator.validate(LICENSE, data, Map.of())).extracting(Violation::field).containsExactly("XK_XDR_SHXYM");
    }

    @Test
    void naturalPersonNeedsIdDocument() {
        ObjectNode data = naturalPersonLicense();
        data.remove(List.of("XK_XDR_ZJLX", "XK_XDR_ZJHM"));

        List<Violation> violations = validator.validate(LICENSE, data, Map.of());

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("XK_XDR_ZJLX", "XK_XDR_ZJHM");
        assertThat(violations).extracting(Violation::code).containsOnly(ValidationCodes.SCHEMA_REQUIRED);
    }

    @Test
    void naturalPersonCitizenIdChecked() {
        ObjectNode data = naturalPersonLicense();
        String id = data.get("XK_XDR_ZJHM").asText();
        data.put("XK_XDR_ZJHM", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));

        List<Violation> violations = validator.validate(LICENSE, data, Map.of("XK_XDR_ZJHM", "证件号码"));

        assertThat(violations).extracting(Violation::code).containsExactly("FORMAT_CITIZEN_ID_CHECK_CHARACTER");
        assertThat(violations.get(0).sourceColumn()).isEqualTo("证件号码");
        assertThat(violations.get(0).message().zh()).doesNotContain(id.substring(0, 17));
    }

    @Test
    void passportNumberNotCheckedAsCitizenId() {
        ObjectNode data = naturalPersonLicense();
        data.put("XK_XDR_ZJLX", "02");
        data.put("XK_XDR_ZJHM", "E12345678");

        assertThat(validator.validate(LICENSE, data, Map.of())).isEmpty();
    }

    @Test
    void wrongUsccCheckCharacterNamed() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XKJGDM", "91350100M000100Y44");

        List<Violation> violations = validator.validate(LICENSE, data, Map.of("XK_XKJGDM", "许可机关统一社会信用代码"));

        assertThat(violations).hasSize(1);
        Violation violation = violations.get(0);
        assertThat(violation.code()).isEqualTo("FORMAT_USCC_CHECK_CHARACTER");
        assertThat(violation.field()).isEqualTo("XK_XKJGDM");
        assertThat(violation.sourceColumn()).isEqualTo("许可机关统一社会信用代码");
        assertThat(violation.message().zh()).contains("许可机关统一社会信用代码").contains("校验位");
        assertThat(violation.message().en()).contains("check character");
        assertThat(violation.message().zh()).doesNotContain("Y43");
    }

    @Test
    void usccPlaceholderNamed() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_LYDWDM", Uscc.PLACEHOLDER);

        assertThat(validator.validate(LICENSE, data, Map.of())).extracting(Violation::code)
                .containsExactly("FORMAT_USCC_PLACEHOLDER");
    }

    @Test
    void oldRegistrationNumberNamed() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XDR_SHXYM", "620102000012345");

        assertThat(validator.validate(LICENSE, data, Map.of())).extracting(Violation::code)
                .containsExactly("FORMAT_USCC_OLD_REGISTRATION_NUMBER");
    }

    @Test
    void impossibleDateRejected() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_YXQZ", "2025-02-30");

        assertThat(validator.validate(LICENSE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.FORMAT_DATE);
    }

    @Test
    void missingFieldNamedByTitle() {
        ObjectNode data = legalPersonLicense();
        data.remove("XK_WSH");

        Violation violation = validator.validate(LICENSE, data, Map.of()).get(0);

        assertThat(violation.message().zh()).contains("行政许可决定文书号 (XK_WSH)");
    }

    @Test
    void expressionTextLiteralInMessages() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XKLB", "${jndi:ldap://127.0.0.1/x}#{1+1}");

        Violation violation = validator.validate(LICENSE, data, Map.of("XK_XKLB", "许可类别")).get(0);

        assertThat(violation.code()).isEqualTo(ValidationCodes.SCHEMA_ENUM);
        assertThat(violation.message().zh()).contains("${jndi:ldap://127.0.0.1/x}#{1+1}");
        assertThat(violation.message().en()).contains("${jndi:ldap://127.0.0.1/x}#{1+1}");
    }

    @Test
    void expressionColumnNameLiteral() {
        ObjectNode data = legalPersonLicense();
        data.remove("XK_NR");

        Violation violation = validator.validate(LICENSE, data, Map.of("XK_NR", "${user.home}")).get(0);

        assertThat(violation.message().zh()).contains("“${user.home}”");
    }

    @Test
    void lengthCountsCodePoints() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XDR_MC", "𠮷".repeat(200));

        assertThat(validator.validate(LICENSE, data, Map.of())).isEmpty();
    }

    @Test
    void lengthOverLimitReported() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_XDR_MC", "𠮷".repeat(201));

        List<Violation> violations = validator.validate(LICENSE, data, Map.of());

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.SCHEMA_MAX_LENGTH);
        assertThat(violations.get(0).message().zh()).contains("最多 200 个字，现有 201 个字");
    }

    @Test
    void unknownFieldRejected() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_EXTRA", "x");

        List<Violation> violations = validator.validate(LICENSE, data, Map.of("XK_EXTRA", "附加列"));

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.SCHEMA_UNKNOWN_FIELD);
        assertThat(violations.get(0).sourceColumn()).isEqualTo("附加列");
    }

    @Test
    void wrongTypeNamed() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_ZT", 1);

        Violation violation = validator.validate(LICENSE, data, Map.of()).get(0);

        assertThat(violation.code()).isEqualTo(ValidationCodes.SCHEMA_TYPE);
        assertThat(violation.message().zh()).contains("应为文本");
        assertThat(violation.message().en()).contains("must be text");
    }

    @Test
    void personalValueHiddenInMessage() {
        ObjectNode data = naturalPersonLicense();
        data.put("XK_XDR_ZJLX", "02");
        data.put("XK_XDR_ZJHM", "张三的护照号码");

        Violation violation = validator.validate(LICENSE, data, Map.of()).get(0);

        assertThat(violation.code()).isEqualTo(ValidationCodes.SCHEMA_PATTERN);
        assertThat(violation.message().zh()).doesNotContain("张三").contains("已隐去");
    }

    @Test
    void futureDecisionDateRejected() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_JDRQ", ValidationFixtures.TODAY.plusDays(1).toString());

        assertThat(validator.validate(LICENSE, data, Map.of())).extracting(Violation::code)
                .containsExactly(ValidationCodes.CREDIT_DECISION_DATE_FUTURE);
    }

    @Test
    void decisionTodayAccepted() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_JDRQ", ValidationFixtures.TODAY.toString());

        assertThat(validator.validate(LICENSE, data, Map.of())).isEmpty();
    }

    @Test
    void validToBeforeValidFromRejected() {
        ObjectNode data = legalPersonLicense();
        data.put("XK_YXQZI", "2025-03-04");

        List<Violation> violations = validator.validate(LICENSE, data, Map.of("XK_YXQZI", "有效期至"));

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.LICENSE_VALID_TO_BEFORE_VALID_FROM);
        assertThat(violations.get(0).message().zh()).contains("有效期至").contains("2025-03-04").contains("2025-03-05");
    }

    @Test
    void unknownRecordTypeFailsClosed() {
        RecordTypeSpec unknown = new RecordTypeSpec("credit.unknown", "1", "urn:huitong:schema:credit.unknown:1",
                List.of(), List.of());

        List<Violation> violations = validator.validate(unknown, legalPersonLicense(), Map.of());

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.VALIDATION_UNAVAILABLE);
    }

    @Test
    void failingRuleFailsClosed() {
        RecordRules broken = new RecordRules() {
            @Override
            public String recordType() {
                return "credit.license";
            }

            @Override
            public void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out) {
                throw new IllegalStateException("rule failed");
            }
        };
        RecordValidator withBrokenRule = new RecordValidator(ValidationFixtures.REGISTRY, List.of(broken),
                ViolationMessages.standard());

        List<Violation> violations = withBrokenRule.validate(LICENSE, legalPersonLicense(), Map.of());

        assertThat(violations).extracting(Violation::code).containsExactly(ValidationCodes.VALIDATION_UNAVAILABLE);
    }
}
