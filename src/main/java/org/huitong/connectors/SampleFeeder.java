package org.huitong.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.huitong.batches.BatchRepository;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the hub's first run, drops the sample files of {@code samples/<connector-id>/} into each
 * connector's inbox, so a newcomer sees records published and quarantined straight away.
 *
 * <p>"First run" means the database holds no batch yet. The files are delivered the way a
 * department should deliver them: copied under a temporary name, then renamed, with a
 * {@code .done} marker for connectors that use the done-file protocol.
 */
@Component
public class SampleFeeder {

    private static final Logger log = LoggerFactory.getLogger(SampleFeeder.class);

    private final ConnectorRegistry registry;
    private final ConnectorRuntime runtime;
    private final BatchRepository batches;
    private final Path samplesDir;
    private final boolean enabled;

    public SampleFeeder(ConnectorRegistry registry, ConnectorRuntime runtime, BatchRepository batches,
                        @Value("${huitong.samples.dir:samples}") Path samplesDir,
                        @Value("${huitong.samples.feed-on-first-run:true}") boolean enabled) {
        this.registry = registry;
        this.runtime = runtime;
        this.batches = batches;
        this.samplesDir = samplesDir;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void feedOnFirstRun() throws IOException {
        if (!enabled || !batches.find(null, 0, 1).isEmpty() || !Files.isDirectory(samplesDir)) {
            return;
        }
        for (ConnectorEntry entry : registry.entries()) {
            Path source = samplesDir.resolve(entry.id());
            if (entry.valid() && FileDropSource.TEMPLATE.equals(entry.descriptor().source().template())
                    && Files.isDirectory(source)) {
                feed(entry.descriptor(), source);
            }
        }
    }

    private void feed(ConnectorDescriptor connector, Path source) throws IOException {
        Path inbox = runtime.inbox(connector.id());
        Files.createDirectories(inbox);
        boolean doneFile = "true".equals(connector.source().parameters().get("doneFile"));
        for (Path sample : sampleFiles(source)) {
            String name = sample.getFileName().toString();
            Path temporary = inbox.resolve(name + ".part");
            Files.copy(sample, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            if (doneFile) {
                Files.createFile(inbox.resolve(name + ".done"));
            }
            log.info("First run: dropped sample {} into the inbox of connector {}", name,
                    connector.id());
        }
    }

    private static List<Path> sampleFiles(Path source) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
