package org.huitong.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordReaderTest {

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

    @Test
    void arrayRecordsKeepTypesAndLineNumbers() throws Exception {
        Path file = write("array.json", """

                [
                  {"XK_WSH": "兰城市监许〔2024〕1号", "CF_NR_FK": 0.30, "公示": true,
                   "CF_CFLB": ["警告", "罚款"], "BZ": null},
                  {"XK_WSH": "B-2", "CF_NR_FK": 12345678901234567890.5}
                ]
                """);

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            List<SourceRecord> records = readAll(reader);
            SourceRecord first = records.get(0);
            SourceValue.Number amount = (SourceValue.Number) first.values().get("CF_NR_FK");
            SourceValue.Number large = (SourceValue.Number) records.get(1).values().get("CF_NR_FK");

            assertThat(records).hasSize(2);
            assertThat(first.firstLine()).isEqualTo(3);
            assertThat(first.lastLine()).isEqualTo(4);
            assertThat(records.get(1).firstLine()).isEqualTo(5);
            assertThat(first.values().get("XK_WSH")).isEqualTo(new SourceValue.Text("兰城市监许〔2024〕1号"));
            assertThat(amount.value()).isEqualTo(new BigDecimal("0.30"));
            assertThat(amount.fromSpreadsheet()).isFalse();
            assertThat(large.value()).isEqualTo(new BigDecimal("12345678901234567890.5"));
            assertThat(first.values().get("公示")).isEqualTo(new SourceValue.Bool(true));
            assertThat(first.values().get("CF_CFLB")).isEqualTo(new SourceValue.Items(
                    List.of(new SourceValue.Text("警告"), new SourceValue.Text("罚款"))));
            assertThat(first.values()).doesNotContainKey("BZ");
            assertThat(reader.headers()).containsExactly("XK_WSH", "CF_NR_FK", "公示", "CF_CFLB");
        }
    }

    @Test
    void nestedValuesAndDuplicateKeysBecomeViolations() throws Exception {
        Path file = write("nested.json", """
                [{"a": {"b": 1}, "c": [[1]], "d": 1, "d": 2}]
                """);

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord record = reader.next();

            assertThat(record.violations()).extracting(v -> v.code())
                    .containsExactly("READ_NESTED_VALUE", "READ_NESTED_VALUE", "READ_DUPLICATE_KEY");
            assertThat(record.violations().get(2).sourceColumn()).isEqualTo("d");
            assertThat(record.values().get("d").display()).isEqualTo("1");
        }
    }

    @Test
    void elementThatIsNotObjectBecomesViolation() throws Exception {
        Path file = write("scalar.json", "[{\"a\": 1},\n 42,\n {\"a\": 2}]");

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            List<SourceRecord> records = readAll(reader);

            assertThat(records).hasSize(3);
            assertThat(records.get(1).violations().get(0).code()).isEqualTo("READ_JSON_NOT_OBJECT");
            assertThat(records.get(1).firstLine()).isEqualTo(2);
        }
    }

    @Test
    void malformedArrayRejectsRestNamingLine() throws Exception {
        Path file = write("broken.json", "[\n{\"a\": 1},\n{\"a\": 2,,},\n{\"a\": 3}\n]");

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            SourceRecord first = reader.next();

            assertThat(first.values().get("a").display()).isEqualTo("1");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_JSON_MALFORMED");
                assertThat(e.line()).isEqualTo(3);
            });
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void unclosedArrayIsRejected() throws Exception {
        Path file = write("unclosed.json", "[{\"a\": 1},\n");

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class,
                    e -> assertThat(e.violation().code()).isEqualTo("READ_JSON_MALFORMED"));
        }
    }

    @Test
    void jsonLinesContinueAfterMalformedLine() throws Exception {
        Path file = write("records.jsonl", """
                {"a": "1", "b": 2}

                {"a": "2", oops}
                {"a": "${jndi:x}"}
                """);

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            List<SourceRecord> records = readAll(reader);

            assertThat(records).hasSize(3);
            assertThat(records.get(0).firstLine()).isEqualTo(1);
            assertThat(records.get(1).firstLine()).isEqualTo(3);
            assertThat(records.get(1).violations().get(0).code()).isEqualTo("READ_JSON_MALFORMED");
            assertThat(records.get(1).violations().get(0).message().en()).contains("line 3");
            assertThat(records.get(2).firstLine()).isEqualTo(4);
            assertThat(records.get(2).values().get("a").display()).isEqualTo("${jndi:x}");
            assertThat(records.get(2).number()).isEqualTo(3);
        }
    }

    @Test
    void jsonLinesRejectTrailingContentOnLine() throws Exception {
        Path file = write("trailing.ndjson", "{\"a\": 1} {\"a\": 2}\n");

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            assertThat(reader.next().violations().get(0).code()).isEqualTo("READ_JSON_MALFORMED");
        }
    }

    @Test
    void jsonLinesRejectLineLongerThanMaximum() throws Exception {
        Path file = write("long.jsonl", "{\"a\": 1}\n{\"a\": \"" + "x".repeat(500) + "\"}\n");
        ReadOptions options = new ReadOptions(null, null, null, ',', 100);

        try (RecordReader reader = JsonRecordReader.open(file, options)) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                assertThat(e.violation().code()).isEqualTo("READ_RECORD_TOO_LONG");
                assertThat(e.line()).isEqualTo(2);
            });
        }
    }

    @Test
    void arrayRejectsObjectLongerThanMaximum() throws Exception {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            fields.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
        }
        Path file = write("long.json", "[{\"a\": 1},\n{" + fields + "}]");
        ReadOptions options = new ReadOptions(null, null, null, ',', 100);

        try (RecordReader reader = JsonRecordReader.open(file, options)) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOfSatisfying(FileRejectedException.class,
                    e -> assertThat(e.violation().code()).isEqualTo("READ_RECORD_TOO_LONG"));
        }
    }

    @Test
    void rejectsTopLevelScalar() throws Exception {
        Path file = write("scalar-top.json", "\n\"text\"");

        assertThatThrownBy(() -> JsonRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_JSON_TOP_LEVEL");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void rejectsWhitespaceOnlyFile() throws Exception {
        Path file = write("blank.json", " \n\t\n");

        assertThatThrownBy(() -> JsonRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_FILE_EMPTY"));
    }

    @Test
    void readsGb18030JsonWithoutByteOrderMark() throws Exception {
        Path file = dir.resolve("gbk.json");
        Files.write(file, "[{\"名称\": \"城关区\"}]".getBytes(java.nio.charset.Charset.forName("GB18030")));

        try (RecordReader reader = JsonRecordReader.open(file, ReadOptions.defaults())) {
            assertThat(reader.next().values().get("名称").display()).isEqualTo("城关区");
        }
    }
}
