package org.huitong.connectors.sources.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.lifecycle.PollHealth;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.pipeline.BatchProcessor;
import org.huitong.pipeline.FileIngestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Entry point of the {@code http-poll} route template: reads every page of the connector's API
 * into one batch. After a failed poll the next ones are skipped, 1, 2, 4 ... up to
 * {@code retryPolls} scheduled polls, so a source that is down is not hammered; the first
 * successful poll resets this.
 */
@Component("httpPoller")
public class HttpPoller {

    private static final Logger log = LoggerFactory.getLogger(HttpPoller.class);

    private final ConnectorRegistry registry;
    private final ConnectorSecrets secrets;
    private final SourceTemplates templates;
    private final BatchProcessor processor;
    private final PollHealth health;
    private final HttpPageSpooler spooler;
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();

    /** Scheduled polls still to skip, and how many to skip after the next failure. */
    private record Backoff(int remaining, int next) {
    }

    public HttpPoller(ConnectorRegistry registry, ConnectorSecrets secrets, SourceTemplates templates,
                      BatchProcessor processor, PollHealth health, HttpPageSpooler spooler) {
        this.registry = registry;
        this.secrets = secrets;
        this.templates = templates;
        this.processor = processor;
        this.health = health;
        this.spooler = spooler;
    }

    /** Polls the connector named by the exchange's header, unless a backoff skips this poll. */
    public void poll(Exchange exchange) {
        String connectorId = exchange.getMessage().getHeader(FileIngestor.CONNECTOR_ID, String.class);
        ConnectorDescriptor connector = registry.find(connectorId).orElseThrow(() ->
                new IllegalStateException("Route started for unknown connector " + connectorId));
        if (skip(connectorId)) {
            return;
        }
        HttpPollSettings settings = settings(connector);
        Path spool = null;
        try {
            spool = Files.createTempFile("huitong-http-poll-", ".jsonl");
            long records = spooler.spool(settings, spool, settings.maxPages());
            if (records > 0) {
                String name = "poll " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
                processor.process(connector, new JsonLinesInput(spool, name));
            }
            backoffs.remove(connectorId);
            health.sourceAvailable(connectorId);
        } catch (HttpSourceException e) {
            failed(connectorId, settings, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the records of connector " + connectorId, e);
        } finally {
            delete(spool);
        }
    }

    /** Returns the parameters of a connector, defaults filled in and secrets resolved. */
    HttpPollSettings settings(ConnectorDescriptor connector) {
        Map<String, String> parameters = new LinkedHashMap<>(templates.find(connector.source().template())
                .orElseThrow().defaults());
        parameters.putAll(secrets.resolved(connector));
        return HttpPollSettings.of(parameters);
    }

    private boolean skip(String connectorId) {
        Backoff backoff = backoffs.get(connectorId);
        if (backoff == null || backoff.remaining() <= 0) {
            return false;
        }
        backoffs.put(connectorId, new Backoff(backoff.remaining() - 1, backoff.next()));
        return true;
    }

    private void failed(String connectorId, HttpSourceException e, int retryPolls) {
        Backoff previous = backoffs.get(connectorId);
        int skip = previous == null ? 1 : Math.min(previous.next(), retryPolls);
        backoffs.put(connectorId, new Backoff(skip, Math.min(skip * 2, retryPolls)));
        health.sourceUnavailable(connectorId, e.reason());
        log.debug("Connector {}: next {} polls skipped", connectorId, skip);
    }

    private void failed(String connectorId, HttpPollSettings settings, HttpSourceException e) {
        failed(connectorId, e, settings.retryPolls());
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Cannot delete the temporary file {}", file, e);
            }
        }
    }
}
