package org.huitong.samples;

import static org.huitong.samples.SampleRow.ExpectedViolation.of;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.samples.SampleRow.Note;

/**
 * Sample 行政许可 files of 兰州市市场监督管理局 ({@code samr-licensing}, record type
 * {@code credit.license}): a GB18030 CSV for the first quarter of 2024 and an XLSX for the second.
 */
final class LicenseSamples {

    static final String CONNECTOR = "samr-licensing";
    static final String RECORD_TYPE = "credit.license";

    /** The Chinese column names of the national licensing format, as a department's export shows them. */
    static final List<String> HEADERS = List.of("行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人",
            "证件类型", "证件号码", "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号",
            "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态",
            "数据来源单位", "数据来源单位统一社会信用代码", "备注");

    /** The valid-to date that departments use for a long-term licence. */
    private static final LocalDate LONG_TERM = LocalDate.of(2099, 12, 31);

    private final SyntheticParties parties = new SyntheticParties(2024_0101L);

    List<SampleFile> files() {
        return List.of(firstQuarterCsv(), secondQuarterXlsx());
    }

    private SampleFile firstQuarterCsv() {
        List<SampleRow> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 8);
        for (int n = 1; n <= 20; n++) {
            rows.add(firstQuarterRow(n, day.plusDays(4L * n)));
        }
        return new SampleFile(CONNECTOR, "licenses-2024q1.csv", RECORD_TYPE, SampleFile.Format.CSV,
                Charset.forName("GB18030"), false, HEADERS, rows);
    }

    private SampleRow firstQuarterRow(int n, LocalDate decision) {
        RowValues row = enterprise(n, decision);
        String key = key(row);
        return switch (n) {
            case 3 -> SampleRow.faulty(new Note("USCC of the licensee with a wrong check character",
                            "被许可人统一社会信用代码校验位错误"),
                    List.of(of("FORMAT_USCC_CHECK_CHARACTER", "XK_XDR_SHXYM")),
                    row.set("统一社会信用代码", SyntheticParties.withWrongUsccCheck(SyntheticParties.enterpriseUscc(n)))
                            .cells());
            case 4 -> SampleRow.trap(new Note("licence content in quotes with a line break: one record on two lines",
                            "许可内容含换行（带引号）：一条记录占两行"), key,
                    row.set("许可内容", "预包装食品（含冷藏冷冻食品）销售\n散装食品（含熟食）销售").cells());
            case 5 -> SampleRow.valid(key, individualBusiness(n, decision).cells());
            case 6 -> SampleRow.faulty(new Note("placeholder 00000000000000000X as the authority's USCC",
                            "许可机关统一社会信用代码为占位值 00000000000000000X"),
                    List.of(of("FORMAT_USCC_PLACEHOLDER", "XK_XKJGDM")),
                    row.set("许可机关统一社会信用代码", "00000000000000000X").cells());
            case 7 -> SampleRow.trap(new Note("full-width digits in the USCC and U+3000 around the name",
                            "统一社会信用代码为全角数字，名称前后有全角空格"), key,
                    row.set("统一社会信用代码", SyntheticParties.fullWidth(SyntheticParties.enterpriseUscc(n)))
                            .set("行政相对人名称", "\u3000" + row.get("行政相对人名称") + "\u3000").cells());
            case 8 -> naturalPersonWithLowerCaseX(n, decision);
            case 9 -> SampleRow.faulty(new Note("natural person (自然人) without an ID number",
                            "自然人缺少证件号码"),
                    List.of(of("SCHEMA_REQUIRED", "XK_XDR_ZJHM")),
                    naturalPerson(n, decision, null).cells());
            case 11 -> SampleRow.trap(new Note("decision date written " + chineseDate(decision),
                            "许可决定日期写作 " + chineseDate(decision)),
                    key, row.set("许可决定日期", chineseDate(decision)).cells());
            case 12 -> SampleRow.faulty(new Note("impossible decision date 2024-02-30", "许可决定日期 2024-02-30 不存在"),
                    List.of(of("MAP_DATE_IMPOSSIBLE", "XK_JDRQ")),
                    row.set("许可决定日期", "2024-02-30").cells());
            case 13 -> SampleRow.trap(new Note("dates written " + slashDate(decision),
                            "日期写作 " + slashDate(decision)), key,
                    row.set("许可决定日期", slashDate(decision)).set("有效期自", slashDate(decision)).cells());
            case 14 -> SampleRow.faulty(new Note("valid to (有效期至) before valid from (有效期自)",
                            "有效期至早于有效期自"),
                    List.of(of("LICENSE_VALID_TO_BEFORE_VALID_FROM", "XK_YXQZI")),
                    row.set("有效期至", decision.minusYears(1)).cells());
            case 15 -> SampleRow.trap(new Note("long-term licence, valid to 2099-12-31", "长期有效，有效期至 2099-12-31"),
                    key, row.set("有效期至", LONG_TERM).cells());
            case 16 -> SampleRow.faulty(new Note("an extra non-empty value beyond the last column",
                            "最后一列之后多出一个非空值"),
                    List.of(of("READ_EXTRA_VALUES", null)),
                    row.extra("", "补充说明").cells());
            case 17 -> SampleRow.trap(new Note("empty cells beyond the last column, as Excel saves them",
                            "最后一列之后有 Excel 留下的空单元格"), key,
                    row.extra("", "", "").cells());
            case 19 -> SampleRow.faulty(new Note("old 15-digit business registration number in the USCC column",
                            "统一社会信用代码列填了 15 位旧工商注册号"),
                    List.of(of("FORMAT_USCC_OLD_REGISTRATION_NUMBER", "XK_XDR_SHXYM")),
                    row.set("统一社会信用代码", String.format("620102%09d", 4100 + n)).cells());
            default -> SampleRow.valid(key, row.cells());
        };
    }

    private SampleFile secondQuarterXlsx() {
        List<SampleRow> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 4, 3);
        for (int n = 101; n <= 118; n++) {
            rows.add(secondQuarterRow(n, day.plusDays(5L * (n - 100))));
        }
        return new SampleFile(CONNECTOR, "licenses-2024q2.xlsx", RECORD_TYPE, SampleFile.Format.XLSX,
                null, false, HEADERS, rows);
    }

    private SampleRow secondQuarterRow(int n, LocalDate decision) {
        RowValues row = enterprise(n, decision);
        String key = key(row);
        return switch (n) {
            case 102 -> naturalPersonRow(naturalPerson(n, decision, citizenId(n)));
            case 103 -> SampleRow.faulty(new Note("USCC stored as a number: Excel shows 9.16201E+17",
                            "统一社会信用代码被存成数字，Excel 显示为 9.16201E+17"),
                    List.of(of("MAP_SPREADSHEET_PRECISION_LOST", "XK_XDR_SHXYM")),
                    row.set("统一社会信用代码", Double.parseDouble(SyntheticParties.digitsOnlyUscc(n * 1000))).cells());
            case 104 -> SampleRow.trap(new Note("decision date typed as text " + slashDate(decision) + " in a text cell",
                            "许可决定日期在文本单元格中写作 " + slashDate(decision)), key,
                    row.set("许可决定日期", slashDate(decision)).cells());
            case 106 -> SampleRow.faulty(new Note("licence category 审批 is not in the national list",
                            "许可类别“审批”不在国家标准取值中"),
                    List.of(of("SCHEMA_ENUM", "XK_XKLB")),
                    row.set("许可类别", "审批").cells());
            case 108 -> SampleRow.faulty(new Note("valid-from date pasted as the bare number 45420",
                            "有效期自被粘贴成数字 45420"),
                    List.of(of("MAP_DATE_BARE_NUMBER", "XK_YXQZ")),
                    row.set("有效期自", "45420").cells());
            case 110 -> SampleRow.faulty(new Note("licensee name is only an ideographic space (U+3000)",
                            "行政相对人名称只有一个全角空格"),
                    List.of(of("SCHEMA_REQUIRED", "XK_XDR_MC")),
                    row.set("行政相对人名称", "\u3000").cells());
            case 112 -> SampleRow.faulty(new Note("individual business (个体工商户) without its operator (法定代表人)",
                            "个体工商户缺少法定代表人（经营者）"),
                    List.of(of("SCHEMA_REQUIRED", "XK_FRDB")),
                    individualBusiness(n, decision).set("法定代表人", null).cells());
            case 114 -> SampleRow.valid(key, individualBusiness(n, decision).cells());
            case 116 -> SampleRow.trap(new Note("long-term licence, valid to 2099-12-31", "长期有效，有效期至 2099-12-31"),
                    key, row.set("有效期至", LONG_TERM).cells());
            default -> SampleRow.valid(key, row.cells());
        };
    }

    private static SampleRow naturalPersonRow(RowValues row) {
        return SampleRow.valid(key(row), row.cells());
    }

    private SampleRow naturalPersonWithLowerCaseX(int n, LocalDate decision) {
        String citizenId = SyntheticParties.citizenIdEndingInX("620103", LocalDate.of(1986, 4, 17), 31);
        RowValues row = naturalPerson(n, decision, citizenId.replace('X', 'x'));
        return SampleRow.trap(new Note("natural person whose ID number ends in a lower-case x",
                        "自然人证件号码末位为小写 x"), key(row), row.cells());
    }

    /** Builds a food business licence granted to an enterprise. {@code n} makes the parties and numbers distinct. */
    private RowValues enterprise(int n, LocalDate decision) {
        RowValues row = decision(n, decision);
        return row.set("行政相对人名称", "兰州" + SyntheticParties.tradeName(n) + "餐饮管理有限公司")
                .set("行政相对人类别", "法人及非法人组织")
                .set("统一社会信用代码", SyntheticParties.enterpriseUscc(n))
                .set("法定代表人", parties.personName());
    }

    private RowValues individualBusiness(int n, LocalDate decision) {
        RowValues row = decision(n, decision);
        return row.set("行政相对人名称", "城关区" + SyntheticParties.tradeName(n) + "小吃店")
                .set("行政相对人类别", "个体工商户")
                .set("统一社会信用代码", SyntheticParties.individualBusinessUscc(n))
                .set("法定代表人", parties.personName());
    }

    /** Builds a special-equipment operator certificate (认可) for a natural person. A null ID number leaves the cell empty. */
    private RowValues naturalPerson(int n, LocalDate decision, String citizenId) {
        RowValues row = decision(n, decision);
        return row.set("行政相对人名称", parties.personName())
                .set("行政相对人类别", "自然人")
                .set("证件类型", "身份证")
                .set("证件号码", citizenId)
                .set("行政许可决定文书名称", "特种设备作业人员资格认定决定书")
                .set("许可类别", "认可")
                .set("许可证书名称", "特种设备安全管理和作业人员证")
                .set("许可内容", "叉车司机（N1）")
                .set("有效期至", decision.plusYears(4).minusDays(1));
    }

    /** Builds the fields every decision has, here for a food business licence of the city bureau. */
    private static RowValues decision(int n, LocalDate decision) {
        RowValues row = new RowValues(HEADERS);
        return row.set("行政许可决定文书名称", "食品经营许可决定书")
                .set("行政许可决定文书号", String.format("兰市监食许〔2024〕%04d号", n))
                .set("许可类别", "普通")
                .set("许可证书名称", "食品经营许可证")
                .set("许可编号", String.format("JY26201020%06d", 3000 + n))
                .set("许可内容", "预包装食品销售，热食类食品制售")
                .set("许可决定日期", decision)
                .set("有效期自", decision)
                .set("有效期至", decision.plusYears(5).minusDays(1))
                .set("许可机关", SyntheticParties.CITY_SAMR)
                .set("许可机关统一社会信用代码", SyntheticParties.CITY_SAMR_USCC)
                .set("当前状态", "1")
                .set("数据来源单位", SyntheticParties.CITY_SAMR)
                .set("数据来源单位统一社会信用代码", SyntheticParties.CITY_SAMR_USCC);
    }

    private static String citizenId(int n) {
        return SyntheticIds.citizenId("620104", LocalDate.of(1979, 10, 2).plusDays(n), 2 * n % 1000 + 1);
    }

    /** Returns the business key the hub derives: document number and authority USCC. */
    private static String key(RowValues row) {
        return row.get("行政许可决定文书号") + "|" + row.get("许可机关统一社会信用代码");
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String slashDate(LocalDate date) {
        return date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
    }
}
