package org.huitong.samples;

import java.nio.charset.Charset;
import java.util.List;

/**
 * One sample file: where it goes, how it is encoded, and its rows.
 *
 * @param connector the connector whose inbox receives the file, also its folder under {@code samples/}
 * @param fileName the file name
 * @param recordType the shared record type the connector produces
 * @param format how the file is written
 * @param charset text encoding; {@code null} for XLSX
 * @param byteOrderMark whether a text file starts with a byte-order mark
 * @param headers the header row; empty for JSON Lines
 * @param rows the records in file order
 */
public record SampleFile(String connector, String fileName, String recordType, Format format,
                         Charset charset, boolean byteOrderMark, List<String> headers, List<SampleRow> rows) {

    /** How a sample file is written. */
    public enum Format { CSV, XLSX, JSON_LINES }

    public SampleFile {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** Returns the path below the repository root, for example {@code samples/mca-elders/x.csv}. */
    public String path() {
        return "samples/" + connector + "/" + fileName;
    }

    /**
     * Returns the first physical line (CSV, JSON Lines) or row (XLSX) of the record at
     * {@code index}, 1-based, as the readers count them: the header is line 1, and a quoted
     * CSV value with line breaks makes its record span several lines.
     */
    public long firstLine(int index) {
        if (format == Format.JSON_LINES) {
            return index + 1L;
        }
        long line = 2;
        for (int i = 0; i < index; i++) {
            line += 1 + (format == Format.CSV ? rows.get(i).lineBreaksInValues() : 0);
        }
        return line;
    }
}
