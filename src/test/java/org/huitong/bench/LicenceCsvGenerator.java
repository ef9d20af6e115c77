package org.huitong.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.huitong.identifiers.SyntheticIds;

/**
 * Writes N synthetic, valid 行政许可 rows as a UTF-8 CSV with the standard Chinese headers. Every
 * row has its own decision document number, so every row is a new record.
 */
final class LicenceCsvGenerator {

    static final String[] HEADERS = {
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政许可决定文书名称",
        "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关",
        "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码"
    };

    /** Distinct legal representatives (XK_FRDB) the rows cycle through. */
    static final int LEGAL_REPRESENTATIVES = 97;

    /** Distinct licensee USCCs the rows cycle through. */
    private static final int LICENSEES = 100_000;

    private LicenceCsvGenerator() {
    }

    /** Returns the legal representative number {@code index}, for example 王5. */
    static String legalRepresentative(int index) {
        return "王" + index;
    }

    /**
     * Returns the value of a field with the same value in every row, or the legal representative,
     * in row {@code row}, as the pipeline maps it.
     *
     * @throws IllegalArgumentException for any other field
     */
    static String valueOf(String field, int row) {
        return switch (field) {
            case "XK_FRDB" -> legalRepresentative(row % LEGAL_REPRESENTATIVES);
            case "XK_ZT" -> "1";
            case "XK_XKLB" -> "普通";
            default -> throw new IllegalArgumentException("The generator has no fixed value for field " + field
                    + "; add it to valueOf");
        };
    }

    static Path write(Path file, int rows) throws IOException {
        String authority = SyntheticIds.uscc("11", "620100", "MB000001");
        String[] licensees = new String[Math.min(rows, LICENSEES)];
        for (int i = 0; i < licensees.length; i++) {
            licensees[i] = SyntheticIds.uscc(i);
        }
        LocalDate first = LocalDate.of(2024, 1, 1);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADERS).get())) {
            for (int i = 0; i < rows; i++) {
                LocalDate decision = first.plusDays(i % 365);
                csv.printRecord("兰州第" + i + "商贸有限公司", "法人及非法人组织", licensees[i % licensees.length],
                        legalRepresentative(i % LEGAL_REPRESENTATIVES), "食品经营许可决定书", "兰市监食许〔2024〕" + i + "号", "普通",
                        "预包装食品销售（含冷藏冷冻食品）", decision, decision, decision.plusYears(5),
                        "兰州市市场监督管理局", authority, "1", "兰州市市场监督管理局", authority);
            }
        }
        return file;
    }
}
