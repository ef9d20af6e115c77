package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldMasksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FieldMasks masks = new FieldMasks();

    private String mask(String kind, String value) {
        return masks.forKind(kind).mask(TextNode.valueOf(value)).textValue();
    }

    @ParameterizedTest
    @CsvSource({
            "张三丰, 张**",
            "张三, 张*",
            "张, *",
            "欧阳娜娜, 欧***",
            "阿不都·热合曼, 阿******",
            "'', ''"})
    void nameKeepsFirstCharacter(String name, String expected) {
        assertThat(mask("name", name)).isEqualTo(expected);
    }

    @Test
    void nameCountsSupplementaryCharacters() {
        // 𠮷 (U+20BB7) is one code point but two UTF-16 chars.
        assertThat(mask("name", "𠮷野家")).isEqualTo("𠮷**");
        assertThat(mask("name", "王𠮷")).isEqualTo("王*");
        assertThat(mask("name", "𠮷")).isEqualTo("*");
    }

    @ParameterizedTest
    @CsvSource({
            "62010219500304123X, 620102********123X",
            "620102500304123, 620102*****4123",
            "AB12345678, **********",
            "'', ''"})
    void citizenIdKeepsDivisionAndLastFour(String id, String expected) {
        assertThat(mask("citizen-id", id)).isEqualTo(expected);
    }

    @Test
    void citizenIdOf18HasEightStars() {
        String masked = mask("citizen-id", "620102195003041236");

        assertThat(masked).hasSize(18);
        assertThat(masked.chars().filter(c -> c == '*').count()).isEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource({
            "13812345678, 138****5678",
            "0931-8123456, ********3456",
            "8123456, ***3456",
            "1381234567, ******4567",
            "+8613812345678, **********5678",
            "1234, ****",
            "'', ''"})
    void phoneMasksMobileAndOtherNumbers(String phone, String expected) {
        assertThat(mask("phone", phone)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "甘肃省兰州市城关区张掖路街道1号, 甘肃省兰州市城关区****",
            "兰州市七里河区西津西路16号, 兰州市七里河区****",
            "甘肃省榆中县城关镇栖云北路2号, 甘肃省榆中县****",
            "内蒙古自治区阿拉善盟阿拉善左旗巴彦浩特镇, 内蒙古自治区阿拉善盟阿拉善左旗****",
            "新疆维吾尔自治区乌鲁木齐市天山区解放北路, 新疆维吾尔自治区乌鲁木齐市天山区****",
            "甘肃省玉门市玉门镇建设路8号, 甘肃省玉门市****",
            "张掖路街道滨河东路123号, 张掖路街道滨****",
            "兰州市, 兰****",
            "白银路3号, 白银****",
            "'', ''"})
    void addressKeepsCountyLevel(String address, String expected) {
        assertThat(mask("address", address)).isEqualTo(expected);
    }

    @Test
    void addressWithoutMarkerCountsCodePoints() {
        assertThat(mask("address", "𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷")).isEqualTo("𠮷𠮷𠮷𠮷𠮷𠮷****");
    }

    @ParameterizedTest
    @CsvSource({
            "1950-03-04, 1950-**-**",
            "19500304, 1950-**-**",
            "03/04/1950, ***",
            "195, ***",
            "'', ''"})
    void birthDateKeepsYear(String date, String expected) {
        assertThat(mask("birth-date", date)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"male, *", "female, *", "'', *"})
    void genderIsStarred(String gender, String expected) {
        assertThat(mask("gender", gender)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "6222021234567890123, 6222***********0123",
            "62220212, ********"})
    void bankCardKeepsFirstAndLastFour(String card, String expected) {
        assertThat(mask("bank-card", card)).isEqualTo(expected);
    }

    @Test
    void locationRoundsToTwoDecimals() throws Exception {
        FieldMask location = masks.forKind("location");

        assertThat(location.mask(JSON.readTree("36.061089")).decimalValue()).isEqualTo(new BigDecimal("36.06"));
        assertThat(location.mask(JSON.readTree("103.835")).decimalValue()).isEqualTo(new BigDecimal("103.84"));
        assertThat(location.mask(JSON.readTree("-0.005")).decimalValue()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(location.mask(JSON.readTree("36")).decimalValue()).isEqualTo(new BigDecimal("36.00"));
        assertThat(location.mask(TextNode.valueOf("36.061089")).decimalValue()).isEqualTo(new BigDecimal("36.06"));
        assertThat(location.mask(TextNode.valueOf("north")).textValue()).isEqualTo("***");
    }

    @Test
    void nullStaysNull() {
        for (String kind : new String[] {"name", "citizen-id", "phone", "address", "birth-date", "gender",
                "location", "bank-card", "unheard-of"}) {
            assertThat(masks.forKind(kind).mask(NullNode.getInstance())).as(kind).isEqualTo(NullNode.getInstance());
            assertThat(masks.forKind(kind).mask(null)).as(kind).isNull();
        }
    }

    @Test
    void arrayElementsMaskedEach() throws Exception {
        JsonNode masked = masks.forKind("phone").mask(JSON.readTree("[\"13812345678\", null, \"0931-8123456\"]"));

        assertThat(masked.toString()).isEqualTo("[\"138****5678\",null,\"********3456\"]");
    }

    @Test
    void numberInTextFieldMaskedAsText() throws Exception {
        assertThat(masks.forKind("phone").mask(JSON.readTree("13812345678")).textValue()).isEqualTo("138****5678");
    }

    @Test
    void objectValueReplacedWhole() throws Exception {
        assertThat(masks.forKind("name").mask(JSON.readTree("{\"given\": \"三\"}")).textValue()).isEqualTo("***");
    }

    @Test
    void unknownKindReplacesWholeValue() throws Exception {
        assertThat(FieldMasks.isKnown("passport")).isFalse();
        assertThat(mask("passport", "E12345678")).isEqualTo("***");
        assertThat(masks.forKind("passport").mask(JSON.readTree("42")).textValue()).isEqualTo("***");
        assertThat(masks.forKind("passport").mask(JSON.readTree("[\"a\", \"b\"]")).toString())
                .isEqualTo("[\"***\",\"***\"]");
    }

    @Test
    void inputNotChanged() throws Exception {
        JsonNode phones = JSON.readTree("[\"13812345678\"]");

        masks.forKind("phone").mask(phones);

        assertThat(phones.toString()).isEqualTo("[\"13812345678\"]");
    }
}
