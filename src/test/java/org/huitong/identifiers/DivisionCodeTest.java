package org.huitong.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"620000", "620100", "620102", "620103", "620104", "620105", "620111",
            "620121", "620122", "620123"})
    void lanzhouDivisionsKnown(String code) {
        assertThat(DivisionCode.problem(code)).isEmpty();
    }

    @Test
    void everyProvinceKnown() {
        String[] provinces = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
                "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
                "61", "62", "63", "64", "65", "71", "81", "82"};

        for (String province : provinces) {
            assertThat(DivisionCode.problem(province + "0000")).as(province).isEmpty();
        }
    }

    @Test
    void nameExposed() {
        assertThat(DivisionCode.parse("620102").name()).isEqualTo("城关区");
    }

    @Test
    void lanzhouNewAreaIsStatistical() {
        assertThat(DivisionCode.problem("620171")).contains(IdentifierProblem.DIVISION_CODE_STATISTICAL);
    }

    @Test
    void unlistedCodeUnknown() {
        assertThat(DivisionCode.problem("620199")).contains(IdentifierProblem.DIVISION_CODE_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"62010", "6201021", "620102001001", "62O102"})
    void malformedCodeRejected(String code) {
        assertThat(DivisionCode.problem(code)).contains(IdentifierProblem.DIVISION_CODE_FORMAT);
    }

    @Test
    void customTableUsed() throws Exception {
        String csv = "code,name,kind\n# comment\n999999,测试区,division\n";

        DivisionCodeTable table = DivisionCodeTable.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.size()).isEqualTo(1);
        assertThat(DivisionCode.problem("999999", table)).isEmpty();
        assertThat(DivisionCode.problem("620102", table)).contains(IdentifierProblem.DIVISION_CODE_UNKNOWN);
    }

    @Test
    void badTableKindRejected() {
        String csv = "code,name,kind\n620102,城关区,district\n";

        assertThatThrownBy(() -> DivisionCodeTable.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("district");
    }
}
