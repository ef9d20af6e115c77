package org.huitong.connectors.sources.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huitong.i18n.Messages;
import org.springframework.stereotype.Component;

/** Reads the pages of an HTTP source into a JSON Lines file, for a poll or a dry run. */
@Component
public class HttpPageSpooler {

    private final HostPolicy policy;
    private final HttpSourceProperties properties;
    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper();

    public HttpPageSpooler(HostPolicy policy, HttpSourceProperties properties, Messages messages) {
        this.policy = policy;
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * Reads up to {@code pages} pages into {@code file}.
     *
     * @return the number of records read
     * @throws HttpSourceException if the source rejected the request, failed or returned something unusable
     */
    long spool(HttpPollSettings settings, Path file, int pages) throws IOException {
        try (HttpPageReader reader = new HttpPageReader(settings, policy, properties.maxRedirects(), messages);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return reader.read(pages, record -> {
                try {
                    out.write(json.writeValueAsString(record));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
