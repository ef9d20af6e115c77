package org.huitong.connectors.sources.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body of one push: a JSON array or JSON Lines, read into memory up to the connector's
 * byte limit.
 *
 * @param jsonLines {@code true} for JSON Lines, {@code false} for a JSON array
 */
record PushBody(byte[] bytes, boolean jsonLines) {

    /** Media types of JSON Lines; {@code application/json} is a JSON array. */
    static final Set<String> JSON_LINES_TYPES = Set.of("application/x-ndjson", "application/jsonl");

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Tells from the Content-Type whether the body is JSON Lines.
     *
     * @throws PushRejectedException 415 for a missing or other media type, or a charset other
     *     than UTF-8
     */
    static boolean isJsonLines(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            throw new PushRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "push.content-type",
                    String.valueOf(contentType));
        }
        String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        boolean jsonLines = JSON_LINES_TYPES.contains(name);
        if (!jsonLines && !name.equals("application/json")) {
            throw new PushRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "push.content-type", name);
        }
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            throw new PushRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "push.charset", type.getCharset().name());
        }
        return jsonLines;
    }

    /**
     * Reads the body, never holding more than {@code maxBytes + 1} bytes.
     *
     * @throws PushRejectedException 413 if the body is longer than {@code maxBytes}, by its
     *     declared Content-Length before reading or while reading a chunked body; 400 if it is empty
     */
    static PushBody read(HttpServletRequest request, boolean jsonLines, long maxBytes) {
        rejectDeclaredLength(request.getContentLengthLong(), maxBytes);
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the body of a push", e);
        }
        if (bytes.length > maxBytes) {
            throw new PushRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "push.too-many-bytes", String.valueOf(maxBytes));
        }
        if (isBlank(bytes)) {
            throw new PushRejectedException(HttpStatus.BAD_REQUEST, "push.body-empty");
        }
        return new PushBody(bytes, jsonLines);
    }

    /** Rejects a body whose declared length is over the limit, before any of it is read. */
    static void rejectDeclaredLength(long contentLength, long maxBytes) {
        if (contentLength > maxBytes) {
            throw new PushRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "push.too-many-bytes", String.valueOf(maxBytes));
        }
    }

    /**
     * Rejects a body with more than {@code maxRecords} records, counting no further than one past
     * the limit. A JSON array that is malformed is counted up to the fault; reading it in the
     * batch then quarantines the rest with the reason.
     *
     * @throws PushRejectedException 413 for too many records, 400 if a JSON array body is not an array
     */
    void rejectTooManyRecords(int maxRecords) {
        long count = jsonLines ? countLines(maxRecords) : countArrayElements(maxRecords);
        if (count > maxRecords) {
            throw new PushRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "push.too-many-records",
                    String.valueOf(maxRecords));
        }
    }

    String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private long countLines(int maxRecords) {
        long count = 0;
        boolean content = false;
        for (byte b : bytes) {
            if (b == '\n') {
                count += content ? 1 : 0;
                content = false;
                if (count > maxRecords) {
                    return count;
                }
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return count + (content ? 1 : 0);
    }

    private long countArrayElements(int maxRecords) {
        long count = 0;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new PushRejectedException(HttpStatus.BAD_REQUEST, "push.not-an-array");
            }
            JsonToken token = parser.nextToken();
            while (token != null && token != JsonToken.END_ARRAY && count <= maxRecords) {
                count++;
                parser.skipChildren();
                token = parser.nextToken();
            }
        } catch (IOException e) {
            // A malformed array: the records before the fault are counted, and the batch reports the fault.
        }
        return count;
    }
}
