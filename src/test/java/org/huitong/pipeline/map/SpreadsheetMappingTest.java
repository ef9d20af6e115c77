package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huitong.pipeline.read.ReadOptions;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads real workbooks and maps them, as the pipeline does. */
class SpreadsheetMappingTest {

    private static final RecordTypeSpec SPEC = new RecordTypeSpec("t", "1", "urn:t", List.of(
            new FieldSpec("ZJHM", "证件号码", null, List.of(), "string", "citizen-id", false, "open", null, Map.of()),
            new FieldSpec("JDRQ", "决定日期", null, List.of(), "string", "date", false, "open", null, Map.of())),
            List.of());

    @TempDir
    Path dir;

    private MappedRecord readFirst(boolean date1904) throws Exception {
        Path file = dir.resolve("damaged-" + date1904 + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (date1904) {
                var ctWorkbook = workbook.getCTWorkbook();
                (ctWorkbook.isSetWorkbookPr() ? ctWorkbook.getWorkbookPr() : ctWorkbook.addNewWorkbookPr()).setDate1904(true);
            }
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("证件号码");
            header.createCell(1).setCellValue("决定日期");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(620102199001011233d);
            row.createCell(1).setCellValue(45356);
            workbook.write(out);
        }

        RecordMapper mapper = new RecordMapper(SPEC);
        try (RecordReader reader = RecordReaders.open(file, ReadOptions.defaults())) {
            return mapper.map(reader.next(), mapper.bind(reader.headers()));
        }
    }

    @Test
    void idStoredAsNumberIsPrecisionLost() throws Exception {
        MappedRecord mapped = readFirst(false);

        assertThat(mapped.violations()).extracting(v -> v.code()).containsExactly("MAP_SPREADSHEET_PRECISION_LOST");
        assertThat(mapped.violations().get(0).sourceColumn()).isEqualTo("证件号码");
        assertThat(mapped.data().has("ZJHM")).isFalse();
    }

    @Test
    void plainSerialUsesWorkbookDateSystem() throws Exception {
        assertThat(readFirst(false).data().get("JDRQ").asText()).isEqualTo("2024-03-05");
        assertThat(readFirst(true).data().get("JDRQ").asText())
                .isEqualTo(LocalDate.of(1904, 1, 1).plusDays(45356).toString());
    }
}
