package org.huitong.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    /** Public legal-entity codes that pass both the mod-31 and the embedded GB 11714 check. */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "9144030071526726XG",
            "91440300708461136T", "91330100799655058B", "91110108551385082Q", "91310000MA1K35Y38P",
            "91310110666007217T", "12440300MB2C92173E"})
    void publicCodesPassBothChecks(String code) {
        Uscc uscc = Uscc.parse(code);

        assertThat(uscc.value()).isEqualTo(code);
        assertThat(uscc.organisationCodeValid()).isTrue();
        assertThat(uscc.warnings()).isEmpty();
    }

    @Test
    void mutatedCheckCharacterFails() {
        assertThat(Uscc.problem("91350100M000100Y44")).contains(IdentifierProblem.USCC_CHECK_CHARACTER);
    }

    @Test
    void mutatedBodyCharacterFailsCheck() {
        assertThat(Uscc.problem("91350100M000200Y43")).contains(IdentifierProblem.USCC_CHECK_CHARACTER);
    }

    @Test
    void everySingleCharacterChangeFails() {
        String code = "914403001922038216";
        for (int position = 0; position < 18; position++) {
            for (char replacement : Uscc.ALPHABET.toCharArray()) {
                if (replacement == code.charAt(position)) {
                    continue;
                }
                String mutated = code.substring(0, position) + replacement + code.substring(position + 1);

                assertThat(Uscc.problem(mutated)).as("mutated at position %d to %s", position + 1, replacement)
                        .isPresent();
            }
        }
    }

    @Test
    void checkValueThirtyOneWrapsToZero() {
        // A body whose weighted sum is a multiple of 31 must get check character 0, not index 31.
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
    }

    @Test
    void placeholderReportedSpecifically() {
        assertThat(Uscc.problem(Uscc.PLACEHOLDER)).contains(IdentifierProblem.USCC_PLACEHOLDER);
    }

    @Test
    void oldRegistrationNumberReportedSpecifically() {
        assertThat(Uscc.problem("620102000012345")).contains(IdentifierProblem.USCC_OLD_REGISTRATION_NUMBER);
    }

    @Test
    void wrongLengthReported() {
        assertThat(Uscc.problem("91350100M000100Y4")).contains(IdentifierProblem.USCC_LENGTH);
    }

    @Test
    void nullReportedAsLength() {
        assertThat(Uscc.problem(null)).contains(IdentifierProblem.USCC_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43",
            "91350100V000100Y43", "91350100Z000100Y43", "91350100m000100Y43"})
    void lettersOutsideAlphabetRejected(String code) {
        assertThat(Uscc.problem(code)).contains(IdentifierProblem.USCC_CHARACTER);
    }

    @Test
    void letterInDivisionCodeRejected() {
        assertThat(Uscc.problem("9135A100M000100Y43")).contains(IdentifierProblem.USCC_DIVISION_DIGITS);
    }

    @Test
    void unknownRegistrationTypeRejected() {
        String code = withCheckCharacter("94350100M000100Y4");

        assertThat(Uscc.problem(code)).contains(IdentifierProblem.USCC_REGISTRATION_TYPE);
    }

    @Test
    void embeddedOrganisationCheckIsOnlyWarning() {
        String code = withCheckCharacter("91350100M000100Y5");

        Uscc uscc = Uscc.parse(code);

        assertThat(uscc.organisationCodeValid()).isFalse();
        assertThat(uscc.warnings()).containsExactly(IdentifierProblem.USCC_ORGANISATION_CODE_CHECK);
    }

    @Test
    void parseThrowsWithProblem() {
        assertThatThrownBy(() -> Uscc.parse(Uscc.PLACEHOLDER))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(IdentifierProblem.USCC_PLACEHOLDER));
    }

    @Test
    void partsExposed() {
        Uscc uscc = Uscc.parse("91350100M000100Y43");

        assertThat(uscc.divisionCode()).isEqualTo("350100");
        assertThat(uscc.organisationCode()).isEqualTo("M000100Y4");
    }

    @Test
    void syntheticCodesAreValid() {
        for (int serial = 0; serial < 200; serial++) {
            Uscc uscc = Uscc.parse(SyntheticIds.uscc(serial));

            assertThat(uscc.organisationCodeValid()).as("serial %d", serial).isTrue();
        }
    }

    private static String withCheckCharacter(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }
}
