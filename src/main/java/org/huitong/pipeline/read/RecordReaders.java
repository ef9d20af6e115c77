package org.huitong.pipeline.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the record reader that fits a source file. */
public final class RecordReaders {

    private static final Logger LOG = LoggerFactory.getLogger(RecordReaders.class);

    private RecordReaders() {
    }

    /**
     * Opens {@code file} with the reader for {@link ReadOptions#format()}, or, when that is
     * null, for the file's extension: {@code .csv}, {@code .xlsx}, {@code .json},
     * {@code .jsonl} or {@code .ndjson}.
     *
     * @throws FileRejectedException if the file is empty ({@code READ_FILE_EMPTY}), has an
     *     unsupported extension or format ({@code READ_FORMAT_UNKNOWN}), is an old binary
     *     Excel file ({@code READ_XLS_NOT_SUPPORTED}), or its reader rejects it on opening
     * @throws UncheckedIOException if the file cannot be read at all, for example when it
     *     does not exist
     */
    public static RecordReader open(Path file, ReadOptions options) {
        String format = options.format() != null ? options.format().toLowerCase(Locale.ROOT) : formatOf(file);
        try {
            if (Files.size(file) == 0) {
                throw ReadViolations.rejection("READ_FILE_EMPTY", 0, null);
            }

            RecordReader reader = switch (format) {
                case "csv" -> CsvRecordReader.open(file, options);
                case "xlsx" -> XlsxRecordReader.open(file, options);
                case "json" -> JsonRecordReader.open(file, options);
                default -> throw ReadViolations.rejection("READ_FORMAT_UNKNOWN", 0, null, format);
            };
            LOG.debug("Opened {} as {} with {} columns", file.getFileName(), format, reader.headers().size());
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
        }
    }

    /**
     * Opens JSON Lines from a character stream, for records that arrive through an API, a
     * message or a query rather than as a file: one JSON object per line, read with the same
     * rules as a {@code .jsonl} file.
     */
    public static RecordReader jsonLines(java.io.Reader reader, ReadOptions options) {
        return new JsonLinesRecordReader(reader, java.nio.charset.StandardCharsets.UTF_8, 0, options);
    }

    /**
     * Opens a JSON array of objects from a character stream, for records that arrive through an
     * API rather than as a file, read with the same rules as a {@code .json} file.
     *
     * @throws FileRejectedException if the stream does not start with an array
     */
    public static RecordReader jsonArray(java.io.Reader reader, ReadOptions options) throws IOException {
        return new JsonArrayRecordReader(reader, java.nio.charset.StandardCharsets.UTF_8, 0, options);
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);

        return switch (extension) {
            case "csv" -> "csv";
            case "xlsx" -> "xlsx";
            case "json", "jsonl", "ndjson" -> "json";
            case "xls" -> throw ReadViolations.rejection("READ_XLS_NOT_SUPPORTED", 0, null);
            default -> throw ReadViolations.rejection("READ_FORMAT_UNKNOWN", 0, null, extension);
        };
    }
}
