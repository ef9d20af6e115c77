package org.huitong.connectors.sources.sftp;

import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.huitong.connectors.ConnectorChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers the files that {@code sftp-poll} connectors with {@code afterRead: keep} have read,
 * in table {@code sftp_read_files}, so that a file left on the server is read again only when
 * its size or modification time changes, also after a restart of the hub.
 *
 * <p>Each connector gets Camel's {@link JdbcMessageIdRepository} with the connector id as its
 * processor name, bound in the Camel registry for the route's {@code idempotentRepository}.
 * Camel adds a file's key when it starts reading the file and removes it again if processing
 * fails, so a file whose batch failed is read again on a later poll.
 *
 * <p>A connector's rows are removed when it is deleted or pointed at another server, folder or
 * login, so that a new connector with the same id, or the new folder, is read in full.
 */
@Component
public class SftpReadFiles {

    static final String TABLE = "sftp_read_files";

    /** Parameters that decide which files a connector lists. A change points it at other files. */
    private static final List<String> LOCATION_PARAMETERS = List.of("host", "port", "username", "directory");

    private static final Logger log = LoggerFactory.getLogger(SftpReadFiles.class);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public SftpReadFiles(DataSource dataSource, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Forgets the files a connector has read when it is deleted or reads another location. */
    @EventListener
    public void onChange(ConnectorChanged change) {
        boolean deleted = change.before() != null && change.after() == null;
        if (!deleted && !change.sourceChanged(LOCATION_PARAMETERS)) {
            return;
        }
        int removed = jdbc.update("DELETE FROM " + TABLE + " WHERE processorName = ?", change.id());
        if (removed > 0) {
            log.info("Connector {} {}; forgot {} files it had read", change.id(),
                    deleted ? "deleted" : "reads another SFTP location", removed);
        }
    }

    /** Binds the repository of the connector in Camel's registry and returns the bean name. */
    String bind(CamelContext camel, String connectorId) {
        String name = beanName(connectorId);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, transactions, connectorId);
        repository.setTableName(TABLE);
        repository.setCreateTableIfNotExists(false);
        camel.getRegistry().bind(name, repository);
        return name;
    }

    /** Removes the connector's repository from Camel's registry; the rows in the table stay. */
    void unbind(CamelContext camel, String connectorId) {
        camel.getRegistry().unbind(beanName(connectorId));
    }

    private static String beanName(String connectorId) {
        return "huitong-sftp-read-" + connectorId;
    }
}
