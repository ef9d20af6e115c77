-- Fewer index entries per published record. On H2 every index entry a transaction changes is
-- settled again at commit, and the ingest profile showed the commit as the largest single cost,
-- so each index left out makes ingest faster.
--
-- published_events: the catch-up feed finds a start time and the purge finds expired events by a
-- binary search over seq (PublishedEventLog), because publication times grow with seq apart from
-- chunks that commit out of order. The index on published_at is no longer read.
DROP INDEX published_events_published_at_idx;

-- stored_records: the primary key becomes (business_key, record_type), the order in which the
-- pipeline looks keys up, so the separate unique index is no longer needed. The foreign key to
-- batches goes too, because on H2 it had an index of its own. The hub writes batch_id only with
-- the id of a batch it created before, and never deletes batches. The statements differ between
-- the databases, so they are in db/vendor.
