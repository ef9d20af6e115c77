-- H2 gives the primary key and the foreign key of stored_records generated names, so the table is
-- rebuilt with the new primary key instead of altered. The column types, including the widened
-- business_key of V1_1, stay as they were.
CREATE TABLE stored_records_rebuilt (
    record_type  VARCHAR(128)  NOT NULL,
    business_key VARCHAR(1024) NOT NULL,
    version      INTEGER       NOT NULL,
    content_hash VARCHAR(128)  NOT NULL,
    payload      VARCHAR       NOT NULL,
    connector_id VARCHAR(128)  NOT NULL,
    batch_id     BIGINT        NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (business_key, record_type)
);

INSERT INTO stored_records_rebuilt (record_type, business_key, version, content_hash, payload, connector_id,
                                    batch_id, updated_at)
SELECT record_type, business_key, version, content_hash, payload, connector_id, batch_id, updated_at
FROM stored_records;

DROP TABLE stored_records;

ALTER TABLE stored_records_rebuilt RENAME TO stored_records;
