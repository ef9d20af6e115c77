package org.huitong.connectors.sources.sftp;

import java.io.File;
import org.apache.camel.Exchange;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.pipeline.BatchOutcome;
import org.huitong.pipeline.BatchProcessor;
import org.huitong.pipeline.FileBatchInput;
import org.huitong.pipeline.FileIngestor;
import org.springframework.stereotype.Component;

/**
 * Entry point of the {@code sftp-poll} route template: processes a downloaded file as one batch
 * and names the remote folder it moves to afterwards.
 */
@Component("sftpIngestor")
public class SftpIngestor {

    /** Header with the remote folder for processed files, set by the route template. */
    static final String DONE_FOLDER = "HuitongArchiveDone";

    /** Header with the remote folder for files that could not be read, set by the route template. */
    static final String REJECTED_FOLDER = "HuitongArchiveRejected";

    private final ConnectorRegistry registry;
    private final BatchProcessor processor;

    public SftpIngestor(ConnectorRegistry registry, BatchProcessor processor) {
        this.registry = registry;
        this.processor = processor;
    }

    /**
     * Processes the exchange's local work file. A file that could not be read at all moves to
     * the rejected folder, every other to the done folder. A database or broker failure
     * propagates, so the file stays on the server for a later poll.
     */
    public void ingest(Exchange exchange) {
        String connectorId = exchange.getMessage().getHeader(FileIngestor.CONNECTOR_ID, String.class);
        ConnectorDescriptor connector = registry.find(connectorId).orElseThrow(() ->
                new IllegalStateException("Route started for unknown connector " + connectorId));
        File file = exchange.getMessage().getBody(File.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);

        BatchOutcome outcome = processor.process(connector, new FileBatchInput(file.toPath(), fileName));

        String folder = outcome.status() == BatchStatus.REJECTED ? REJECTED_FOLDER : DONE_FOLDER;
        exchange.getMessage().setHeader(FileIngestor.ARCHIVE_FOLDER,
                exchange.getMessage().getHeader(folder, String.class));
        exchange.getMessage().setBody(outcome);
    }
}
