package org.huitong.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the Markdown tables of deliberate faults and of valid rows with traps, and writes
 * them into the sample READMEs between marker comments, so the READMEs list exactly what the
 * generator wrote.
 */
final class FaultTables {

    static final String FAULTS_START = "<!-- sample-faults:start -->";
    static final String FAULTS_END = "<!-- sample-faults:end -->";
    static final String TRAPS_START = "<!-- sample-traps:start -->";
    static final String TRAPS_END = "<!-- sample-traps:end -->";

    private FaultTables() {
    }

    /** Replaces the marked sections of {@code README.md} and {@code README.zh-CN.md} in {@code samplesDir}, if present. */
    static void updateReadmes(List<SampleFile> files, Path samplesDir) throws IOException {
        update(samplesDir.resolve("README.md"), files, false);
        update(samplesDir.resolve("README.zh-CN.md"), files, true);
    }

    private static void update(Path readme, List<SampleFile> files, boolean chinese) throws IOException {
        if (!Files.exists(readme)) {
            return;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        text = replaceSection(text, FAULTS_START, FAULTS_END, faultTable(files, chinese));
        text = replaceSection(text, TRAPS_START, TRAPS_END, trapTable(files, chinese));
        Files.writeString(readme, text, StandardCharsets.UTF_8);
    }

    static String replaceSection(String text, String start, String end, String table) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("README lacks the markers " + start + " and " + end);
        }
        return text.substring(0, from + start.length()) + "\n" + table + text.substring(to);
    }

    /** Returns the table of records that must be quarantined. */
    static String faultTable(List<SampleFile> files, boolean chinese) {
        StringBuilder table = new StringBuilder(chinese
                ? "| 文件 | 行 | 记录 | 错误 | 应报代码（字段） |\n|---|---|---|---|---|\n"
                : "| File | Line | Record | Fault | Expected code (field) |\n|---|---|---|---|---|\n");
        for (SampleFile file : files) {
            for (int i = 0; i < file.rows().size(); i++) {
                SampleRow row = file.rows().get(i);
                if (row.quarantined()) {
                    table.append(String.format("| %s | %d | %d | %s | %s |\n", file.connector() + "/" + file.fileName(),
                            file.firstLine(i), i + 1, describe(row, chinese), codes(row)));
                }
            }
        }
        return table.toString();
    }

    /** Returns the table of valid records that contain a trap the hub must handle. */
    static String trapTable(List<SampleFile> files, boolean chinese) {
        StringBuilder table = new StringBuilder(chinese
                ? "| 文件 | 行 | 记录 | 特殊之处（均应通过） |\n|---|---|---|---|\n"
                : "| File | Line | Record | What is special (must pass) |\n|---|---|---|---|\n");
        for (SampleFile file : files) {
            for (int i = 0; i < file.rows().size(); i++) {
                SampleRow row = file.rows().get(i);
                if (!row.quarantined() && row.note() != null) {
                    table.append(String.format("| %s | %d | %d | %s |\n", file.connector() + "/" + file.fileName(),
                            file.firstLine(i), i + 1, chinese ? row.note().zh() : row.note().en()));
                }
            }
        }
        return table.toString();
    }

    private static String describe(SampleRow row, boolean chinese) {
        String fault = chinese ? row.note().zh() : row.note().en();
        if (row.knownIssue() == null) {
            return fault;
        }
        return fault + (chinese ? "（应通过，现因已知缺陷被隔离：" : " (should pass; quarantined because of a known bug: ")
                + row.knownIssue() + (chinese ? "）" : ")");
    }

    private static String codes(SampleRow row) {
        return row.violations().stream()
                .map(v -> "`" + v.code() + "`" + (v.field() == null ? "" : " (" + v.field() + ")"))
                .collect(Collectors.joining(", "));
    }
}
