package org.huitong.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Record versions and a decimal-exact JSON reader for exchange tests. */
final class TestRecords {

    /** Reads JSON numbers with a fraction as BigDecimal and keeps trailing zeros. */
    static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private TestRecords() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) EXACT_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Creates a license version whose data has Chinese text, exact decimals and a division code. */
    static OutboundRecord license(String licenseNumber, int version) {
        ObjectNode data = json("""
                {"XK_WSH": "%s", "XK_XDR_MC": "兰州示例商贸有限公司",
                 "registeredCapital": 12345678901234567.8900, "feeRate": 0.00000010,
                 "divisionCode": "620102", "validFrom": "2024-03-01"}
                """.formatted(licenseNumber));
        return new OutboundRecord("credit.license", "https://schemas.huitong.example/credit/license/1.0.json",
                licenseNumber, version, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                data, "SCJGJ", "scjg-xk-csv", 42L, "许可_2024-03.csv", 12, 13);
    }
}
