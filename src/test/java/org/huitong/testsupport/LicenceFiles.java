package org.huitong.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.SyntheticIds;

/**
 * Writes licence CSV files for the {@code samr-licensing} connector (record type
 * {@code credit.license}) as a department exports them from Chinese Excel: GB18030, CRLF line
 * ends. Every row is valid and has its own decision number, so a file of n rows yields n
 * distinct records.
 */
public final class LicenceFiles {

    /** The licensing authority's USCC, also the second part of every business key. */
    public static final String AUTHORITY = SyntheticIds.uscc("11", "620100", "MB000001");

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final String HEADER = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,"
            + "行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,有效期自,有效期至,"
            + "许可机关,许可机关统一社会信用代码,当前状态,数据来源单位,数据来源单位统一社会信用代码";

    private LicenceFiles() {
    }

    /** Writes a file of {@code rows} valid licences, numbered 1 to {@code rows}, into {@code directory}. */
    public static Path validRows(Path directory, int rows) {
        return validRows(directory, 1, rows);
    }

    /** Writes a file of {@code rows} valid licences, numbered from {@code first}, into {@code directory}. */
    public static Path validRows(Path directory, int first, int rows) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int number = first; number < first + rows; number++) {
            lines.add(row(number));
        }

        try {
            Path file = Files.createTempFile(directory, "licences", ".csv");
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", GB18030);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a licence file in " + directory, e);
        }
    }

    /** Returns the decision number (XK_WSH) of row {@code number}. */
    public static String decisionNumber(int number) {
        return "兰市监许〔2024〕" + number + "号";
    }

    /** Returns the business key, which is also the CloudEvents subject, of row {@code number}. */
    public static String subject(int number) {
        return decisionNumber(number) + "|" + AUTHORITY;
    }

    /** Returns row {@code number} as column name to value, as a system would push it in JSON. */
    public static java.util.Map<String, String> record(int number) {
        String[] names = HEADER.split(",");
        String[] values = row(number).split(",");
        java.util.Map<String, String> record = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            record.put(names[i], values[i]);
        }
        return record;
    }

    private static String row(int number) {
        return String.join(",", "兰州测试商贸有限公司" + number, "法人及非法人组织",
                SyntheticIds.uscc(number), "张三", "食品经营许可决定书", decisionNumber(number), "普通",
                "食品经营许可", "2024年3月5日", "2024/3/5", "2029-03-04", "兰州市市场监督管理局", AUTHORITY,
                "1", "兰州市市场监督管理局", AUTHORITY);
    }
}
