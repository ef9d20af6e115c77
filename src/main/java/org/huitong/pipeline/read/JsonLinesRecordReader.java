package org.huitong.pipeline.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huitong.pipeline.map.TextNormalizer;

/**
 * Streams a JSON Lines file: one JSON object per line, blank lines skipped.
 *
 * <p>Each line is parsed on its own, so a malformed line becomes one record with a
 * {@code READ_JSON_MALFORMED} violation and reading goes on with the next line. A line longer
 * than {@link ReadOptions#maxRecordChars()} rejects the rest of the file.
 */
final class JsonLinesRecordReader extends LookaheadRecordReader {

    /** Pseudo-column holding the text of a line that could not be read as a JSON object. */
    static final String RAW_LINE_COLUMN = "_line";

    private final Reader reader;
    private final Charset charset;
    private final int maxRecordChars;
    private final JsonFactory factory;
    private final Set<String> headers = new LinkedHashSet<>();
    private long line;
    private long recordCount;
    private boolean endOfFile;

    /** @param lineOffset lines consumed before the reader's first character */
    JsonLinesRecordReader(Reader reader, Charset charset, long lineOffset, ReadOptions options) {
        this.reader = reader;
        this.charset = charset;
        this.maxRecordChars = options.maxRecordChars();
        this.factory = JsonFactories.create(maxRecordChars);
        this.line = lineOffset;
    }

    @Override
    public List<String> headers() {
        return List.copyOf(headers);
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    protected SourceRecord readNext() {
        String text = readNonBlankLine();
        if (text == null) {
            return null;
        }

        recordCount++;
        try (JsonParser parser = factory.createParser(text)) {
            return parseLine(parser, text);
        } catch (JsonProcessingException e) {
            return new SourceRecord(recordCount, line, line, rawLine(text),
                    List.of(ReadViolations.violation("READ_JSON_MALFORMED", null, line, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceRecord parseLine(JsonParser parser, String text) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return new SourceRecord(recordCount, line, line, rawLine(text),
                    List.of(ReadViolations.violation("READ_JSON_NOT_OBJECT", null, line)));
        }

        JsonObjectConverter.ConvertedObject object = JsonObjectConverter.convert(parser, maxRecordChars);
        if (parser.nextToken() != null) {
            return new SourceRecord(recordCount, line, line, rawLine(text),
                    List.of(ReadViolations.violation("READ_JSON_MALFORMED", null, line, "content after the object")));
        }

        headers.addAll(object.values().keySet());
        return new SourceRecord(recordCount, line, line, object.values(), new ArrayList<>(object.violations()));
    }

    /**
     * Keeps the text of a line that is no JSON object as the record's only value, under
     * {@link #RAW_LINE_COLUMN}, so the quarantine shows what was delivered.
     */
    private static Map<String, SourceValue> rawLine(String text) {
        return Map.of(RAW_LINE_COLUMN, new SourceValue.Text(text));
    }

    private String readNonBlankLine() {
        while (!endOfFile) {
            String text = readLine();
            if (text != null && !TextNormalizer.isBlank(text)) {
                return text;
            }
        }
        return null;
    }

    /** Reads one line without its line break; null at the end of the file. */
    private String readLine() {
        StringBuilder text = new StringBuilder();
        try {
            int c;
            while ((c = reader.read()) >= 0 && c != '\n') {
                text.append((char) c);
                if (text.length() > maxRecordChars + 1) {
                    throw ReadViolations.rejection("READ_RECORD_TOO_LONG", line + 1, null, line + 1, maxRecordChars);
                }
            }
            endOfFile = c < 0;
        } catch (CharacterCodingException e) {
            throw ReadViolations.rejection("READ_CHARSET_MISMATCH", line + 1, e, line + 1, charset.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        if (endOfFile && text.isEmpty()) {
            return null;
        }
        line++;
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
