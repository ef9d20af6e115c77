package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.read.FileRejectedException;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.read.SourceValue;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordMapperTest {

    private static final RecordTypeSpec SPEC = new RecordTypeSpec("credit.test", "1", "urn:test", List.of(
            field("XK_XDR_MC", "行政相对人名称", "XK_XDR_MC", List.of(), "string", null, Map.of()),
            field("XK_XDR_LB", "行政相对人类别", "XK_XDR_LB", List.of(), "string", null, Map.of("法人", "法人及非法人组织")),
            field("XK_XDR_SHXYM", "统一社会信用代码", "XK_XDR_SHXYM", List.of(), "string", "uscc", Map.of()),
            field("XK_XDR_ZJHM", "证件号码", "XK_XDR_ZJHM", List.of("身份证号"), "string", "citizen-id", Map.of()),
            field("XK_XDR_ZZJG", "组织机构代码", null, List.of(), "string", "organization-code", Map.of()),
            field("XK_JDRQ", "许可决定日期", "XK_JDRQ", List.of(), "string", "date", Map.of()),
            field("SJC", "时间戳", "SJC", List.of(), "string", "date-time", Map.of()),
            field("CF_NR_FK", "罚款金额（万元）", "CF_NR_FK", List.of(), "number", null, Map.of()),
            field("SL", "数量", null, List.of(), "integer", null, Map.of()),
            field("SFGS", "是否公示", null, List.of(), "boolean", null, Map.of()),
            field("CF_CFLB", "处罚类别", "CF_CFLB", List.of(), "array", null,
                    Map.of("没收违法所得、没收非法财物", "没收违法所得", "警告处分", "警告")),
            field("LXDH", "联系电话", null, List.of("电话"), "string", null, Map.of()),
            field("BZ", "备注", "BZ", List.of(), "string", null, Map.of())), List.of("XK_XDR_MC"));

    private static FieldSpec field(String name, String title, String code, List<String> aliases, String type,
                                   String format, Map<String, String> legacy) {
        return new FieldSpec(name, title, code, aliases, type, format, false, "open", null, legacy);
    }

    private final RecordMapper mapper = new RecordMapper(SPEC);

    private MappedRecord mapOne(String column, SourceValue value) {
        HeaderBinding binding = mapper.bind(List.of(column));
        Map<String, SourceValue> values = new LinkedHashMap<>();
        values.put(column, value);
        return mapper.map(new SourceRecord(1, 2, 2, values, List.of()), binding);
    }

    private JsonNode mapText(String column, String text) {
        MappedRecord mapped = mapOne(column, new SourceValue.Text(text));
        assertThat(mapped.violations()).isEmpty();
        return mapped.data().get(SPEC.fields().stream()
                .filter(f -> f.title().equals(column)).findFirst().orElseThrow().name());
    }

    private Violation violationOf(String column, SourceValue value) {
        MappedRecord mapped = mapOne(column, value);
        assertThat(mapped.violations()).hasSize(1);
        return mapped.violations().get(0);
    }

    private static SourceValue.Number spreadsheetNumber(String value, String displayed) {
        return new SourceValue.Number(new BigDecimal(value), displayed, true);
    }

    @Test
    void bindsByTitleCodeNameAndAlias() {
        HeaderBinding binding = mapper.bind(List.of("行政相对人名称", "xk_xdr_shxym", "SL", "身份证号", "经办人"));

        assertThat(binding.fieldByColumn()).containsEntry("行政相对人名称", "XK_XDR_MC");
        assertThat(binding.fieldByColumn()).containsEntry("xk_xdr_shxym", "XK_XDR_SHXYM");
        assertThat(binding.fieldByColumn()).containsEntry("SL", "SL");
        assertThat(binding.fieldByColumn()).containsEntry("身份证号", "XK_XDR_ZJHM");
        assertThat(binding.unmappedColumns()).containsExactly("经办人");
        assertThat(binding.isUsable()).isTrue();
    }

    @Test
    void explicitMappingWinsOverAutomaticMatch() {
        RecordMapper explicit = new RecordMapper(SPEC, Map.of("单位名称", "XK_XDR_MC"));

        HeaderBinding binding = explicit.bind(List.of("单位名称", "行政相对人名称"));

        assertThat(binding.fieldByColumn()).containsExactly(Map.entry("单位名称", "XK_XDR_MC"));
        assertThat(binding.unmappedColumns()).containsExactly("行政相对人名称");
    }

    @Test
    void twoColumnsClaimingOneFieldIsError() {
        HeaderBinding binding = mapper.bind(List.of("联系电话", "电话"));

        assertThat(binding.isUsable()).isFalse();
        assertThat(binding.violations().get(0).code()).isEqualTo("MAP_COLUMN_CONFLICT");
        assertThat(binding.violations().get(0).field()).isEqualTo("LXDH");
        assertThat(binding.violations().get(0).message().zh()).contains("联系电话, 电话");
        assertThat(binding.fieldByColumn()).isEmpty();
        assertThatThrownBy(binding::requireUsable).isInstanceOf(FileRejectedException.class);
    }

    @Test
    void headerMatchingTwoFieldsIsAmbiguous() {
        RecordTypeSpec spec = new RecordTypeSpec("t", "1", "urn:t", List.of(
                field("A", "名称", null, List.of(), "string", null, Map.of()),
                field("B", "单位", null, List.of("名称"), "string", null, Map.of())), List.of());

        HeaderBinding binding = new RecordMapper(spec).bind(List.of("名称"));

        assertThat(binding.violations().get(0).code()).isEqualTo("MAP_HEADER_AMBIGUOUS");
        assertThat(binding.violations().get(0).sourceColumn()).isEqualTo("名称");
    }

    @Test
    void explicitMappingToUnknownFieldFailsFast() {
        assertThatThrownBy(() -> new RecordMapper(SPEC, Map.of("名称", "NO_SUCH_FIELD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_FIELD");
    }

    @Test
    void normalizesTextAndCodes() {
        assertThat(mapText("统一社会信用代码", "\u3000９１３５０１００ｍ０００１００ｙ４３\u00A0").asText())
                .isEqualTo("91350100M000100Y43");
        assertThat(mapText("行政相对人名称", " 𠮷野家（兰州）有限公司 ").asText()).isEqualTo("𠮷野家(兰州)有限公司");
        assertThat(mapText("备注", "${jndi:ldap://127.0.0.1/a}").asText()).isEqualTo("${jndi:ldap://127.0.0.1/a}");
    }

    @Test
    void normalizesCitizenIds() {
        assertThat(mapText("证件号码", "62010219900101109x").asText()).isEqualTo("62010219900101109X");
        assertThat(mapText("证件号码", "620102900101123").asText()).isEqualTo("620102199001011233");
    }

    @Test
    void ideographicSpaceOnlyValueIsAbsent() {
        MappedRecord mapped = mapOne("行政相对人名称", new SourceValue.Text("\u3000\u3000"));

        assertThat(mapped.data().has("XK_XDR_MC")).isFalse();
        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.columnByField()).containsEntry("XK_XDR_MC", "行政相对人名称");
    }

    @Test
    void mapsLegacyValues() {
        assertThat(mapText("行政相对人类别", "法人").asText()).isEqualTo("法人及非法人组织");
    }

    @Test
    void amountsStayExact() {
        JsonNode grouped = mapText("罚款金额（万元）", "1,234.50");
        JsonNode fullWidth = mapText("罚款金额（万元）", "０．３０");

        assertThat(grouped.isBigDecimal()).isTrue();
        assertThat(grouped.decimalValue()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(fullWidth.decimalValue()).isEqualTo(new BigDecimal("0.30"));
        assertThat(fullWidth.decimalValue().add(new BigDecimal("0.1"))).isEqualTo(new BigDecimal("0.40"));
    }

    @Test
    void jsonNumberStaysExact() {
        MappedRecord mapped = mapOne("罚款金额（万元）", new SourceValue.Number(new BigDecimal("0.1"), "0.1", false));

        assertThat(mapped.data().get("CF_NR_FK").decimalValue()).isEqualTo(new BigDecimal("0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"12元", "1.2.3", "'1,23'", "abc", "1e5", "'${jndi:x}'"})
    void rejectsTextThatIsNotNumber(String text) {
        Violation violation = violationOf("罚款金额（万元）", new SourceValue.Text(text));

        assertThat(violation.code()).isEqualTo("MAP_NOT_A_NUMBER");
        assertThat(violation.field()).isEqualTo("CF_NR_FK");
        assertThat(violation.sourceColumn()).isEqualTo("罚款金额（万元）");
        assertThat(violation.message().zh()).contains("“" + text + "”");
        assertThat(violation.message().en()).contains("\"" + text + "\"");
    }

    @Test
    void integersMustBeWhole() {
        assertThat(mapText("数量", "12").asLong()).isEqualTo(12);
        assertThat(violationOf("数量", new SourceValue.Text("1.5")).code()).isEqualTo("MAP_NOT_AN_INTEGER");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"是,true", "否,false", "Y,true", "n,false", "TRUE,true", "false,false", "1,true", "0,false"})
    void parsesBooleans(String text, boolean expected) {
        assertThat(mapText("是否公示", text).asBoolean()).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownBoolean() {
        assertThat(violationOf("是否公示", new SourceValue.Text("可能")).code()).isEqualTo("MAP_NOT_A_BOOLEAN");
    }

    @Test
    void splitsArraysAndMapsLegacyItems() {
        JsonNode categories = mapText("处罚类别", "警告；罚款、没收违法所得、没收非法财物 | 警告处分,");

        assertThat(categories.size()).isEqualTo(4);
        assertThat(categories.get(0).asText()).isEqualTo("警告");
        assertThat(categories.get(1).asText()).isEqualTo("罚款");
        assertThat(categories.get(2).asText()).isEqualTo("没收违法所得");
        assertThat(categories.get(3).asText()).isEqualTo("警告");
    }

    @Test
    void mapsJsonItemsToArray() {
        SourceValue items = new SourceValue.Items(List.of(new SourceValue.Text("警告处分"), new SourceValue.Text("罚款")));

        JsonNode categories = mapOne("处罚类别", items).data().get("CF_CFLB");

        assertThat(categories.get(0).asText()).isEqualTo("警告");
        assertThat(categories.get(1).asText()).isEqualTo("罚款");
    }

    @Test
    void severalItemsInSingleValuedFieldIsError() {
        SourceValue items = new SourceValue.Items(List.of(new SourceValue.Text("a"), new SourceValue.Text("b")));

        assertThat(violationOf("备注", items).code()).isEqualTo("MAP_MULTIPLE_VALUES");
    }

    @Test
    void mapsDatesAndDateTimes() {
        assertThat(mapText("许可决定日期", "2024年3月5日").asText()).isEqualTo("2024-03-05");
        assertThat(mapText("时间戳", "2024/3/5 10:15").asText()).isEqualTo("2024-03-05T10:15:00+08:00");
    }

    @Test
    void usesDateCellDirectly() {
        SourceValue cell = new SourceValue.DateTime(LocalDateTime.of(2024, 3, 5, 0, 0), false);

        assertThat(mapOne("许可决定日期", cell).data().get("XK_JDRQ").asText()).isEqualTo("2024-03-05");
    }

    @Test
    void convertsSpreadsheetSerialInDateField() {
        MappedRecord mapped = mapOne("许可决定日期", spreadsheetNumber("45356", "45356"));

        assertThat(mapped.data().get("XK_JDRQ").asText()).isEqualTo("2024-03-05");
    }

    @Test
    void impossibleDateNamesFieldAndColumn() {
        Violation violation = violationOf("许可决定日期", new SourceValue.Text("2024-02-30"));

        assertThat(violation.code()).isEqualTo("MAP_DATE_IMPOSSIBLE");
        assertThat(violation.field()).isEqualTo("XK_JDRQ");
        assertThat(violation.message().zh()).contains("许可决定日期").contains("2024-02-30");
    }

    @Test
    void bareNumberTextInDateFieldIsRejected() {
        assertThat(violationOf("许可决定日期", new SourceValue.Text("45356")).code()).isEqualTo("MAP_DATE_BARE_NUMBER");
    }

    @Test
    void exponentNotationMeansPrecisionLost() {
        Violation violation = violationOf("证件号码", spreadsheetNumber("620102199001011000", "6.20102E+17"));

        assertThat(violation.code()).isEqualTo("MAP_SPREADSHEET_PRECISION_LOST");
        assertThat(violation.message().en()).contains("6.20102E+17").contains("Format the column as text");
    }

    @Test
    void moreThanFifteenDigitsMeansPrecisionLost() {
        Violation violation = violationOf("备注", spreadsheetNumber("620102199001011000", "620102199001011000"));

        assertThat(violation.code()).isEqualTo("MAP_SPREADSHEET_PRECISION_LOST");
    }

    @Test
    void lostLeadingZerosMeansPrecisionLost() {
        Violation violation = violationOf("组织机构代码", spreadsheetNumber("1001001", "1001001"));

        assertThat(violation.code()).isEqualTo("MAP_SPREADSHEET_PRECISION_LOST");
    }

    @Test
    void displayedLeadingZerosAreKept() {
        MappedRecord mapped = mapOne("组织机构代码", spreadsheetNumber("10010010", "010010010"));

        assertThat(mapped.data().get("XK_XDR_ZZJG").asText()).isEqualTo("010010010");
    }

    @Test
    void safeWholeNumberBecomesPlainDigits() {
        MappedRecord mapped = mapOne("联系电话", spreadsheetNumber("13800138000", "13800138000"));

        assertThat(mapped.data().get("LXDH").asText()).isEqualTo("13800138000");
    }

    @Test
    void fifteenDigitNumericIdIsUpgraded() {
        MappedRecord mapped = mapOne("证件号码", spreadsheetNumber("620102900101123", "620102900101123"));

        assertThat(mapped.data().get("XK_XDR_ZJHM").asText()).isEqualTo("620102199001011233");
    }

    @Test
    void faultyFieldDoesNotStopOthers() {
        HeaderBinding binding = mapper.bind(List.of("行政相对人名称", "罚款金额（万元）"));
        Map<String, SourceValue> values = new LinkedHashMap<>();
        values.put("行政相对人名称", new SourceValue.Text("甲公司"));
        values.put("罚款金额（万元）", new SourceValue.Text("两万"));

        MappedRecord mapped = mapper.map(new SourceRecord(1, 2, 2, values, List.of()), binding);

        assertThat(mapped.data().get("XK_XDR_MC").asText()).isEqualTo("甲公司");
        assertThat(mapped.violations()).extracting(Violation::code).containsExactly("MAP_NOT_A_NUMBER");
    }
}
