-- Idempotency keys of HTTP pushes. A push sent again with the same Idempotency-Key gets the
-- response stored for the first one instead of being processed again. A row without a
-- response is a push still being processed. Rows are deleted once expires_at has passed.
CREATE TABLE push_idempotency_keys (
    connector_id    VARCHAR(63)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    body_sha256     VARCHAR(64)  NOT NULL,
    http_status     INTEGER,
    response        VARCHAR,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connector_id, idempotency_key)
);

CREATE INDEX push_idempotency_keys_expiry_idx ON push_idempotency_keys (expires_at);
