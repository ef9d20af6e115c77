-- Read positions of incremental database sources (template jdbc-poll): the greatest
-- (timestamp, key) read so far. A row is written in the same transaction as the chunk of
-- records it covers, so the position never runs ahead of what the record store holds.
-- Values are stored as text with their Java type, so that they are bound back to the source
-- query with the type they were read with (for example a timestamp with microseconds).
CREATE TABLE source_watermarks (
    connector_id    VARCHAR(63)  PRIMARY KEY,
    timestamp_value VARCHAR(64)  NOT NULL,
    timestamp_type  VARCHAR(32)  NOT NULL,
    key_value       VARCHAR(400) NOT NULL,
    key_type        VARCHAR(32)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    batch_id        BIGINT       NOT NULL
);
