package org.huitong.pipeline.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.map.TextNormalizer;

/**
 * Converts one JSON object, read from a streaming parser, to source values.
 *
 * <p>Strings become {@link SourceValue.Text}, numbers exact {@link SourceValue.Number}s with
 * their literal as displayed text, booleans {@link SourceValue.Bool}, arrays of scalars
 * {@link SourceValue.Items}; {@code null} is absent. A nested object, or an array inside an
 * array, gives a {@code READ_NESTED_VALUE} violation. A key that occurs twice keeps its first
 * value and gives a {@code READ_DUPLICATE_KEY} violation. Keys are normalised like CSV headers.
 */
final class JsonObjectConverter {

    /** The values and faults of one object. */
    record ConvertedObject(Map<String, SourceValue> values, List<Violation> violations) {
    }

    private JsonObjectConverter() {
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token, up to and
     * including its {@code END_OBJECT}.
     *
     * @param maxChars longest object accepted, in characters
     * @throws ObjectTooLongException once the object passes {@code maxChars}
     */
    static ConvertedObject convert(JsonParser parser, long maxChars) throws IOException {
        long startOffset = parser.currentTokenLocation().getCharOffset();
        Map<String, SourceValue> values = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();

        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = TextNormalizer.normalize(parser.currentName());
            JsonToken token = parser.nextToken();
            if (parser.currentLocation().getCharOffset() - startOffset > maxChars) {
                throw new ObjectTooLongException();
            }

            if (values.containsKey(key)) {
                violations.add(ReadViolations.violation("READ_DUPLICATE_KEY", key, key));
                parser.skipChildren();
                continue;
            }

            if (token == JsonToken.START_OBJECT) {
                violations.add(ReadViolations.violation("READ_NESTED_VALUE", key, key));
                parser.skipChildren();
            } else if (token == JsonToken.START_ARRAY) {
                values.put(key, readItems(parser, key, violations));
            } else if (token != JsonToken.VALUE_NULL) {
                values.put(key, readScalar(parser));
            }
        }
        return new ConvertedObject(values, violations);
    }

    private static SourceValue readItems(JsonParser parser, String key, List<Violation> violations)
            throws IOException {
        List<SourceValue> items = new ArrayList<>();
        boolean nestedReported = false;

        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (!nestedReported) {
                    violations.add(ReadViolations.violation("READ_NESTED_VALUE", key, key));
                    nestedReported = true;
                }
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                items.add(readScalar(parser));
            }
        }
        return new SourceValue.Items(items);
    }

    private static SourceValue readScalar(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> new SourceValue.Text(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new SourceValue.Number(parser.getDecimalValue(), parser.getText(), false);
            case VALUE_TRUE -> new SourceValue.Bool(true);
            case VALUE_FALSE -> new SourceValue.Bool(false);
            default -> throw new IllegalStateException("Not a JSON scalar: " + parser.currentToken());
        };
    }

    /** Thrown when one object passes the maximum record length. */
    static final class ObjectTooLongException extends IOException {
        ObjectTooLongException() {
            super("JSON object longer than the maximum record length");
        }
    }
}
