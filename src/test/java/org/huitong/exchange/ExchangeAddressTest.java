package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"credit.license", "elder.service", "credit.penalty_v2"})
    void prefixesValidRecordType(String recordType) {
        assertThat(new ExchangeAddress(recordType).name()).isEqualTo("exchange." + recordType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "credit.#", "credit.*", "Credit.License", "credit..license", ".credit",
            "credit license", "信用.许可"})
    void rejectsInvalidRecordType(String recordType) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ExchangeAddress(recordType))
                .withMessageContaining("'" + recordType + "'");
    }
}
