package org.huitong.samples;

import static org.huitong.samples.SampleRow.ExpectedViolation.of;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.samples.SampleRow.Note;

/**
 * Sample 行政处罚 files of 兰州市城关区市场监督管理局 ({@code samr-penalty}, record type
 * {@code credit.penalty}): a GB18030 CSV and an XLSX for 2024. Fines are in 万元, so 0.2 is
 * ¥2,000, and a cell may hold several penalty categories separated by {@code ；}.
 */
final class PenaltySamples {

    static final String CONNECTOR = "samr-penalty";
    static final String RECORD_TYPE = "credit.penalty";

    /** The Chinese column names of the national penalty format, as a department's export shows them. */
    static final List<String> HEADERS = List.of("行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人",
            "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
            "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期",
            "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位",
            "数据来源单位统一社会信用代码", "备注");

    private static final String FINE = "罚款金额（万元）";
    private static final String CONFISCATED = "没收违法所得、没收非法财物的金额（万元）";

    private final SyntheticParties parties = new SyntheticParties(2024_0202L);

    List<SampleFile> files() {
        return List.of(csv(), xlsx());
    }

    private SampleFile csv() {
        List<SampleRow> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 15);
        for (int n = 1; n <= 18; n++) {
            rows.add(csvRow(n, day.plusDays(9L * n)));
        }
        return new SampleFile(CONNECTOR, "penalties-2024.csv", RECORD_TYPE, SampleFile.Format.CSV,
                Charset.forName("GB18030"), false, HEADERS, rows);
    }

    private SampleRow csvRow(int n, LocalDate decision) {
        RowValues row = warning(n, decision);
        String key = key(row);
        return switch (n) {
            case 2 -> SampleRow.trap(new Note("categories 警告；罚款 in one cell, fine 0.2 (万元, so ¥2,000)",
                            "一个单元格内两个处罚类别“警告；罚款”，罚款 0.2 万元即 2000 元"), key,
                    fined(row, "警告；罚款", "0.2").cells());
            case 3 -> SampleRow.faulty(new Note("negative fine -0.5", "罚款金额为负数 -0.5"),
                    List.of(of("SCHEMA_MINIMUM", "CF_NR_FK")),
                    fined(row, "罚款", "-0.5").cells());
            case 4, 15 -> SampleRow.valid(key, fined(row, "罚款", "1.5").cells());
            case 5 -> SampleRow.faulty(new Note("category 罚款 without a fine amount", "处罚类别含罚款但未填罚款金额"),
                    List.of(of("PENALTY_FINE_AMOUNT_MISSING", "CF_NR_FK")),
                    fined(row, "罚款", null).cells());
            case 6 -> SampleRow.trap(new Note("legacy category 吊销营业执照, mapped to 吊销许可证件",
                            "旧处罚类别“吊销营业执照”，映射为“吊销许可证件”"), key,
                    row.set("处罚类别", "吊销营业执照")
                            .set("处罚内容", "吊销营业执照")
                            .set("暂扣或吊销证照名称及编号", "营业执照 " + row.get("统一社会信用代码")).cells());
            case 7 -> SampleRow.faulty(new Note("fine 0.5 but the categories lack 罚款", "填了罚款金额 0.5，但处罚类别中没有罚款"),
                    List.of(of("PENALTY_FINE_WITHOUT_CATEGORY", "CF_CFLB")),
                    row.set(FINE, "0.5").cells());
            case 9 -> SampleRow.faulty(new Note("natural person whose citizen ID has a wrong check character",
                            "自然人身份证号码校验位错误"),
                    List.of(of("FORMAT_CITIZEN_ID_CHECK_CHARACTER", "CF_XDR_ZJHM")),
                    naturalPerson(n, decision, SyntheticParties.withWrongCitizenIdCheck(citizenId(n))).cells());
            case 10 -> SampleRow.valid(key, naturalPerson(n, decision, citizenId(n)).cells());
            case 11 -> SampleRow.faulty(new Note("fine 0.1234567 has more than 6 decimal places (万元)",
                            "罚款金额 0.1234567 超过 6 位小数（万元）"),
                    List.of(of("SCHEMA_DECIMAL_PLACES", "CF_NR_FK")),
                    fined(row, "罚款", "0.1234567").cells());
            case 12 -> SampleRow.faulty(new Note("older category 没收违法所得、没收非法财物, which covers two current ones",
                            "旧处罚类别“没收违法所得、没收非法财物”对应两个现行类别"),
                    List.of(of("MAP_LEGACY_VALUE_AMBIGUOUS", "CF_CFLB")),
                    fined(row, "没收违法所得、没收非法财物；罚款", "1").set(CONFISCATED, "0.35").cells());
            case 13 -> SampleRow.faulty(new Note("publicity end (公示截止期) before the decision date",
                            "公示截止期早于处罚决定日期"),
                    List.of(of("PENALTY_PUBLICITY_END_BEFORE_DECISION", "CF_GSJZQ")),
                    row.set("公示截止期", decision.minusDays(10)).cells());
            case 14 -> SampleRow.trap(new Note("facts (违法事实) in quotes with a line break: one record on two lines",
                            "违法事实含换行（带引号）：一条记录占两行"), key,
                    row.set("违法事实", "经查，当事人销售的预包装食品超过保质期。\n现场查获超过保质期的食品 12 袋。").cells());
            default -> SampleRow.valid(key, row.cells());
        };
    }

    private SampleFile xlsx() {
        List<SampleRow> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 7, 2);
        for (int n = 101; n <= 116; n++) {
            rows.add(xlsxRow(n, day.plusDays(7L * (n - 100))));
        }
        return new SampleFile(CONNECTOR, "penalties-2024.xlsx", RECORD_TYPE, SampleFile.Format.XLSX,
                null, false, HEADERS, rows);
    }

    private SampleRow xlsxRow(int n, LocalDate decision) {
        RowValues row = warning(n, decision);
        String key = key(row);
        return switch (n) {
            case 101, 109, 114 -> SampleRow.valid(key, fined(row, "警告；罚款", new BigDecimal("0.2")).cells());
            case 103 -> SampleRow.faulty(new Note("penalty in effect (处罚有效期) ends before the decision date",
                            "处罚有效期早于处罚决定日期"),
                    List.of(of("PENALTY_VALIDITY_BEFORE_DECISION", "CF_YXQ")),
                    row.set("处罚有效期", decision.minusMonths(1)).cells());
            case 104 -> SampleRow.faulty(new Note("category 罚没 is not in the Administrative Penalty Law's list",
                            "处罚类别“罚没”不在《行政处罚法》所列类别中"),
                    List.of(of("SCHEMA_ENUM", "CF_CFLB")),
                    row.set("处罚类别", "罚没").cells());
            case 105 -> SampleRow.trap(new Note("categories separated by 、, fine 0.3 in a number cell",
                            "处罚类别用顿号分隔，罚款 0.3 为数字单元格"), key,
                    fined(row, "警告、罚款", new BigDecimal("0.3")).cells());
            case 106 -> SampleRow.faulty(new Note("fine typed as 2000元 (text with a unit)", "罚款金额写成“2000元”（带单位的文本）"),
                    List.of(of("MAP_NOT_A_NUMBER", "CF_NR_FK")),
                    fined(row, "罚款", "2000元").cells());
            case 108 -> SampleRow.faulty(new Note("decision date (处罚决定日期) missing", "缺少处罚决定日期"),
                    List.of(of("SCHEMA_REQUIRED", "CF_JDRQ")),
                    row.set("处罚决定日期", null).cells());
            case 110 -> SampleRow.faulty(new Note("citizen ID stored as a number: Excel shows 6.20105E+17",
                            "身份证号码被存成数字，Excel 显示为 6.20105E+17"),
                    List.of(of("MAP_SPREADSHEET_PRECISION_LOST", "CF_XDR_ZJHM")),
                    naturalPerson(n, decision, null).set("证件号码", Double.parseDouble(digitsOnlyCitizenId(n))).cells());
            case 111 -> SampleRow.trap(new Note("legacy category 暂扣许可证, mapped to 暂扣许可证件",
                            "旧处罚类别“暂扣许可证”，映射为“暂扣许可证件”"), key,
                    row.set("处罚类别", "暂扣许可证").set("处罚内容", "暂扣食品经营许可证三个月")
                            .set("暂扣或吊销证照名称及编号", String.format("食品经营许可证 JY26201020%06d", 5000 + n))
                            .cells());
            case 112 -> SampleRow.valid(key, naturalPerson(n, decision, citizenId(n)).cells());
            default -> SampleRow.valid(key, row.cells());
        };
    }

    /** Builds a warning (警告) to an enterprise for selling food past its shelf life. */
    private RowValues warning(int n, LocalDate decision) {
        RowValues row = new RowValues(HEADERS);
        return row.set("行政相对人名称", "兰州" + SyntheticParties.tradeName(n + 7) + "商贸有限公司")
                .set("行政相对人类别", "法人及非法人组织")
                .set("统一社会信用代码", SyntheticParties.enterpriseUscc(500 + n))
                .set("法定代表人", parties.personName())
                .set("行政处罚决定书文号", String.format("兰城市监罚〔2024〕%d号", n))
                .set("违法行为类型", "经营超过保质期的食品")
                .set("违法事实", "当事人经营超过保质期的预包装食品。")
                .set("处罚依据", "《中华人民共和国食品安全法》第一百二十四条第一款第（二）项")
                .set("处罚类别", "警告")
                .set("处罚内容", "警告")
                .set("处罚决定日期", decision)
                .set("处罚有效期", decision.plusYears(1))
                .set("公示截止期", decision.plusMonths(3))
                .set("处罚机关", SyntheticParties.CHENGGUAN_SAMR)
                .set("处罚机关统一社会信用代码", SyntheticParties.CHENGGUAN_SAMR_USCC)
                .set("数据来源单位", SyntheticParties.CHENGGUAN_SAMR)
                .set("数据来源单位统一社会信用代码", SyntheticParties.CHENGGUAN_SAMR_USCC);
    }

    /** Sets the categories and the fine in 万元: a String for CSV, a number for XLSX, or {@code null} for none. */
    private static RowValues fined(RowValues row, String categories, Object fine) {
        return row.set("处罚类别", categories)
                .set("处罚内容", fine == null ? "罚款" : "罚款人民币" + wanYuanAsYuan(fine) + "元")
                .set(FINE, fine);
    }

    private static String wanYuanAsYuan(Object fine) {
        try {
            return new BigDecimal(fine.toString()).movePointRight(4).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return fine.toString();
        }
    }

    /** Builds a warning to a natural person. A null ID number leaves the cell empty. */
    private RowValues naturalPerson(int n, LocalDate decision, String citizenId) {
        return warning(n, decision)
                .set("行政相对人名称", parties.personName())
                .set("行政相对人类别", "自然人")
                .set("统一社会信用代码", null)
                .set("法定代表人", null)
                .set("证件类型", "01")
                .set("证件号码", citizenId)
                .set("违法行为类型", "无证经营食品")
                .set("处罚依据", "《食品生产经营监督检查管理办法》");
    }

    private static String citizenId(int n) {
        return SyntheticIds.citizenId("620105", LocalDate.of(1972, 5, 9).plusDays(3L * n), n % 1000);
    }

    /** Returns a valid citizen ID with a digit as its check character, so that it can be stored as a number. */
    private static String digitsOnlyCitizenId(int n) {
        for (int sequence = n; ; sequence++) {
            String id = SyntheticIds.citizenId("620105", LocalDate.of(1968, 11, 20), sequence % 1000);
            if (!id.endsWith("X")) {
                return id;
            }
        }
    }

    private static String key(RowValues row) {
        return row.get("行政处罚决定书文号") + "|" + row.get("处罚机关统一社会信用代码");
    }
}
