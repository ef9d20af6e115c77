package org.huitong.pipeline.read;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.map.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one sheet of an XLSX workbook with excel-streaming-reader, which parses the sheet
 * XML with a pull parser and keeps only a few rows in memory.
 *
 * <p>The first non-empty row is the header (see {@link HeaderRow}); rows that have no
 * non-blank cell are skipped. A record's {@code firstLine} and {@code lastLine} are its row
 * number as the spreadsheet shows it. Cell values keep their type (see
 * {@link XlsxCellConverter}); an error cell such as {@code #N/A} gives the record a
 * {@code READ_CELL_ERROR} violation. Values beyond the header are handled as in the CSV reader.
 *
 * <p>POI's zip-bomb limits apply while the package is unpacked, and an entry that breaks them
 * rejects the file. The defaults of ZipSecureFile in poi-ooxml 5.5.1 are a minimum inflate
 * ratio of 0.01, a maximum entry size of 4 GiB and at most 1000 entries.
 *
 * <p>NOTE: the shared-strings table (the workbook's distinct texts) is loaded into memory,
 * which excel-streaming-reader can only avoid with the poi-shared-strings library that the
 * hub does not include.
 */
public final class XlsxRecordReader extends LookaheadRecordReader {

    private static final Logger LOG = LoggerFactory.getLogger(XlsxRecordReader.class);
    private static final int ROW_CACHE_SIZE = 100;
    private static final int BUFFER_BYTES = 4096;

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final XlsxCellConverter converter;
    private final List<String> headers;
    private long recordCount;
    private long lastRow;

    private XlsxRecordReader(Workbook workbook, String sheetName) {
        this.workbook = workbook;
        boolean date1904 = workbook instanceof Date1904Support support && support.isDate1904();
        this.converter = new XlsxCellConverter(date1904);
        this.rows = selectSheet(workbook, sheetName).rowIterator();
        this.headers = readHeader();
    }

    /**
     * Opens the workbook and reads the header row of the named sheet, or of the first sheet.
     *
     * @throws FileRejectedException if the file is not an XLSX workbook, breaks the zip-bomb
     *     limits, lacks the sheet, or has an unusable header
     */
    public static XlsxRecordReader open(Path file, ReadOptions options) throws IOException {
        rejectIfNotXlsx(file);

        Workbook workbook;
        try {
            workbook = StreamingReader.builder()
                    .rowCacheSize(ROW_CACHE_SIZE)
                    .bufferSize(BUFFER_BYTES)
                    .open(file.toFile());
        } catch (ExcelRuntimeException e) {
            LOG.warn("Rejected workbook {}: {}", file.getFileName(), e.toString());
            throw ReadViolations.rejection("READ_XLSX_INVALID", 0, e, rootMessage(e));
        }

        try {
            return new XlsxRecordReader(workbook, options.sheet());
        } catch (ExcelRuntimeException e) {
            workbook.close();
            LOG.warn("Rejected workbook {}: {}", file.getFileName(), e.toString());
            throw ReadViolations.rejection("READ_XLSX_INVALID", 0, e, rootMessage(e));
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static void rejectIfNotXlsx(Path file) throws IOException {
        FileMagic magic;
        try (InputStream input = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(input);
        }

        if (magic == FileMagic.OLE2) {
            throw ReadViolations.rejection("READ_XLSX_OLD_FORMAT", 0, null);
        }
        if (magic != FileMagic.OOXML) {
            throw ReadViolations.rejection("READ_XLSX_INVALID", 0, null, magic.name());
        }
    }

    private static Sheet selectSheet(Workbook workbook, String sheetName) {
        if (sheetName == null) {
            return workbook.getSheetAt(0);
        }

        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        if (!names.contains(sheetName)) {
            throw ReadViolations.rejection("READ_XLSX_SHEET_NOT_FOUND", 0, null, sheetName, String.join(", ", names));
        }
        return workbook.getSheet(sheetName);
    }

    private List<String> readHeader() {
        Row header = readNonEmptyRow();
        if (header == null) {
            throw ReadViolations.rejection("READ_HEADER_MISSING", lastRow, null);
        }

        List<String> cells = new ArrayList<>();
        for (Cell cell : header) {
            while (cells.size() < cell.getColumnIndex()) {
                cells.add(null);
            }
            SourceValue value = converter.convert(cell);
            cells.add(value == null ? null : value.display());
        }
        return HeaderRow.normalize(cells, lastRow);
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    protected SourceRecord readNext() {
        try {
            return readNextRow();
        } catch (ExcelRuntimeException e) {
            throw ReadViolations.rejection("READ_XLSX_INVALID", lastRow + 1, e, rootMessage(e));
        }
    }

    private SourceRecord readNextRow() {
        Row row = readNonEmptyRow();
        if (row == null) {
            return null;
        }

        Map<String, SourceValue> values = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        ExtraValues extraValues = new ExtraValues();
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            if (column >= headers.size()) {
                SourceValue extra = converter.convert(cell);
                extraValues.add(column + 1, extra == null ? null : extra.display());
            } else if (XlsxCellConverter.isError(cell)) {
                violations.add(ReadViolations.violation("READ_CELL_ERROR", headers.get(column), headers.get(column)));
            } else {
                SourceValue value = converter.convert(cell);
                if (value != null) {
                    values.put(headers.get(column), value);
                }
            }
        }

        extraValues.toViolation().ifPresent(violations::add);
        recordCount++;
        return new SourceRecord(recordCount, lastRow, lastRow, orderByHeader(values), violations);
    }

    private Map<String, SourceValue> orderByHeader(Map<String, SourceValue> values) {
        Map<String, SourceValue> ordered = new LinkedHashMap<>();
        for (String header : headers) {
            if (values.containsKey(header)) {
                ordered.put(header, values.get(header));
            }
        }
        return ordered;
    }

    /** Returns the next row with a non-blank cell, or null at the end of the sheet. */
    private Row readNonEmptyRow() {
        while (true) {
            Row row = rows.hasNext() ? rows.next() : null;
            if (row == null) {
                return null;
            }

            lastRow = row.getRowNum() + 1L;
            if (hasNonBlankCell(row)) {
                return row;
            }
        }
    }

    private boolean hasNonBlankCell(Row row) {
        for (Cell cell : row) {
            if (XlsxCellConverter.isError(cell)) {
                return true;
            }
            SourceValue value = converter.convert(cell);
            boolean blankText = value instanceof SourceValue.Text text && TextNormalizer.isBlank(text.value());
            if (value != null && !blankText) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
