package org.huitong.pipeline.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import org.huitong.pipeline.Violation;

/**
 * Streams the objects of a top-level JSON array with Jackson's {@link JsonParser}.
 *
 * <p>An element that is not an object becomes a record with a {@code READ_JSON_NOT_OBJECT}
 * violation. Malformed JSON rejects the rest of the file, naming the line where parsing
 * stopped, because the parser cannot find the start of the next element reliably.
 */
final class JsonArrayRecordReader extends LookaheadRecordReader {

    private final JsonParser parser;
    private final Charset charset;
    private final long lineOffset;
    private final int maxRecordChars;
    private final Set<String> headers = new LinkedHashSet<>();
    private long recordCount;

    /**
     * @param lineOffset lines consumed before the reader's first character, added to the
     *     parser's line numbers
     */
    JsonArrayRecordReader(Reader reader, Charset charset, long lineOffset, ReadOptions options) throws IOException {
        this.parser = JsonFactories.create(options.maxRecordChars()).createParser(reader);
        this.charset = charset;
        this.lineOffset = lineOffset;
        this.maxRecordChars = options.maxRecordChars();
        expectArrayStart();
    }

    private void expectArrayStart() {
        JsonToken first = nextToken();
        if (first != JsonToken.START_ARRAY) {
            throw ReadViolations.rejection("READ_JSON_TOP_LEVEL", currentLine(), null);
        }
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
        JsonToken token = nextToken();
        if (token == JsonToken.END_ARRAY) {
            rejectTrailingContent();
            return null;
        }
        if (token == null) {
            throw ReadViolations.rejection("READ_JSON_MALFORMED", currentLine(), null, currentLine(),
                    "end of file before the closing ]");
        }

        long firstLine = currentLine();
        recordCount++;
        if (token != JsonToken.START_OBJECT) {
            skipChildren();
            Violation notObject = ReadViolations.violation("READ_JSON_NOT_OBJECT", null, firstLine);
            return new SourceRecord(recordCount, firstLine, currentLine(), Map.of(), List.of(notObject));
        }

        JsonObjectConverter.ConvertedObject object = convertObject(firstLine);
        headers.addAll(object.values().keySet());
        return new SourceRecord(recordCount, firstLine, currentLine(), object.values(),
                new ArrayList<>(object.violations()));
    }

    private JsonObjectConverter.ConvertedObject convertObject(long firstLine) {
        try {
            return JsonObjectConverter.convert(parser, maxRecordChars);
        } catch (JsonObjectConverter.ObjectTooLongException e) {
            throw ReadViolations.rejection("READ_RECORD_TOO_LONG", firstLine, e, firstLine, maxRecordChars);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private void rejectTrailingContent() {
        if (nextToken() != null) {
            throw ReadViolations.rejection("READ_JSON_MALFORMED", currentLine(), null, currentLine(),
                    "content after the closing ]");
        }
    }

    private JsonToken nextToken() {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private void skipChildren() {
        try {
            parser.skipChildren();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private FileRejectedException translate(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return ReadViolations.rejection("READ_RECORD_TOO_LONG", currentLine(), e, currentLine(), maxRecordChars);
        }
        if (e instanceof JsonProcessingException malformed) {
            long line = malformed.getLocation() == null ? currentLine() : malformed.getLocation().getLineNr() + lineOffset;
            return ReadViolations.rejection("READ_JSON_MALFORMED", line, e, line, malformed.getOriginalMessage());
        }
        if (e instanceof CharacterCodingException) {
            return ReadViolations.rejection("READ_CHARSET_MISMATCH", currentLine(), e, currentLine(), charset.name());
        }
        throw new UncheckedIOException(e);
    }

    private long currentLine() {
        return parser.currentLocation().getLineNr() + lineOffset;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
