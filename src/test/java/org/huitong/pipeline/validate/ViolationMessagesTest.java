package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.huitong.pipeline.Violation;
import org.junit.jupiter.api.Test;

class ViolationMessagesTest {

    private final ViolationMessages messages = ViolationMessages.standard();

    @Test
    void everyCodeRendersInBothLanguages() {
        assertThat(ValidationCodes.all()).hasSizeGreaterThan(40);
        for (String code : ValidationCodes.all()) {
            Violation violation = messages.create(code, "field", "列名", "列名", "A", "B", "C");

            assertThat(violation.message().zh()).as("zh of %s", code).isNotBlank().doesNotContain("{");
            assertThat(violation.message().en()).as("en of %s", code).isNotBlank().doesNotContain("{");
            assertThat(violation.message().zh()).as("zh differs from en for %s", code)
                    .isNotEqualTo(violation.message().en());
        }
    }

    @Test
    void bundlesHaveSameKeys() throws IOException {
        Properties zh = load("i18n/validation_zh.properties");
        Properties en = load("i18n/validation_en.properties");

        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    @Test
    void apostropheRendersOnce() {
        Violation violation = messages.create(ValidationCodes.SCHEMA_UNKNOWN_FIELD, "f", null, "X");

        assertThat(violation.message().en()).contains("record type's shared standard");
    }

    @Test
    void numbersInsertedUnformatted() {
        Violation violation = messages.create(ValidationCodes.SCHEMA_DECIMAL_PLACES, "f", null, "X", "12345678.1234567", "6");

        assertThat(violation.message().en()).contains("12345678.1234567");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ViolationMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
