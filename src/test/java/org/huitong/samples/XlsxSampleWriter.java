package org.huitong.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a sample XLSX workbook with Apache POI: one sheet {@code Sheet1}, the header in row 1.
 * Text goes into cells formatted as text ({@code @}), as a department's template would set up
 * ID columns; a {@link LocalDate} becomes a date cell shown as {@code yyyy/m/d}; a number
 * becomes a numeric cell in the General format, so an 18-digit code shows as {@code 6.2E+17}.
 * Runs write the same bytes: the creation time and the zip entry times are fixed.
 */
final class XlsxSampleWriter {

    /** Fixed creation time, so that the workbook's properties do not change between runs. */
    private static final Date CREATED = Date.from(LocalDate.of(2024, 7, 1).atStartOfDay().toInstant(ZoneOffset.UTC));

    private XlsxSampleWriter() {
    }

    static void write(SampleFile file, Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
            workbook.getProperties().getCoreProperties().setCreator("Huitong sample generator");
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Sheet1");

            writeRow(sheet.createRow(0), List.copyOf(file.headers()), styles);
            for (int i = 0; i < file.rows().size(); i++) {
                writeRow(sheet.createRow(i + 1), file.rows().get(i).cells(), styles);
            }

            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            workbook.write(packed);
            writeWithFixedTimes(packed.toByteArray(), target);
        }
    }

    /**
     * Copies the workbook's zip entries with a fixed modification time. POI stamps each entry
     * with the time of writing, which would make every run give different bytes.
     */
    private static void writeWithFixedTimes(byte[] workbook, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(CREATED.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static void writeRow(Row row, List<?> cells, Styles styles) {
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value == null) {
                continue;
            }

            Cell cell = row.createCell(column);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(value.toString().contains("\n") ? styles.wrappedText : styles.text);
            }
        }
    }

    /** The cell styles of one workbook. */
    private static final class Styles {

        final CellStyle text;
        final CellStyle wrappedText;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            short textFormat = workbook.createDataFormat().getFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            wrappedText = workbook.createCellStyle();
            wrappedText.setDataFormat(textFormat);
            wrappedText.setWrapText(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
        }
    }
}
