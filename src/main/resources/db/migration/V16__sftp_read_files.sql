-- Files that sftp-poll connectors with afterRead: keep have read (SftpReadFiles). Camel's
-- JdbcMessageIdRepository reads and writes the table with these column names: processorName is
-- the connector id, and messageId the file's name, size and modification time.
CREATE TABLE sftp_read_files (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1024) NOT NULL,
    createdAt     TIMESTAMP     NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
