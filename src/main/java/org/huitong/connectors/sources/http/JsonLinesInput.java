package org.huitong.connectors.sources.http;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.FileBatchInput;
import org.huitong.pipeline.read.ReadOptions;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;

/**
 * The records of one poll, spooled as JSON Lines to a temporary file so that a poll of many pages
 * runs through the pipeline in bounded memory.
 *
 * @param name shown in the batch list, for example {@code poll 2026-12-04T02:00:00Z}
 */
record JsonLinesInput(Path file, String name) implements BatchInput {

    @Override
    public String sha256() throws IOException {
        return FileBatchInput.sha256Of(file);
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public RecordReader open(ConnectorDescriptor connector) throws IOException {
        return RecordReaders.jsonLines(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                new ReadOptions("json", StandardCharsets.UTF_8, null, ',', ReadOptions.DEFAULT_MAX_RECORD_CHARS));
    }
}
