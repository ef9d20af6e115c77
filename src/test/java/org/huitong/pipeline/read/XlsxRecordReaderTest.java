package org.huitong.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRecordReaderTest {

    private static final double SERIAL_2024_03_05 = 45356;

    @TempDir
    Path dir;

    private Path save(Workbook workbook, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); workbook) {
            workbook.write(out);
        }
        return file;
    }

    private static CellStyle format(Workbook workbook, String pattern) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
        return style;
    }

    private static List<SourceRecord> readAll(Path file, ReadOptions options) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = XlsxRecordReader.open(file, options)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private Path typedCellsWorkbook() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("许可");
        Row header = sheet.createRow(0);
        String[] names = {"名称", "金额", "证件号码", "决定日期", "决定时间", "是否公示", "合计", "编码"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
        }

        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("兰州某某公司");
        row.createCell(1).setCellValue(0.1 + 0.2);
        row.createCell(2).setCellValue(620102199001011233d);
        row.createCell(3).setCellValue(SERIAL_2024_03_05);
        row.getCell(3).setCellStyle(format(workbook, "yyyy-mm-dd"));
        row.createCell(4).setCellValue(SERIAL_2024_03_05 + 0.5);
        row.getCell(4).setCellStyle(format(workbook, "yyyy-mm-dd hh:mm"));
        row.createCell(5).setCellValue(true);
        row.createCell(6).setCellFormula("B2*2");
        row.createCell(7).setCellValue(10010);
        row.getCell(7).setCellStyle(format(workbook, "000000"));
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return save(workbook, "typed.xlsx");
    }

    @Test
    void keepsCellTypes() throws Exception {
        SourceRecord record = readAll(typedCellsWorkbook(), ReadOptions.defaults()).get(0);

        assertThat(record.values().get("名称")).isEqualTo(new SourceValue.Text("兰州某某公司"));
        assertThat(record.values().get("是否公示")).isEqualTo(new SourceValue.Bool(true));
        assertThat(record.values().get("决定日期"))
                .isEqualTo(new SourceValue.DateTime(LocalDate.of(2024, 3, 5).atStartOfDay(), false));
        assertThat(record.values().get("决定时间"))
                .isEqualTo(new SourceValue.DateTime(LocalDateTime.of(2024, 3, 5, 12, 0), true));
    }

    @Test
    void numbersKeepExcelPrecisionAndDisplayedText() throws Exception {
        SourceRecord record = readAll(typedCellsWorkbook(), ReadOptions.defaults()).get(0);
        SourceValue.Number amount = (SourceValue.Number) record.values().get("金额");
        SourceValue.Number id = (SourceValue.Number) record.values().get("证件号码");
        SourceValue.Number code = (SourceValue.Number) record.values().get("编码");

        assertThat(amount.value()).isEqualByComparingTo(new BigDecimal("0.3"));
        assertThat(amount.fromSpreadsheet()).isTrue();
        assertThat(id.displayed()).isEqualTo("6.20102E+17");
        assertThat(id.value()).isEqualByComparingTo(new BigDecimal("620102199001011000"));
        assertThat(code.displayed()).isEqualTo("010010");
    }

    @Test
    void formulaGivesCachedValue() throws Exception {
        SourceRecord record = readAll(typedCellsWorkbook(), ReadOptions.defaults()).get(0);
        SourceValue.Number total = (SourceValue.Number) record.values().get("合计");

        assertThat(total.value()).isEqualByComparingTo(new BigDecimal("0.6"));
    }

    @Test
    void rowNumbersAreLinesAndEmptyRowsSkipped() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("名称");
        sheet.createRow(1).createCell(0).setCellValue("甲");
        sheet.createRow(2).createCell(0).setCellValue("\u3000");
        sheet.createRow(4).createCell(0).setCellValue("乙");
        Path file = save(workbook, "rows.xlsx");

        List<SourceRecord> records = readAll(file, ReadOptions.defaults());

        assertThat(records).hasSize(2);
        assertThat(records.get(1).firstLine()).isEqualTo(5);
        assertThat(records.get(1).number()).isEqualTo(2);
    }

    @Test
    void dates1900And1904UseWorkbookDateSystem() throws Exception {
        LocalDate expected1900 = LocalDate.of(1899, 12, 30).plusDays((long) SERIAL_2024_03_05);
        LocalDate expected1904 = LocalDate.of(1904, 1, 1).plusDays((long) SERIAL_2024_03_05);

        assertThat(readDateCell(false)).isEqualTo(expected1900.atStartOfDay());
        assertThat(readDateCell(true)).isEqualTo(expected1904.atStartOfDay());
    }

    private LocalDateTime readDateCell(boolean date1904) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        if (date1904) {
            useDate1904(workbook);
        }
        Sheet sheet = workbook.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("日期");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue(SERIAL_2024_03_05);
        row.getCell(0).setCellStyle(format(workbook, "yyyy/m/d"));
        Path file = save(workbook, "dates-" + date1904 + ".xlsx");

        SourceValue value = readAll(file, ReadOptions.defaults()).get(0).values().get("日期");
        return ((SourceValue.DateTime) value).value();
    }

    private static void useDate1904(XSSFWorkbook workbook) {
        var ctWorkbook = workbook.getCTWorkbook();
        var properties = ctWorkbook.isSetWorkbookPr() ? ctWorkbook.getWorkbookPr() : ctWorkbook.addNewWorkbookPr();
        properties.setDate1904(true);
    }

    @Test
    void plainNumberCarriesDateSystem() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        useDate1904(workbook);
        Sheet sheet = workbook.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("日期");
        sheet.createRow(1).createCell(0).setCellValue(SERIAL_2024_03_05);
        Path file = save(workbook, "serial-1904.xlsx");

        SourceValue.Number value = (SourceValue.Number) readAll(file, ReadOptions.defaults()).get(0).values().get("日期");

        assertThat(value.date1904()).isTrue();
    }

    @Test
    void readsSheetByName() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("说明");
        Sheet data = workbook.createSheet("数据");
        data.createRow(0).createCell(0).setCellValue("名称");
        data.createRow(1).createCell(0).setCellValue("甲");
        Path file = save(workbook, "sheets.xlsx");
        ReadOptions options = new ReadOptions(null, null, "数据", ',', ReadOptions.DEFAULT_MAX_RECORD_CHARS);

        List<SourceRecord> records = readAll(file, options);

        assertThat(records.get(0).values().get("名称").display()).isEqualTo("甲");
    }

    @Test
    void rejectsMissingSheetNamingExistingOnes() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("名称");
        Path file = save(workbook, "sheet-missing.xlsx");
        ReadOptions options = new ReadOptions(null, null, "许可", ',', ReadOptions.DEFAULT_MAX_RECORD_CHARS);

        assertThatThrownBy(() -> XlsxRecordReader.open(file, options))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_XLSX_SHEET_NOT_FOUND");
                    assertThat(e.violation().message().zh()).contains("许可").contains("数据");
                });
    }

    @Test
    void extraCellsAndErrorCellsBecomeViolations() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet();
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("名称");
        header.createCell(1).setCellValue("金额");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("甲");
        row.createCell(1).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
        row.createCell(3).setCellValue("多余");
        Path file = save(workbook, "extra.xlsx");

        SourceRecord record = readAll(file, ReadOptions.defaults()).get(0);

        assertThat(record.violations()).extracting(v -> v.code()).containsExactly("READ_CELL_ERROR", "READ_EXTRA_VALUES");
        assertThat(record.violations().get(0).sourceColumn()).isEqualTo("金额");
        assertThat(record.violations().get(1).message().en()).contains("4=多余");
    }

    @Test
    void rejectsTextFileNamedXlsx() throws Exception {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "名称,金额\n甲,1\n");

        assertThatThrownBy(() -> XlsxRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_XLSX_INVALID"));
    }

    @Test
    void rejectsOldExcelFileNamedXlsx() throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        workbook.createSheet().createRow(0).createCell(0).setCellValue("名称");
        Path file = save(workbook, "old.xlsx");

        assertThatThrownBy(() -> XlsxRecordReader.open(file, ReadOptions.defaults()))
                .isInstanceOfSatisfying(FileRejectedException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("READ_XLSX_OLD_FORMAT"));
    }

    @Test
    void rejectsZipBomb() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("名称");
        sheet.createRow(1).createCell(0).setCellValue("甲");
        Path valid = save(workbook, "valid.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        padSheetWithSpaces(valid, bomb, 50_000_000);

        assertThatThrownBy(() -> {
            try (RecordReader reader = XlsxRecordReader.open(bomb, ReadOptions.defaults())) {
                reader.forEachRemaining(record -> { });
            }
        }).isInstanceOfSatisfying(FileRejectedException.class, e -> {
            assertThat(e.violation().code()).isEqualTo("READ_XLSX_INVALID");
            assertThat(e.violation().message().en()).containsIgnoringCase("zip bomb");
        });
    }

    /** Copies a workbook, inserting whitespace into the sheet XML that compresses about 1000:1. */
    private static void padSheetWithSpaces(Path source, Path target, int spaces) throws Exception {
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content = zip.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int split = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, split).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] chunk = " ".repeat(1_000_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    for (int written = 0; written < spaces; written += chunk.length) {
                        out.write(chunk);
                    }
                    out.write(xml.substring(split).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
    }
}
