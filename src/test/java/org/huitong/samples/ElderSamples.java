package org.huitong.samples;

import static org.huitong.samples.SampleRow.ExpectedViolation.of;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.samples.SampleRow.Note;

/**
 * Sample elderly registries of 兰州市民政局 ({@code mca-elders}, record type
 * {@code elder.person}): an XLSX for 城关区 and a UTF-8 CSV with a byte-order mark for 七里河区.
 */
final class ElderSamples {

    static final String CONNECTOR = "mca-elders";
    static final String RECORD_TYPE = "elder.person";

    /** Column names as the civil affairs registry exports them; 身份证号 is an alias of citizenId. */
    static final List<String> HEADERS = List.of("姓名", "身份证号", "性别", "出生日期", "户籍行政区划代码", "居住地址",
            "能力等级", "评估标准", "评估日期", "居住情况", "特殊群体");

    static final String CHENGGUAN = "620102";
    static final String QILIHE = "620103";

    private static final String STANDARD = "GB/T 42195-2022";
    private static final List<String> LIVING = List.of("独居", "与配偶同住", "与子女同住", "仅与配偶同住", "入住养老机构");

    private final SyntheticParties parties = new SyntheticParties(2024_0303L);

    List<SampleFile> files() {
        return List.of(chengguanXlsx(), qiliheCsv());
    }

    /** Returns the citizen ID of elder {@code n} of a district, as the registry rows use it. */
    static String citizenId(String district, int n) {
        return SyntheticIds.citizenId(district, birthDate(n), 100 + n);
    }

