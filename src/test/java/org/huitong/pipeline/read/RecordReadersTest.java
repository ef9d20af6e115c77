package org.huitong.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReadersTest {

    @TempDir
    Path dir;

    @Test
    void choosesReaderByExtension() throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "x\n1\n");
        Path jsonLines = dir.resolve("a.ndjson");
        Files.writeString(jsonLines, "{\"x\": 1}\n");
        Path xlsx = dir.resolve("a.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("x");
            workbook.write(out);
        }

        try (RecordReader csvReader = RecordReaders.open(csv, ReadOptions.defaults());
             RecordReader jsonReader = RecordReaders.open(jsonLines, ReadOptions.defaults());
             RecordReader xlsxReader = RecordReaders.open(xlsx, ReadOptions.defaults())) {
            assertThat(csvReader).isInstanceOf(CsvRecordReader.class);
            assertThat(jsonReader).isInstanceOf(JsonLinesRecordReader.class);
            assertThat(xlsxReader).isInstanceOf(XlsxRecordReader.class);
        }
    }

    @Test
    void formatOptionOverridesExtension() throws Exception {
        Path file = dir.resolve("export.txt");
        Files.writeString(file, "x\n1\n");
        ReadOptions options = new ReadOptions("CSV", null, null, ',', ReadOptions.DEFAULT_MAX_RECORD_CHARS);

        try (RecordReader reader = RecordReaders.open(file, options)) {
            assertThat(reader.next().values().get("x").display()).isEqualTo("1");
        }
    }

    @Test
    void rejectsUnknownExtension() throws Exception {
        Path file = dir.resolve("export.txt");
        Files.writeString(file, "x\n1\n");

        assertThatThrownBy(() -> RecordReaders.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_FORMAT_UNKNOWN");
                    assertThat(e.violation().message().zh()).contains("txt");
                });
    }

    @Test
    void rejectsOldExcelExtension() throws Exception {
        Path file = dir.resolve("export.xls");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> RecordReaders.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_XLS_NOT_SUPPORTED"));
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = dir.resolve("empty.csv");
        Files.createFile(file);

        assertThatThrownBy(() -> RecordReaders.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_FILE_EMPTY"));
    }

    @Test
    void rejectsNonXlsxNamedXlsx() throws Exception {
        Path file = dir.resolve("report.xlsx");
        Files.writeString(file, "<html>not a workbook</html>");

        assertThatThrownBy(() -> RecordReaders.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_XLSX_INVALID"));
    }
}
