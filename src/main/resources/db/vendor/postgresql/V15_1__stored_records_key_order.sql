-- The primary key of stored_records becomes (business_key, record_type), which makes the unique
-- index of V2 redundant, and the foreign key to batches goes (see V15).
ALTER TABLE stored_records DROP CONSTRAINT stored_records_batch_id_fkey;
ALTER TABLE stored_records DROP CONSTRAINT stored_records_pkey;
ALTER TABLE stored_records ADD PRIMARY KEY (business_key, record_type);
DROP INDEX stored_records_business_key;