    private SampleFile qiliheCsv() {
        List<SampleRow> rows = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            rows.add(qiliheRow(n));
        }
        return new SampleFile(CONNECTOR, "elders-qilihe.csv", RECORD_TYPE, SampleFile.Format.CSV,
                StandardCharsets.UTF_8, true, HEADERS, rows);
    }

    private SampleRow qiliheRow(int n) {
        String citizenId = citizenId(QILIHE, n);
        RowValues row = elder(QILIHE, n, citizenId);
        return switch (n) {
            case 2 -> lowerCaseX(n);
            case 3 -> firstGeneration(n);
            case 4 -> SampleRow.faulty(new Note("citizen ID with a wrong check character", "身份证号码校验位错误"),
                    List.of(of("FORMAT_CITIZEN_ID_CHECK_CHARACTER", "citizenId")),
                    row.set("身份证号", SyntheticParties.withWrongCitizenIdCheck(citizenId)).cells());
            case 5 -> SampleRow.faulty(new Note("gender contradicts the citizen ID", "性别与身份证号码不符"),
                    List.of(of("ELDER_GENDER_MISMATCH", "gender")),
                    row.set("性别", "男".equals(row.get("性别")) ? "女" : "男").cells());
            case 6 -> SampleRow.faulty(new Note("unknown division code 620199", "户籍行政区划代码 620199 不存在"),
                    List.of(of("FORMAT_DIVISION_CODE_UNKNOWN", "divisionCode")),
                    row.set("户籍行政区划代码", "620199").cells());
            case 7 -> SampleRow.trap(new Note("address in quotes with a line break: one record on two lines",
                            "居住地址含换行（带引号）：一条记录占两行"), citizenId,
                    row.set("居住地址", "七里河区安康路社区 7 号楼\n3 单元 502 室").cells());
            case 8 -> SampleRow.trap(new Note("full-width digits in the citizen ID and U+3000 around the name",
                            "身份证号码为全角数字，姓名前后有全角空格"), citizenId,
                    row.set("身份证号", SyntheticParties.fullWidth(citizenId))
                            .set("姓名", "\u3000" + row.get("姓名") + "\u3000").cells());
            case 9 -> SampleRow.trap(new Note("dates written " + LicenseSamples.slashDate(birthDate(n))
                            + " and 2024年3月5日", "日期写作 " + LicenseSamples.slashDate(birthDate(n)) + " 和 2024年3月5日"),
                    citizenId, row.set("出生日期", LicenseSamples.slashDate(birthDate(n)))
                            .set("评估日期", "2024年3月5日").cells());
            case 10 -> SampleRow.trap(new Note("ability level written as its name 中度失能 (level 2)",
                            "能力等级写作名称“中度失能”（2 级）"), citizenId,
                    row.set("能力等级", "中度失能").cells());
            case 11 -> SampleRow.faulty(new Note("level 4 under MZ/T 039-2013, which has levels 0 to 3",
                            "按 MZ/T 039-2013 评估却填 4 级（该标准只有 0–3 级）"),
                    List.of(of("SCHEMA_MAXIMUM", "abilityLevel")),
                    row.set("评估标准", "MZ/T 039-2013").set("能力等级", "4").cells());
            case 12 -> SampleRow.trap(new Note("name with 𠮷, a character outside the Basic Multilingual Plane",
                            "姓名含扩展 B 区汉字“𠮷”"), citizenId,
                    row.set("姓名", "𠮷秀英").cells());
            case 13 -> SampleRow.trap(new Note("two special groups 特困；高龄 in one cell", "一个单元格内两个特殊群体“特困；高龄”"),
                    citizenId, row.set("特殊群体", "特困；高龄").cells());
            default -> SampleRow.valid(citizenId, row.cells());
        };
    }

    /** Builds a valid row whose citizen ID ends in a lower-case x, which the mapper upper-cases. */
    private SampleRow lowerCaseX(int n) {
        String citizenId = SyntheticParties.citizenIdEndingInX(QILIHE, birthDate(n), 101);
        RowValues row = elder(QILIHE, n, citizenId).set("身份证号", citizenId.replace('X', 'x'))
                .set("性别", "男");
        return SampleRow.trap(new Note("citizen ID ending in a lower-case x", "身份证号码末位为小写 x"), citizenId, row.cells());
    }

    private SampleRow firstGeneration(int n) {
        String citizenId = SyntheticIds.citizenId(QILIHE, LocalDate.of(1941, 8, 23), 215);
        RowValues row = elder(QILIHE, n, citizenId)
                .set("身份证号", SyntheticParties.firstGeneration(citizenId))
                .set("性别", "男")
                .set("出生日期", LocalDate.of(1941, 8, 23));
        return SampleRow.trap(new Note("15-digit first-generation citizen ID, upgraded to 18 characters",
                "15 位一代身份证号码，升位为 18 位"), citizenId, row.cells());
    }

    private SampleFile chengguanXlsx() {
        List<SampleRow> rows = new ArrayList<>();
        for (int n = 101; n <= 118; n++) {
            rows.add(chengguanRow(n));
        }
        return new SampleFile(CONNECTOR, "elders-chengguan.xlsx", RECORD_TYPE, SampleFile.Format.XLSX,
                null, false, HEADERS, rows);
    }

    private SampleRow chengguanRow(int n) {
        String citizenId = citizenId(CHENGGUAN, n);
        RowValues row = elder(CHENGGUAN, n, citizenId);
        return switch (n) {
            case 102 -> SampleRow.faulty(new Note("citizen ID stored as a number: Excel shows 6.20102E+17",
                            "身份证号码被存成数字，Excel 显示为 6.20102E+17"),
                    List.of(of("MAP_SPREADSHEET_PRECISION_LOST", "citizenId")),
                    row.set("身份证号", Double.parseDouble(digitsOnly(n))).cells());
            case 103 -> SampleRow.faulty(new Note("birth date contradicts the citizen ID", "出生日期与身份证号码不符"),
                    List.of(of("ELDER_BIRTH_DATE_MISMATCH", "birthDate")),
                    row.set("出生日期", birthDate(n).plusYears(1)).cells());
            case 104 -> SampleRow.faulty(new Note("statistical code 620171 (兰州新区) instead of a division code",
                            "填了统计用区划代码 620171（兰州新区），不是行政区划代码"),
                    List.of(of("FORMAT_DIVISION_CODE_STATISTICAL", "divisionCode")),
                    row.set("户籍行政区划代码", "620171").cells());
            case 105 -> SampleRow.faulty(new Note("ability level without the assessment standard", "有能力等级但缺少评估标准"),
                    List.of(of("SCHEMA_DEPENDENT_REQUIRED", "abilityStandard")),
                    row.set("能力等级", 1).set("评估标准", null).set("评估日期", LocalDate.of(2024, 4, 11)).cells());
            case 106 -> SampleRow.faulty(new Note("assessment date 2204-03-05 lies in the future (typo for 2024)",
                            "评估日期 2204-03-05 在未来（2024 之误）"),
                    List.of(of("ELDER_ASSESSMENT_DATE_FUTURE", "assessmentDate")),
                    row.set("能力等级", 0).set("评估标准", STANDARD).set("评估日期", LocalDate.of(2204, 3, 5)).cells());
            case 107 -> SampleRow.trap(new Note("gender as the number code 1 or 2", "性别填数字代码 1 或 2"), citizenId,
                    row.set("性别", "男".equals(row.get("性别")) ? 1 : 2).cells());
            case 108 -> SampleRow.trap(new Note("gender and birth date empty: taken from the citizen ID",
                            "性别和出生日期为空：由身份证号码推出"), citizenId,
                    row.set("性别", null).set("出生日期", null).cells());
            default -> SampleRow.valid(citizenId, row.cells());
        };
    }

    /** Builds the row of elder {@code n} of a district. The CSV writer prints dates as text, the XLSX writer as date cells. */
    private RowValues elder(String district, int n, String citizenId) {
        RowValues row = new RowValues(HEADERS);
        boolean male = n % 2 == 1;
        String street = QILIHE.equals(district) ? "七里河区安康路社区" : "城关区和顺巷社区";
        row.set("姓名", parties.personName())
                .set("身份证号", citizenId)
                .set("性别", male ? "男" : "女")
                .set("出生日期", birthDate(n))
                .set("户籍行政区划代码", district)
                .set("居住地址", street + (n % 12 + 1) + " 号楼 " + (n % 4 + 1) + " 单元 " + (100 + n) + " 室")
                .set("居住情况", LIVING.get(n % LIVING.size()))
                .set("特殊群体", n % 3 == 0 ? "空巢" : null);
        if (n % 4 != 0) {
            row.set("能力等级", n % 5).set("评估标准", STANDARD).set("评估日期", LocalDate.of(2024, 3, 1).plusDays(n % 60));
        }
        return row;
    }

    /** Returns the birth date of elder {@code n}: between 1935 and 1962, so aged 60 or more in 2024. */
    static LocalDate birthDate(int n) {
        return LocalDate.of(1935, 1, 14).plusDays(367L * (n % 28) + n);
    }

    /** Returns a valid citizen ID of elder {@code n} with a digit as its check character, for a numeric cell. */
    private static String digitsOnly(int n) {
        for (int sequence = 100 + n; ; sequence += 2) {
            String id = SyntheticIds.citizenId(CHENGGUAN, birthDate(n), sequence);
            if (!id.endsWith("X")) {
                return id;
            }
        }
    }
}
