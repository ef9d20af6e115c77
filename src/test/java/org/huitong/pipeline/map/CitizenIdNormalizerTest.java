package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenIdNormalizerTest {

    // Synthetic numbers; the check characters were computed by hand with ISO 7064 MOD 11-2.

    @Test
    void upperCasesCheckCharacter() {
        assertThat(CitizenIdNormalizer.normalize("62010219900101109x")).isEqualTo("62010219900101109X");
    }

    @Test
    void upgradesFifteenDigitNumber() {
        assertThat(CitizenIdNormalizer.normalize("620102900101123")).isEqualTo("620102199001011233");
        assertThat(CitizenIdNormalizer.normalize("620102850312004")).isEqualTo("620102198503120048");
    }

    @Test
    void leavesOtherValuesForValidation() {
        assertThat(CitizenIdNormalizer.normalize("12345")).isEqualTo("12345");
    }
}
