-- The pipeline looks up a chunk's business keys with business_key IN (...). H2 does not use the
-- primary key (record_type, business_key) for an IN list on its second column: it scanned every
-- row of the record type, so each chunk got slower as the store grew. An index that starts with
-- business_key serves the IN list on both databases.
CREATE UNIQUE INDEX stored_records_business_key ON stored_records (business_key, record_type);
