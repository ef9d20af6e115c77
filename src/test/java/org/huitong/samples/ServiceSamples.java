package org.huitong.samples;

import static org.huitong.samples.SampleRow.ExpectedViolation.of;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.samples.SampleRow.Note;

/**
 * Sample JSON Lines file of a home-care provider platform ({@code care-services}, record type
 * {@code elder.service}): one delivered service per line, for elders of the registry samples.
 */
final class ServiceSamples {

    static final String CONNECTOR = "care-services";
    static final String RECORD_TYPE = "elder.service";
    static final String PROVIDER_USCC = SyntheticIds.uscc("52", "620102", "MJ000101");

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final List<String> CATEGORIES = List.of("助餐", "助洁", "助浴", "助医", "巡访关爱", "康复护理");

    List<SampleFile> files() {
        List<SampleRow> rows = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            rows.add(row(n));
        }
        return List.of(new SampleFile(CONNECTOR, "services-2024-06.jsonl", RECORD_TYPE, SampleFile.Format.JSON_LINES,
                StandardCharsets.UTF_8, false, List.of(), rows));
    }

    private SampleRow row(int n) {
        ObjectNode order = order(n);
        String key = PROVIDER_USCC + "|" + order.get("orderNumber").asText();
        return switch (n) {
            case 2 -> line(SampleRow.trap(new Note("times without a UTC offset, read as Asia/Shanghai",
                            "时间未带时区，按北京时间读取"), key, null),
                    order.put("startTime", "2024-06-03 09:00:00").put("endTime", "2024-06-03 10:30:00"));
            case 3 -> line(SampleRow.faulty(new Note("unknown service category 助聊", "服务类别“助聊”不存在"),
                    List.of(of("SCHEMA_ENUM", "category")), null), order.put("category", "助聊"));
            case 4 -> line(SampleRow.faulty(new Note("service ends before it starts", "服务结束时间早于开始时间"),
                            List.of(of("ELDER_SERVICE_END_BEFORE_START", "endTime")), null),
                    order.put("endTime", start(n).minusHours(2).toString()));
            case 5 -> SampleRow.faulty(new Note("malformed JSON: the closing brace is missing", "JSON 格式错误：缺少右花括号"),
                    malformedLineViolations(), null).asJsonLine(unclosed(order));
            case 6 -> line(SampleRow.trap(new Note("elder's citizen ID ends in a lower-case x", "老人身份证号码末位为小写 x"),
                            PROVIDER_USCC + "|" + order.get("orderNumber").asText(), null),
                    order.put("elderCitizenId", lowerCaseXElder().replace('X', 'x')));
            case 7 -> line(SampleRow.faulty(new Note("subsidy 80.00 exceeds the fee 35.00", "补贴 80.00 元超过服务费用 35.00 元"),
                            List.of(of("ELDER_SERVICE_SUBSIDY_EXCEEDS_FEE", "subsidy")), null),
                    order.put("subsidy", new BigDecimal("80.00")));
            case 8 -> line(SampleRow.trap(new Note("fee sent as the string \"35.00\"", "服务费用以字符串“35.00”发送"), key, null),
                    order.put("fee", "35.00"));
            case 9 -> line(SampleRow.faulty(new Note("elder's citizen ID with a wrong check character", "老人身份证号码校验位错误"),
                            List.of(of("FORMAT_CITIZEN_ID_CHECK_CHARACTER", "elderCitizenId")), null),
                    order.put("elderCitizenId", SyntheticParties.withWrongCitizenIdCheck(elder(n))));
            case 10 -> {
                order.remove("startTime");
                yield line(SampleRow.faulty(new Note("start time missing", "缺少服务开始时间"),
                        List.of(of("SCHEMA_REQUIRED", "startTime")), null), order);
            }
            default -> line(SampleRow.valid(key, null), order);
        };
    }

    /** Builds a 90-minute service order. {@code n} picks the day, the elder and the category. */
    private static ObjectNode order(int n) {
        ObjectNode order = NODES.objectNode();
        order.put("providerUscc", PROVIDER_USCC);
        order.put("orderNumber", String.format("GD-202406-%04d", n));
        order.put("elderCitizenId", elder(n));
        order.put("category", CATEGORIES.get(n % CATEGORIES.size()));
        order.put("startTime", start(n).toString());
        order.put("endTime", start(n).plusMinutes(90).toString());
        order.put("fee", new BigDecimal("35.00"));
        order.put("subsidy", new BigDecimal("20.00"));
        return order;
    }

    private static OffsetDateTime start(int n) {
        return LocalDateTime.of(2024, 6, 1, 9, 0).plusDays(n).plusHours(n % 3 * 2L).atOffset(BEIJING);
    }

    /** Returns the citizen ID of an elder of the registry samples, from 城关区 and 七里河区 in turn. */
    private static String elder(int n) {
        return n % 2 == 0 ? ElderSamples.citizenId(ElderSamples.CHENGGUAN, 110 + n % 8)
                : ElderSamples.citizenId(ElderSamples.QILIHE, 14 + n % 6);
    }

    private static String lowerCaseXElder() {
        return SyntheticParties.citizenIdEndingInX(ElderSamples.QILIHE, ElderSamples.birthDate(2), 101);
    }

    /** Only the reader's fault: a line that is no JSON object is not mapped or validated. */
    private static List<SampleRow.ExpectedViolation> malformedLineViolations() {
        return List.of(of("READ_JSON_MALFORMED", null));
    }

    private static String unclosed(ObjectNode order) {
        String json = order.toString();
        return json.substring(0, json.length() - 1);
    }

    private static SampleRow line(SampleRow row, ObjectNode order) {
        return row.asJsonLine(order.toString());
    }
}
