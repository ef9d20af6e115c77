package org.huitong.connectors.sources.jdbc;

import java.sql.SQLException;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.DryRunResult;
import org.huitong.pipeline.DryRunner;
import org.huitong.pipeline.PipelineFailureException;
import org.huitong.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * Dry run of a {@code jdbc-poll} connector on the first page of its live database: the rows the
 * next poll would read first (after the stored watermark, in incremental mode), at most
 * {@code pageSize}. Nothing is stored, published or moved.
 */
@Component
public class JdbcDryRun {

    private final JdbcPoller poller;
    private final WatermarkStore watermarks;
    private final DryRunner dryRunner;

    public JdbcDryRun(JdbcPoller poller, WatermarkStore watermarks, DryRunner dryRunner) {
        this.poller = poller;
        this.watermarks = watermarks;
        this.dryRunner = dryRunner;
    }

    /**
     * Reads and checks the first page.
     *
     * @param pageSize rows read from the database, 1 or more; all of them are counted
     * @param shown how many records to return in full
     * @throws ConflictException if the database cannot be read; the message contains the
     *     database's error without the password
     */
    public DryRunResult run(ConnectorDescriptor connector, int pageSize, int shown) {
        JdbcPollSettings settings = poller.settings(connector);
        Watermark start = settings.incremental() ? watermarks.find(connector.id()).orElse(null) : null;
        SourceQuery query = SourceQuery.of(settings, start);
        try (SourceCursor cursor = SourceCursor.open(settings, query, pageSize)) {
            SourceRowReader reader = new SourceRowReader(connector.id(), cursor,
                    settings.incremental() ? settings.timestampColumn() : null, settings.keyColumn());
            return dryRunner.run(connector, new JdbcBatchInput(connector.id(), reader, query, watermarks,
                    start, true, false), shown);
        } catch (SQLException e) {
            throw failed(connector, e.getMessage(), settings);
        } catch (PipelineFailureException e) {
            throw failed(connector, e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), settings);
        }
    }

    private static ConflictException failed(ConnectorDescriptor connector, String error, JdbcPollSettings settings) {
        return new ConflictException("jdbc.dry-run-failed", connector.id(),
                JdbcPoller.withoutPassword(error, settings.password()));
    }
}
