package org.huitong.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a sample CSV file the way Excel saves one: CRLF between records, a value quoted only
 * when it contains a comma, a quote or a line break, and a line break inside a value kept as
 * typed (LF). Chinese Excel writes GB18030 (GBK) without a byte-order mark and "CSV UTF-8"
 * with one; {@link SampleFile#byteOrderMark()} chooses.
 */
final class CsvSampleWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvSampleWriter() {
    }

    static void write(SampleFile file, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            if (file.byteOrderMark()) {
                out.write(UTF8_BOM);
            }

            Writer writer = new OutputStreamWriter(out, file.charset().newEncoder());
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
                printer.printRecord(file.headers());
                for (SampleRow row : file.rows()) {
                    printer.printRecord(texts(row.cells()));
                }
            }
        }
    }

    private static List<String> texts(List<Object> cells) {
        List<String> texts = new ArrayList<>();
        for (Object cell : cells) {
            texts.add(text(cell));
        }
        return texts;
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof LocalDate date) {
            return date.toString();
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return cell.toString();
    }
}
