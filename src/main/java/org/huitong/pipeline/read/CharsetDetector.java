package org.huitong.pipeline.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the charset of a CSV or JSON file.
 *
 * <p>The order is: the connector's override, which the whole file must decode in (else
 * {@code READ_CHARSET_MISMATCH}); else a byte-order mark (UTF-8, UTF-16BE or
 * UTF-16LE); else UTF-8 if the whole file decodes strictly as UTF-8; else GB18030 (the
 * superset of GBK that Chinese Excel writes without a byte-order mark) if the whole file
 * decodes strictly as GB18030. A file that neither decodes is rejected with
 * {@code READ_CHARSET_UNDECODABLE}, naming the byte offset and line of the first invalid byte
 * under each charset. The check reads the file once in fixed-size chunks, so memory stays
 * bounded.
 *
 * <p>NOTE: GB18030 accepts most byte sequences, so a file mixing UTF-8 and GBK text often
 * decodes as GB18030 with garbled UTF-8 parts. Only a mix that also breaks GB18030 is caught
 * here; garbled names then fail later checks such as identifier formats.
 */
public final class CharsetDetector {

    /** Charsets tried, in order, for a file without override or byte-order mark. */
    static final List<Charset> CANDIDATES = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"));

    private static final Logger LOG = LoggerFactory.getLogger(CharsetDetector.class);
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private CharsetDetector() {
    }

    /**
     * Detects the charset of {@code file}.
     *
     * @param override the connector's charset, or {@code null} to detect; a byte-order mark
     *     of the same charset is still skipped
     * @throws FileRejectedException with code {@code READ_CHARSET_UNDECODABLE}
     */
    public static DetectedCharset detect(Path file, Charset override) throws IOException {
        Optional<DetectedCharset> byteOrderMark = detectByteOrderMark(file);
        if (override != null) {
            boolean sameCharset = byteOrderMark.filter(bom -> bom.charset().equals(override)).isPresent();
            rejectIfInvalid(file, override);
            return new DetectedCharset(override, sameCharset ? byteOrderMark.get().byteOrderMarkLength() : 0);
        }

        if (byteOrderMark.isPresent()) {
            return byteOrderMark.get();
        }

        List<Object> failurePositions = new ArrayList<>();
        for (Charset candidate : CANDIDATES) {
            Optional<DecodeFailure> failure = findFirstInvalidByte(file, candidate);
            if (failure.isEmpty()) {
                LOG.debug("Detected charset {} for {}", candidate, file.getFileName());
                return new DetectedCharset(candidate, 0);
            }
            failurePositions.add(failure.get().line());
            failurePositions.add(failure.get().byteOffset());
        }

        // Arguments: line and byte offset of the first invalid byte under UTF-8, then under GB18030.
        long firstLine = (long) failurePositions.get(0);
        throw ReadViolations.rejection("READ_CHARSET_UNDECODABLE", firstLine, null, failurePositions.toArray());
    }

    /**
     * Rejects a file that is invalid in the connector's charset before parsing starts, because
     * the decoder reads ahead and could not name the line of the first invalid byte.
     */
    private static void rejectIfInvalid(Path file, Charset charset) throws IOException {
        Optional<DecodeFailure> failure = findFirstInvalidByte(file, charset);
        if (failure.isPresent()) {
            long line = failure.get().line();
            throw ReadViolations.rejection("READ_CHARSET_MISMATCH", line, null, line, charset.name());
        }
    }

    private static Optional<DetectedCharset> detectByteOrderMark(Path file) throws IOException {
        byte[] start;
        try (InputStream input = Files.newInputStream(file)) {
            start = input.readNBytes(3);
        }

        if (startsWith(start, UTF8_BOM)) {
            return Optional.of(new DetectedCharset(StandardCharsets.UTF_8, UTF8_BOM.length));
        }
        if (startsWith(start, UTF16BE_BOM)) {
            return Optional.of(new DetectedCharset(StandardCharsets.UTF_16BE, UTF16BE_BOM.length));
        }
        if (startsWith(start, UTF16LE_BOM)) {
            return Optional.of(new DetectedCharset(StandardCharsets.UTF_16LE, UTF16LE_BOM.length));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Decodes the whole file strictly and returns where the first invalid byte sits, if any. */
    static Optional<DecodeFailure> findFirstInvalidByte(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = DetectedCharset.strictDecoder(charset);
        ByteBuffer in = ByteBuffer.allocate(CHUNK_BYTES);
        CharBuffer out = CharBuffer.allocate(CHUNK_BYTES);
        long bufferStartOffset = 0;
        long line = 1;

        try (FileChannel channel = FileChannel.open(file)) {
            boolean endOfInput = false;
            while (true) {
                endOfInput = endOfInput || channel.read(in) < 0;
                in.flip();

                CoderResult result = decoder.decode(in, out, endOfInput);
                line += countLineFeeds(out);
                if (result.isError()) {
                    return Optional.of(new DecodeFailure(bufferStartOffset + in.position(), line));
                }
                if (endOfInput && result.isUnderflow()) {
                    return Optional.empty();
                }

                bufferStartOffset += in.position();
                in.compact();
            }
        }
    }

    private static long countLineFeeds(CharBuffer out) {
        out.flip();
        long count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }

    /** The first byte that a charset cannot decode: 0-based byte offset and 1-based line. */
    record DecodeFailure(long byteOffset, long line) {
    }
}
