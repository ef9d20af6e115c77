package org.huitong.pipeline.read;

import java.io.IOException;
import java.io.PushbackReader;
import java.nio.file.Path;

/**
 * Opens a JSON file as a record reader: a top-level array of objects, or JSON Lines.
 *
 * <p>The first non-blank character decides: {@code [} starts an array, {@code {} a JSON Lines
 * file. Both readers stream. Their {@link RecordReader#headers()} are the keys seen in the
 * records read so far, in order of first appearance, because JSON has no header row; opening
 * reads the first record ahead, so the first record's keys are known at once.
 */
public final class JsonRecordReader {

    private JsonRecordReader() {
    }

    /**
     * Opens {@code file} and reads its first record ahead.
     *
     * @throws FileRejectedException if no charset decodes the file, it is blank, or it starts
     *     with neither an array nor an object
     */
    public static RecordReader open(Path file, ReadOptions options) throws IOException {
        DetectedCharset detected = CharsetDetector.detect(file, options.charset());
        PushbackReader reader = new PushbackReader(detected.openReader(file), 1);
        try {
            RecordReader recordReader = open(reader, detected, options);
            recordReader.hasNext();
            return recordReader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static RecordReader open(PushbackReader reader, DetectedCharset detected, ReadOptions options)
            throws IOException {
        long lineOffset = 0;
        int first = reader.read();
        while (first >= 0 && Character.isWhitespace(first)) {
            if (first == '\n') {
                lineOffset++;
            }
            first = reader.read();
        }

        if (first < 0) {
            throw ReadViolations.rejection("READ_FILE_EMPTY", 0, null);
        }
        reader.unread(first);

        if (first == '[') {
            return new JsonArrayRecordReader(reader, detected.charset(), lineOffset, options);
        }
        if (first == '{') {
            return new JsonLinesRecordReader(reader, detected.charset(), lineOffset, options);
        }
        throw ReadViolations.rejection("READ_JSON_TOP_LEVEL", lineOffset + 1, null);
    }
}
