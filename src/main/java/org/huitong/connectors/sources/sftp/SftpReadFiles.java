package org.huitong.connectors.sources.sftp;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
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
 */
// NOTE: the rows of a deleted connector stay in the table, because the removal of a route on an
// update and on a deletion look the same to SourceSupport. A connector created later with the
// same id skips those files.
@Component
public class SftpReadFiles {

    static final String TABLE = "sftp_read_files";

    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    public SftpReadFiles(DataSource dataSource, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
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
