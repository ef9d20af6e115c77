package org.huitong.connectors.sources.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.huitong.connectors.ConnectorChanged;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.lifecycle.PollHealth;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.pipeline.BatchOutcome;
import org.huitong.pipeline.BatchProcessor;
import org.huitong.pipeline.FileIngestor;
import org.huitong.pipeline.PipelineFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Entry point of the {@code jdbc-poll} route template: reads one poll's rows from the
 * connector's database and runs them through the pipeline as one batch.
 *
 * <p>Polls of one connector never overlap: a per-connector lock serialises them, whichever
 * thread fires them (the interval poller, a cron scheduler or "run now"). The {@code scheduler}
 * consumer does not report a failed poll to its poll strategy, so this class records every
 * outcome in {@link PollHealth} and skips {@code retryPolls} polls after a failure itself.
 */
@Component("jdbcPoller")
public class JdbcPoller {

    private static final Logger log = LoggerFactory.getLogger(JdbcPoller.class);

    /** Parameters that decide which rows the watermark refers to. */
    private static final List<String> SOURCE_PARAMETERS = List.of("url", "table", "query", "mode",
            "timestampColumn", "keyColumn");

    private final ConnectorRegistry registry;
    private final SourceTemplates templates;
    private final ConnectorSecrets secrets;
    private final BatchProcessor processor;
    private final WatermarkStore watermarks;
    private final PollHealth health;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Integer> skipsLeft = new ConcurrentHashMap<>();

    public JdbcPoller(ConnectorRegistry registry, SourceTemplates templates, ConnectorSecrets secrets,
                      BatchProcessor processor, WatermarkStore watermarks, PollHealth health) {
        this.registry = registry;
        this.templates = templates;
        this.secrets = secrets;
        this.processor = processor;
        this.watermarks = watermarks;
        this.health = health;
    }

    /** Polls the database of the connector named by the exchange's connector id header. */
    public void poll(Exchange exchange) {
        String connectorId = exchange.getMessage().getHeader(FileIngestor.CONNECTOR_ID, String.class);
        ConnectorDescriptor connector = registry.find(connectorId).orElseThrow(() ->
                new IllegalStateException("Route started for unknown connector " + connectorId));
        ReentrantLock lock = locks.computeIfAbsent(connectorId, id -> new ReentrantLock());
        lock.lock();
        try {
            if (skipsLeft.merge(connectorId, -1, Integer::sum) >= 0) {
                return;
            }
            skipsLeft.remove(connectorId);
            exchange.getMessage().setBody(pollOnce(connector));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads the rows after the connector's watermark (or all rows, in snapshot mode) and
     * processes them as one batch.
     *
     * @return the batch outcome, or {@code null} if the poll found no rows or failed
     */
    BatchOutcome pollOnce(ConnectorDescriptor connector) {
        String id = connector.id();
        JdbcPollSettings settings;
        try {
            settings = settings(connector);
        } catch (IllegalStateException e) {
            // A secret that refers to an unset environment variable; the message names the variable, not a value.
            health.sourceUnavailable(id, e.getMessage());
            return null;
        }
        Watermark start = settings.incremental() ? watermarks.find(id).orElse(null) : null;
        SourceQuery query = SourceQuery.of(settings, start);
        SourceRowReader reader = null;
        try {
            SourceCursor cursor = SourceCursor.open(settings, query);
            try {
                reader = new SourceRowReader(id, cursor,
                        settings.incremental() ? settings.timestampColumn() : null, settings.keyColumn());
            } catch (SQLException e) {
                cursor.close();
                throw e;
            }
            if (!reader.hasNext()) {
                health.sourceAvailable(id);
                return null;
            }
            BatchOutcome outcome = processor.process(connector, new JdbcBatchInput(id, reader, query,
                    watermarks, start, settings.overlap().isZero(), !settings.incremental() && settings.deletions()));
            health.sourceAvailable(id);
            return outcome;
        } catch (SQLException e) {
            failed(id, settings, e.getMessage());
        } catch (PipelineFailureException e) {
            // The batch processor has logged it and marked the batch FAILED. A hub failure
            // (database or broker) is shown by that batch; only a source failure is a failed poll.
            if (e.part() == PipelineFailureException.Part.SOURCE) {
                failed(id, settings, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Connector {}: poll of the database failed", id, e);
            failed(id, settings, e.getMessage());
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
        return null;
    }

    private void failed(String connectorId, JdbcPollSettings settings, String error) {
        health.sourceUnavailable(connectorId, withoutPassword(error, settings.password()));
        skipsLeft.put(connectorId, settings.retryPolls());
    }

    /** Masks the password in a driver's message, in case a driver ever repeats it. */
    static String withoutPassword(String message, String password) {
        if (message == null || password == null || password.isEmpty()) {
            return message;
        }
        return message.replace(password, "********");
    }

    /**
     * Returns the connector's settings with defaults filled in and the password resolved.
     *
     * @throws IllegalStateException if a secret refers to an environment variable that is not set
     */
    JdbcPollSettings settings(ConnectorDescriptor connector) {
        SourceTemplate template = templates.find(JdbcPollSettings.TEMPLATE).orElseThrow();
        Map<String, String> parameters = new java.util.LinkedHashMap<>(template.defaults());
        parameters.putAll(secrets.resolved(connector));
        return JdbcPollSettings.from(parameters);
    }

    /**
     * Forgets the watermark of a deleted connector, and of one whose source changed (URL, table,
     * query, mode or watermark columns), so the next poll reads every row again. Rows read again
     * count as unchanged. The connector's poll lock is held meanwhile, so a poll still running
     * cannot write the old watermark back.
     */
    @EventListener
    public void onChange(ConnectorChanged change) {
        String id = change.id();
        skipsLeft.remove(id);
        boolean deleted = change.after() == null;
        if (!deleted && !change.sourceChanged(SOURCE_PARAMETERS)) {
            return;
        }
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            watermarks.delete(id);
        } finally {
            lock.unlock();
        }
        log.info("Connector {} {}; its source watermark is removed", id, deleted ? "deleted" : "reads another source");
    }
}
