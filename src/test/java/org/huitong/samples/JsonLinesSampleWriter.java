package org.huitong.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a sample JSON Lines file: UTF-8 without a byte-order mark, one line per row, LF endings. */
final class JsonLinesSampleWriter {

    private JsonLinesSampleWriter() {
    }

    static void write(SampleFile file, Path target) throws IOException {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (SampleRow row : file.rows()) {
                writer.write(row.jsonLine());
                writer.write('\n');
            }
        }
    }
}
