package org.huitong.pipeline;

import java.io.File;
import org.apache.camel.Exchange;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorDescriptor;
import org.springframework.stereotype.Component;

/**
 * Entry point of the {@code file-drop} route template: hands a delivered file to the
 * {@link BatchProcessor} and sets the header that names the archive folder.
 */
@Component("fileIngestor")
public class FileIngestor {

    /** Header naming the inbox subfolder the file moves to after processing. */
    public static final String ARCHIVE_FOLDER = "HuitongArchiveFolder";

    /** Header carrying the connector id, set by the route template. */
    public static final String CONNECTOR_ID = "HuitongConnectorId";

    private final ConnectorRegistry registry;
    private final BatchProcessor processor;

    public FileIngestor(ConnectorRegistry registry, BatchProcessor processor) {
        this.registry = registry;
        this.processor = processor;
    }

    /**
     * Processes the exchange's file. A file that could not be read at all is archived under
     * {@code .rejected}, every other under {@code .done}. A database or broker failure
     * propagates, so the route leaves the file in the inbox for a later poll.
     */
    public void ingest(Exchange exchange) {
        String connectorId = exchange.getMessage().getHeader(CONNECTOR_ID, String.class);
        ConnectorDescriptor connector = registry.find(connectorId).orElseThrow(() ->
                new IllegalStateException("Route started for unknown connector " + connectorId));
        File file = exchange.getMessage().getBody(File.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);

        BatchOutcome outcome = processor.process(connector, file.toPath(), fileName);

        exchange.getMessage().setHeader(ARCHIVE_FOLDER,
                outcome.status() == BatchStatus.REJECTED ? ".rejected" : ".done");
        exchange.getMessage().setBody(outcome);
    }
}
