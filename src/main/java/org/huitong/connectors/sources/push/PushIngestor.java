package org.huitong.connectors.sources.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.pipeline.BatchInput;
import org.huitong.pipeline.BatchProcessor;
import org.huitong.pipeline.FileIngestor;
import org.springframework.stereotype.Component;

/**
 * Entry point of the {@code http-push} route template: runs the pushed records, the exchange's
 * body, through the {@link BatchProcessor} and replaces the body with the batch outcome. A
 * database or broker failure propagates to the caller, which responds with 503.
 *
 * <p>Pushes to one connector are processed one at a time, in arrival order. The pipeline reads a
 * record's stored version before it writes the next one, so two batches of one connector that
 * carried the same record at the same time would both publish it as new.
 */
@Component("pushIngestor")
public class PushIngestor {

    private final ConnectorRegistry registry;
    private final BatchProcessor processor;
    private final Map<String, ReentrantLock> connectorLocks = new ConcurrentHashMap<>();

    public PushIngestor(ConnectorRegistry registry, BatchProcessor processor) {
        this.registry = registry;
        this.processor = processor;
    }

    public void ingest(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        String connectorId = exchange.getMessage().getHeader(FileIngestor.CONNECTOR_ID, String.class);
        ConnectorDescriptor connector = registry.find(connectorId).orElseThrow(() ->
                new IllegalStateException("Route started for unknown connector " + connectorId));
        BatchInput input = exchange.getMessage().getMandatoryBody(BatchInput.class);
        ReentrantLock lock = connectorLocks.computeIfAbsent(connectorId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            exchange.getMessage().setBody(processor.process(connector, input));
        } finally {
            lock.unlock();
        }
    }
}
