package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.huitong.credit.LicenseRules;
import org.huitong.credit.PenaltyRules;
import org.huitong.eldercare.ElderPersonRules;
import org.huitong.eldercare.ElderServiceRules;
import org.huitong.pipeline.Violation;
import org.huitong.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class ValidationWiringTest {

    @Test
    void springBuildsValidatorWithRules() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("test", Map.of("huitong.schemas.dir", "schemas")));
            context.register(SchemaRegistry.class, RecordValidator.class, LicenseRules.class, PenaltyRules.class,
                    ElderPersonRules.class, ElderServiceRules.class);
            context.refresh();

            SchemaRegistry registry = context.getBean(SchemaRegistry.class);
            RecordValidator validator = context.getBean(RecordValidator.class);
            var data = ValidationFixtures.legalPersonLicense();
            data.put("XK_JDRQ", "2999-01-01");

            assertThat(registry.all()).hasSize(6);
            assertThat(validator.validate(registry.spec("credit.license", "1"), data, Map.of()))
                    .extracting(Violation::code).contains(ValidationCodes.CREDIT_DECISION_DATE_FUTURE);
        }
    }
}
