package org.huitong.pipeline.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.map.TextNormalizer;

/**
 * Streams a CSV file with Apache Commons CSV (RFC 4180 quoting, delimiter from the options).
 *
 * <p>The first non-blank record is the header (see {@link HeaderRow}). Each later record
 * maps header names to {@link SourceValue.Text} values exactly as read. Rules for rows that
 * do not match the header:
 * <ul>
 *   <li>Blank lines, and rows whose values are all blank (such as {@code ,,,}), are skipped.</li>
 *   <li>Values beyond the header: blank ones are ignored, non-blank ones give the record a
 *       {@code READ_EXTRA_VALUES} violation and are never shifted into another column.</li>
 *   <li>A row shorter than the header is accepted, and its missing columns are absent, which
 *       the hub treats like blank values. Spreadsheets routinely omit trailing empty cells, so
 *       a short row is no fault in itself. A required column that is missing is reported by
 *       schema validation, naming the field.</li>
 * </ul>
 * A quoted field may contain line breaks, so a record spans {@code firstLine..lastLine}. An
 * unclosed quote, other quoting errors, an invalid byte for the charset and a record longer
 * than {@link ReadOptions#maxRecordChars()} reject the rest of the file from {@link #next()}.
 */
public final class CsvRecordReader extends LookaheadRecordReader {

    private static final String UNCLOSED_QUOTE_MESSAGE = "EOF reached before encapsulated token finished";

    private final Charset charset;
    private final RecordLengthGuard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int maxRecordChars;
    private final List<String> headers;
    private long recordCount;
    private long lastLine;

    private CsvRecordReader(DetectedCharset detected, Reader reader, ReadOptions options) throws IOException {
        this.charset = detected.charset();
        this.maxRecordChars = options.maxRecordChars();
        this.guard = new RecordLengthGuard(reader, maxRecordChars);
        this.parser = csvFormat(options.delimiter()).parse(guard);
        this.records = parser.iterator();
        this.headers = readHeader();
    }

    /**
     * Opens {@code file} and reads its header row.
     *
     * @throws FileRejectedException if no charset decodes the file or the header is unusable
     */
    public static CsvRecordReader open(Path file, ReadOptions options) throws IOException {
        DetectedCharset detected = CharsetDetector.detect(file, options.charset());
        Reader reader = detected.openReader(file);
        try {
            return new CsvRecordReader(detected, reader, options);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
    }

    private List<String> readHeader() {
        CSVRecord header = readNonBlankRecord();
        if (header == null) {
            throw ReadViolations.rejection("READ_HEADER_MISSING", lastLine, null);
        }
        return HeaderRow.normalize(header.toList(), lastLine);
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    protected SourceRecord readNext() {
        CSVRecord csvRecord = readNonBlankRecord();
        if (csvRecord == null) {
            return null;
        }

        long firstLine = lastLine - countLineBreaks(csvRecord);
        Map<String, SourceValue> values = new LinkedHashMap<>();
        ExtraValues extraValues = new ExtraValues();
        for (int i = 0; i < csvRecord.size(); i++) {
            if (i < headers.size()) {
                values.put(headers.get(i), new SourceValue.Text(csvRecord.get(i)));
            } else {
                extraValues.add(i + 1, csvRecord.get(i));
            }
        }

        List<Violation> violations = new ArrayList<>();
        extraValues.toViolation().ifPresent(violations::add);
        recordCount++;
        return new SourceRecord(recordCount, firstLine, lastLine, values, violations);
    }

    /** Reads the next record that has a non-blank value, or returns null at the end. */
    private CSVRecord readNonBlankRecord() {
        while (true) {
            long recordStartLine = lastLine + 1;
            guard.startRecord();
            CSVRecord csvRecord = parseNext(recordStartLine);
            if (csvRecord == null) {
                return null;
            }

            lastLine = parser.getCurrentLineNumber();
            rejectIfTooLong(csvRecord, recordStartLine);
            if (!isBlank(csvRecord)) {
                return csvRecord;
            }
        }
    }

    private CSVRecord parseNext(long recordStartLine) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), recordStartLine);
        }
    }

    private FileRejectedException translate(IOException cause, long recordStartLine) {
        long stopLine = Math.max(parser.getCurrentLineNumber(), recordStartLine);
        if (cause instanceof RecordLengthGuard.RecordTooLongException) {
            return ReadViolations.rejection("READ_RECORD_TOO_LONG", recordStartLine, cause,
                    recordStartLine, maxRecordChars);
        }
        if (cause instanceof CharacterCodingException) {
            return ReadViolations.rejection("READ_CHARSET_MISMATCH", stopLine, cause, stopLine, charset.name());
        }

        // NOTE: Commons CSV 1.14 reports every syntax error as CSVException, so an unclosed
        // quote is distinguished by its message text.
        if (cause instanceof CSVException && String.valueOf(cause.getMessage()).contains(UNCLOSED_QUOTE_MESSAGE)) {
            return ReadViolations.rejection("READ_UNCLOSED_QUOTE", recordStartLine, cause, recordStartLine, stopLine);
        }
        if (cause instanceof CSVException) {
            return ReadViolations.rejection("READ_CSV_SYNTAX", stopLine, cause, stopLine, cause.getMessage());
        }
        throw new UncheckedIOException(cause);
    }

    private void rejectIfTooLong(CSVRecord csvRecord, long recordStartLine) {
        long length = 0;
        for (String value : csvRecord) {
            length += value.length() + 1;
        }
        if (length - 1 > maxRecordChars) {
            throw ReadViolations.rejection("READ_RECORD_TOO_LONG", recordStartLine, null,
                    recordStartLine, maxRecordChars);
        }
    }

    private static boolean isBlank(CSVRecord csvRecord) {
        for (String value : csvRecord) {
            if (!TextNormalizer.isBlank(value)) {
                return false;
            }
        }
        return true;
    }

    /** Counts line breaks inside quoted values; CRLF counts once, like a lone CR or LF. */
    private static long countLineBreaks(CSVRecord csvRecord) {
        long breaks = 0;
        for (String value : csvRecord) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean crlf = c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n';
                if ((c == '\n' || c == '\r') && !crlf) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
