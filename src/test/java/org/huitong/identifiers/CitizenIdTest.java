package org.huitong.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CitizenIdTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String MALE_1950 = SyntheticIds.citizenId("620102", LocalDate.of(1950, 3, 5), 123);

    @Test
    void syntheticIdParses() {
        CitizenId id = CitizenId.parse(MALE_1950, TODAY);

        assertThat(id.value()).isEqualTo(MALE_1950);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1950, 3, 5));
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(id.areaCode()).isEqualTo("620102");
    }

    @Test
    void evenSequenceIsFemale() {
        String female = SyntheticIds.citizenId("620103", LocalDate.of(1948, 12, 31), 124);

        assertThat(CitizenId.parse(female, TODAY).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void knownCheckCharacterComputed() {
        // A widely published sample number whose check character is X.
        assertThat(CitizenId.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void mutatedDigitFailsCheck() {
        char last = MALE_1950.charAt(17);
        char other = last == '1' ? '2' : '1';

        assertThat(CitizenId.problem(MALE_1950.substring(0, 17) + other, TODAY))
                .contains(IdentifierProblem.CITIZEN_ID_CHECK_CHARACTER);
    }

    @Test
    void lowerCaseXReportedAndNormalized() {
        String upper = "11010519491231002X";
        String lower = "11010519491231002x";

        assertThat(CitizenId.problem(lower, TODAY)).contains(IdentifierProblem.CITIZEN_ID_LOWER_CASE_X);
        assertThat(CitizenId.normalize(lower).value()).isEqualTo(upper);
    }

    @Test
    void fifteenDigitReportedAndUpgraded() {
        String eighteen = SyntheticIds.citizenId("620102", LocalDate.of(1950, 3, 5), 123);
        String fifteen = "620102" + "500305" + "123";

        assertThat(CitizenId.problem(fifteen, TODAY)).contains(IdentifierProblem.CITIZEN_ID_FIRST_GENERATION);
        assertThat(CitizenId.normalize(fifteen).value()).isEqualTo(eighteen);
    }

    @Test
    void normalizeTrimsSpaces() {
        assertThat(CitizenId.normalize(" " + MALE_1950 + " ").value()).isEqualTo(MALE_1950);
    }

    @Test
    void februaryThirtiethRejected() {
        String first17 = "620102" + "19500230" + "123";

        assertThat(CitizenId.problem(first17 + CitizenId.checkCharacter(first17), TODAY))
                .contains(IdentifierProblem.CITIZEN_ID_BIRTH_DATE);
    }

    @Test
    void futureBirthDateRejected() {
        String future = SyntheticIds.citizenId("620102", TODAY.plusDays(1), 123);

        assertThat(CitizenId.problem(future, TODAY)).contains(IdentifierProblem.CITIZEN_ID_BIRTH_DATE_FUTURE);
    }

    @Test
    void birthTodayAccepted() {
        String bornToday = SyntheticIds.citizenId("620102", TODAY, 123);

        assertThat(CitizenId.problem(bornToday, TODAY)).isEmpty();
    }

    @Test
    void provinceNinetyNineRejected() {
        String unknown = SyntheticIds.citizenId("990102", LocalDate.of(1950, 3, 5), 123);

        assertThat(CitizenId.problem(unknown, TODAY)).contains(IdentifierProblem.CITIZEN_ID_PROVINCE);
    }

    @Test
    void lettersRejected() {
        assertThat(CitizenId.problem("6201A2195003051231", TODAY)).contains(IdentifierProblem.CITIZEN_ID_CHARACTER);
    }

    @Test
    void wrongLengthRejected() {
        assertThat(CitizenId.problem("6201021950030512", TODAY)).contains(IdentifierProblem.CITIZEN_ID_LENGTH);
    }

    @Test
    void parseThrowsWithProblem() {
        assertThatThrownBy(() -> CitizenId.parse("11010519491231002x", TODAY))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(IdentifierProblem.CITIZEN_ID_LOWER_CASE_X));
    }

    @Test
    void exceptionMessageOmitsNumber() {
        assertThatThrownBy(() -> CitizenId.parse("11010519491231002x", TODAY))
                .message().doesNotContain("110105");
    }

    @Test
    void toStringMasksMiddle() {
        assertThat(CitizenId.parse(MALE_1950, TODAY).toString()).isEqualTo("620102********" + MALE_1950.substring(14));
    }
}
