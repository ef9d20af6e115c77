package org.huitong.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.MappedRecord;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.read.SourceValue;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;

/**
 * Identity document numbers of credit records, whose document type sits in another column: a
 * 15-digit first-generation citizen ID becomes 18 characters only when the type is a citizen ID
 * card (01), mapped with the shipped schemas and then validated.
 */
class DocumentNumberTest {

    private static final RecordTypeSpec LICENSE = ValidationFixtures.REGISTRY.spec("credit.license", "1");
    private static final RecordTypeSpec PENALTY = ValidationFixtures.REGISTRY.spec("credit.penalty", "1");
    private static final String CITIZEN_ID = SyntheticIds.citizenId("620102", LocalDate.of(1956, 3, 14), 27);
    private static final String FIRST_GENERATION = CITIZEN_ID.substring(0, 6) + CITIZEN_ID.substring(8, 17);

    private final RecordValidator validator = ValidationFixtures.validator();

    private static MappedRecord map(RecordTypeSpec spec, Map<String, String> columns) {
        RecordMapper mapper = new RecordMapper(spec);
        HeaderBinding binding = mapper.bind(List.copyOf(columns.keySet()));
        Map<String, SourceValue> values = new LinkedHashMap<>();
        columns.forEach((column, text) -> values.put(column, new SourceValue.Text(text)));
        return mapper.map(new SourceRecord(1, 2, 2, values, List.of()), binding);
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    @Test
    void citizenCardNumberUpgraded() {
        MappedRecord mapped = map(LICENSE, columns("证件类型", "01", "证件号码", FIRST_GENERATION));

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.data().get("XK_XDR_ZJHM").asText()).isEqualTo(CITIZEN_ID);
    }

    @Test
    void upgradedNumberPassesValidation() {
        ObjectNode licence = ValidationFixtures.naturalPersonLicense();
        MappedRecord mapped = map(LICENSE, columns("XK_XDR_ZJLX", "01", "XK_XDR_ZJHM", FIRST_GENERATION));
        licence.set("XK_XDR_ZJHM", mapped.data().get("XK_XDR_ZJHM"));

        assertThat(validator.validate(LICENSE, licence, Map.of())).isEmpty();
    }

    @Test
    void legalRepresentativeUpgraded() {
        MappedRecord mapped = map(PENALTY, columns("CF_FR_ZJLX", "01", "CF_FR_ZJHM", FIRST_GENERATION));

        assertThat(mapped.data().get("CF_FR_ZJHM").asText()).isEqualTo(CITIZEN_ID);
    }

    @Test
    void passportNumberKept() {
        MappedRecord mapped = map(LICENSE, columns("证件类型", "02", "证件号码", FIRST_GENERATION));

        assertThat(mapped.data().get("XK_XDR_ZJHM").asText()).isEqualTo(FIRST_GENERATION);
    }

    @Test
    void numberWithoutTypeKept() {
        MappedRecord mapped = map(LICENSE, columns("证件号码", FIRST_GENERATION));

        assertThat(mapped.data().get("XK_XDR_ZJHM").asText()).isEqualTo(FIRST_GENERATION);
    }

    @Test
    void firstGenerationRejectedWithoutUpgrade() {
        ObjectNode licence = ValidationFixtures.naturalPersonLicense();
        licence.put("XK_XDR_ZJHM", FIRST_GENERATION);

        assertThat(validator.validate(LICENSE, licence, Map.of())).extracting(v -> v.code())
                .containsExactly("FORMAT_CITIZEN_ID_FIRST_GENERATION");
    }
}
