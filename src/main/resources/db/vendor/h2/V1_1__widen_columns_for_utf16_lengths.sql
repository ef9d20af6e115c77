-- H2 counts VARCHAR length in UTF-16 code units, and a character outside the Basic Multilingual
-- Plane (such as 𠮷) takes two. PostgreSQL counts characters. Doubling these limits on H2 lets
-- every value that fits on PostgreSQL fit on H2 too; on H2 alone, longer values without such
-- characters are accepted as well.

ALTER TABLE batches ALTER COLUMN source_file SET DATA TYPE VARCHAR(2048);

ALTER TABLE stored_records ALTER COLUMN business_key SET DATA TYPE VARCHAR(1024);

ALTER TABLE quarantined_records ALTER COLUMN source_file SET DATA TYPE VARCHAR(2048);

ALTER TABLE quarantine_violations ALTER COLUMN source_column SET DATA TYPE VARCHAR(2048);
