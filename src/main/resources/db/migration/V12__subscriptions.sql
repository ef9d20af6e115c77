-- Subscribers (downstream systems) and their subscriptions to record types.
--
-- A subscriber's broker password is stored only as a DelegatingPasswordEncoder hash, and a
-- webhook signing secret only encrypted by the hub's secret key (enc:v1:...), so neither table
-- gives back a working credential.

CREATE TABLE subscribers (
    id                   VARCHAR(63)   PRIMARY KEY,
    name                 VARCHAR(256)  NOT NULL,
    department_code      VARCHAR(63)   NOT NULL,
    contact              VARCHAR(512)  NOT NULL,
    description          VARCHAR(2000),
    broker_password_hash VARCHAR(256)  NOT NULL,
    enabled              BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(256)  NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE
);

CREATE INDEX subscribers_department_idx ON subscribers (department_code, id);

-- Numbers the subscriptions: the id of subscription 42 is sub-42.
CREATE SEQUENCE subscription_numbers START WITH 1;

CREATE TABLE subscriptions (
    id                  VARCHAR(63)   PRIMARY KEY,
    subscriber_id       VARCHAR(63)   NOT NULL REFERENCES subscribers (id),
    record_type         VARCHAR(128)  NOT NULL,
    -- JSON: the filter object, the granted fields and the fields granted in clear.
    filter_json         VARCHAR       NOT NULL,
    fields_json         VARCHAR       NOT NULL,
    clear_fields_json   VARCHAR       NOT NULL,
    purpose             VARCHAR(2000) NOT NULL,
    provider_department VARCHAR(63),
    status              VARCHAR(16)   NOT NULL,
    webhook_url         VARCHAR(2048),
    webhook_batch_size  INTEGER,
    webhook_secret      VARCHAR(512),
    decided_by          VARCHAR(256),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_reason     VARCHAR(2000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(256)  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT subscriptions_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'REFUSED', 'REVOKED')),
    CONSTRAINT subscriptions_webhook_check CHECK (
        (webhook_url IS NULL AND webhook_secret IS NULL)
        OR (webhook_url IS NOT NULL AND webhook_secret IS NOT NULL AND webhook_batch_size IS NOT NULL))
);

CREATE INDEX subscriptions_subscriber_idx ON subscriptions (subscriber_id, id);
CREATE INDEX subscriptions_status_idx ON subscriptions (status, id);

-- A subscriber's API keys belong to it: role SUBSCRIBER with the subscriber's id, no department.
ALTER TABLE api_key ADD COLUMN subscriber_id VARCHAR(63) REFERENCES subscribers (id);
ALTER TABLE api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check
    CHECK (role IN ('ADMIN', 'OPERATOR', 'DEPARTMENT_ADMIN', 'AUDITOR', 'SUBSCRIBER'));
ALTER TABLE api_key ADD CONSTRAINT api_key_subscriber_check CHECK (
    (role = 'SUBSCRIBER' AND subscriber_id IS NOT NULL)
    OR (role <> 'SUBSCRIBER' AND subscriber_id IS NULL));
CREATE INDEX api_key_subscriber_idx ON api_key (subscriber_id, id);
