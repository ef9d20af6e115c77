package org.huitong.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huitong.pipeline.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<SourceRecord> readAll(RecordReader reader) {
        List<SourceRecord> records = new ArrayList<>();
        reader.forEachRemaining(records::add);
        return records;
    }

    private static String text(SourceRecord record, String column) {
        return record.values().get(column).display();
    }

    @Test
    void readsGb18030FileWithoutByteOrderMark() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "行政相对人名称,许可机关\n兰州市某某商贸有限公司,城关区市场监督管理局\n".getBytes(Charset.forName("GB18030")));

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord record = reader.next();

            assertThat(reader.charset()).isEqualTo(Charset.forName("GB18030"));
            assertThat(reader.headers()).containsExactly("行政相对人名称", "许可机关");
            assertThat(text(record, "行政相对人名称")).isEqualTo("兰州市某某商贸有限公司");
        }
    }

    @Test
    void removesByteOrderMarkGluedToFirstHeader() throws Exception {
        Path file = write("bom.csv", "\uFEFFXK_WSH,XK_XDR_MC\nA-1,公司\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            assertThat(reader.headers()).containsExactly("XK_WSH", "XK_XDR_MC");
            assertThat(text(reader.next(), "XK_WSH")).isEqualTo("A-1");
        }
    }

    @Test
    void normalizesHeaderNames() throws Exception {
        Path file = write("headers.csv", "\u3000ＸＫ＿ＷＳＨ\u00A0,名称 \nA,B\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            assertThat(reader.headers()).containsExactly("XK_WSH", "名称");
        }
    }

    @Test
    void multiLineFieldKeepsLineRange() throws Exception {
        Path file = write("multiline.csv", "名称,地址\r\n甲,\"兰州市\r\n城关区\r\n某路1号\"\r\n乙,西固区\r\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            List<SourceRecord> records = readAll(reader);

            assertThat(records).hasSize(2);
            assertThat(text(records.get(0), "地址")).isEqualTo("兰州市\r\n城关区\r\n某路1号");
            assertThat(records.get(0).firstLine()).isEqualTo(2);
            assertThat(records.get(0).lastLine()).isEqualTo(4);
            assertThat(records.get(1).firstLine()).isEqualTo(5);
            assertThat(records.get(1).lastLine()).isEqualTo(5);
            assertThat(records.get(1).number()).isEqualTo(2);
        }
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCells() throws Exception {
        Path file = write("blank.csv", "a,b\n\n1,2\n,,\n\u3000,\n3,4");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            List<SourceRecord> records = readAll(reader);

            assertThat(records).extracting(r -> text(r, "a")).containsExactly("1", "3");
            assertThat(records.get(1).firstLine()).isEqualTo(6);
        }
    }

    @Test
    void ignoresTrailingEmptyCellsBeyondHeader() throws Exception {
        Path file = write("trailing.csv", "a,b\n1,2,,\u3000,\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord record = reader.next();

            assertThat(record.violations()).isEmpty();
            assertThat(record.values()).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void namesExtraNonEmptyValuesWithoutShifting() throws Exception {
        Path file = write("extra.csv", "a,b\n1,2,,x,y\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord record = reader.next();
            Violation violation = record.violations().get(0);

            assertThat(record.violations()).hasSize(1);
            assertThat(violation.code()).isEqualTo("READ_EXTRA_VALUES");
            assertThat(violation.message().en()).contains("2 non-empty value(s)").contains("4=x, 5=y");
            assertThat(text(record, "a")).isEqualTo("1");
            assertThat(text(record, "b")).isEqualTo("2");
        }
    }

    @Test
    void shortRowLeavesMissingColumnsAbsent() throws Exception {
        Path file = write("short.csv", "a,b,c\n1\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord record = reader.next();

            assertThat(record.values()).containsOnlyKeys("a");
            assertThat(record.violations()).isEmpty();
        }
    }

    @Test
    void rejectsDuplicateHeaders() throws Exception {
        Path file = write("duplicate.csv", "名称,代码,名称\n1,2,3\n");

        assertThatThrownBy(() -> CsvRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_HEADER_DUPLICATE");
                    assertThat(e.violation().message().en()).contains("名称 (1, 3)");
                    assertThat(e.line()).isEqualTo(1);
                });
    }

    @Test
    void rejectsHeadersThatDifferOnlyInWidth() throws Exception {
        Path file = write("width.csv", "CODE,ＣＯＤＥ\n1,2\n");

        assertThatThrownBy(() -> CsvRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_HEADER_DUPLICATE"));
    }

    @Test
    void rejectsBlankHeaderBeforeLastColumn() throws Exception {
        Path file = write("blank-header.csv", "a,,c\n1,2,3\n");

        assertThatThrownBy(() -> CsvRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_HEADER_BLANK");
                    assertThat(e.violation().message().en()).contains("column(s) 2 have no name");
                });
    }

    @Test
    void dropsTrailingBlankHeaderCells() throws Exception {
        Path file = write("trailing-header.csv", "a,b,,\u3000\n1,2\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            assertThat(reader.headers()).containsExactly("a", "b");
        }
    }

    @Test
    void rejectsFileWithoutHeader() throws Exception {
        Path file = write("no-header.csv", "\n\n");

        assertThatThrownBy(() -> CsvRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_HEADER_MISSING"));
    }

    @Test
    void unclosedQuoteRejectsRestFromNext() throws Exception {
        Path file = write("unclosed.csv", "a,b\n1,2\n3,\"oops\n4,5\n6,7\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord first = reader.next();

            assertThat(text(first, "a")).isEqualTo("1");
            assertThat(reader.hasNext()).isTrue();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_UNCLOSED_QUOTE");
                assertThat(e.violation().message().en()).contains("starting on line 3").contains("(line 5)");
                assertThat(e.line()).isEqualTo(3);
            });
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void quoteSyntaxErrorNamesLine() throws Exception {
        Path file = write("syntax.csv", "a,b\n1,2\n\"x\"y,3\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_CSV_SYNTAX");
                assertThat(e.line()).isEqualTo(3);
            });
        }
    }

    @Test
    void rejectsRecordLongerThanMaximum() throws Exception {
        Path file = write("long.csv", "a,b\n1,2\n3," + "x".repeat(200) + "\n");
        ReadOptions options = new ReadOptions(null, null, null, ',', 100);

        try (RecordReader reader = CsvRecordReader.open(file, options)) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_RECORD_TOO_LONG");
                assertThat(e.line()).isEqualTo(3);
            });
        }
    }

    @Test
    void stopsRunawayQuotedFieldBeforeEndOfFile() throws Exception {
        Path file = dir.resolve("runaway.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write("a,b\n1,\"never closed\n");
            for (int i = 0; i < 100_000; i++) {
                writer.write("filler line inside the quote\n");
            }
        }
        ReadOptions options = new ReadOptions(null, null, null, ',', 1000);

        try (RecordReader reader = CsvRecordReader.open(file, options)) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_RECORD_TOO_LONG");
                assertThat(e.line()).isEqualTo(2);
            });
        }
    }

    @Test
    void usesDelimiterFromOptions() throws Exception {
        Path file = write("semicolon.csv", "a;b\n1,5;2\n");
        ReadOptions options = new ReadOptions(null, null, null, ';', ReadOptions.DEFAULT_MAX_RECORD_CHARS);

        try (RecordReader reader = CsvRecordReader.open(file, options)) {
            assertThat(text(reader.next(), "a")).isEqualTo("1,5");
        }
    }

    @Test
    void keepsValuesLiterallyAsRead() throws Exception {
        Path file = write("literal.csv", "名称,备注\n𠮷野家,${jndi:ldap://127.0.0.1/x}\n\u3000甲\u3000,\"a \"\"quoted\"\" word\"\n");

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord first = reader.next();
            SourceRecord second = reader.next();

            assertThat(text(first, "名称")).isEqualTo("𠮷野家");
            assertThat(text(first, "备注")).isEqualTo("${jndi:ldap://127.0.0.1/x}");
            assertThat(text(second, "名称")).isEqualTo("\u3000甲\u3000");
            assertThat(text(second, "备注")).isEqualTo("a \"quoted\" word");
        }
    }

    @Test
    void wrongCharsetOverrideRejectsAtLine() throws Exception {
        Path file = dir.resolve("override.csv");
        Files.write(file, CharsetDetectorTest.concat("a\nascii\n".getBytes(StandardCharsets.UTF_8),
                "城关区\n".getBytes(Charset.forName("GB18030"))));
        ReadOptions options = new ReadOptions(null, StandardCharsets.UTF_8, null, ',', ReadOptions.DEFAULT_MAX_RECORD_CHARS);

        assertThatThrownBy(() -> CsvRecordReader.open(file, options))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_CHARSET_MISMATCH");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.violation().message().en()).contains("Line 3").contains("UTF-8");
                });
    }

    @Test
    void iteratesLazilyOverLargeFile() throws Exception {
        // 300,000 good rows followed by an unclosed quote: the first record must come back
        // without the parser reaching the broken end of the file.
        Path file = dir.resolve("large.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write("序号,名称,金额\n");
            for (int i = 1; i <= 300_000; i++) {
                writer.write(i + ",单位" + i + "," + i + ".50\n");
            }
            writer.write("300001,\"broken\n");
        }

        try (RecordReader reader = CsvRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord first = reader.next();
            assertThat(text(first, "名称")).isEqualTo("单位1");

            long count = 1;
            FileRejectedException rejection = null;
            try {
                while (reader.hasNext()) {
                    reader.next();
                    count++;
                }
            } catch (FileRejectedException e) {
                rejection = e;
            }

            assertThat(count).isEqualTo(300_000);
            assertThat(rejection).isNotNull();
            assertThat(rejection.line()).isEqualTo(300_002);
        }
    }
}
