package org.huitong.pipeline.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charset a text file is decoded with.
 *
 * @param charset the charset of the file's content
 * @param byteOrderMarkLength bytes of byte-order mark at the start of the file, skipped when
 *     reading; 0 when the file has none
 */
public record DetectedCharset(Charset charset, int byteOrderMarkLength) {

    /**
     * Opens {@code file} for reading text after its byte-order mark. Decoding is strict: a byte
     * sequence that is invalid in the charset makes {@code read} throw
     * {@link java.nio.charset.MalformedInputException} instead of inserting U+FFFD.
     */
    public Reader openReader(Path file) throws IOException {
        InputStream input = Files.newInputStream(file);
        try {
            input.skipNBytes(byteOrderMarkLength);
        } catch (IOException e) {
            input.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(input, strictDecoder(charset)));
    }

    /** Returns a decoder of {@code charset} that reports malformed and unmappable input. */
    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
