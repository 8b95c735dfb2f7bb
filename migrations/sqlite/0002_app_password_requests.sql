-- One row per submitted "create app password" form, keyed by the form's random request id.
-- It makes a resubmitted form (reload, double click, retry after a timeout) refer to the
-- first attempt instead of minting a second password. Never holds the secret.
CREATE TABLE app_password_requests (
    request_id    TEXT    PRIMARY KEY,
    tenant        TEXT    NOT NULL,
    user_id       BIGINT  NOT NULL,
    name          TEXT    NOT NULL,
    -- pending: sent to Stalwart; done: created; unknown: Stalwart did not answer in time.
    state         TEXT    NOT NULL,
    credential_id TEXT,
    created_at    BIGINT  NOT NULL,
    finished_at   BIGINT
);
CREATE INDEX app_password_requests_user ON app_password_requests (tenant, user_id, created_at);
