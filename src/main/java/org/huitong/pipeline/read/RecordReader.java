package org.huitong.pipeline.read;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of one source file in bounded memory.
 *
 * <p>{@link #next()} throws {@link FileRejectedException} (unchecked) when the rest of the file
 * cannot be read, for example an unterminated quote or malformed JSON; the exception names the
 * line where reading stopped, and the records returned before it stay valid.
 */
public interface RecordReader extends Iterator<SourceRecord>, Closeable {

    /** Source column names in file order, normalised (byte-order mark removed, NFKC, trimmed). */
    List<String> headers();

    /** The charset the file was decoded with, or {@code null} for binary formats (XLSX). */
    default java.nio.charset.Charset charset() {
        return null;
    }
}
