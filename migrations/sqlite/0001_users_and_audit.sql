-- Users are keyed by (tenant, IdP subject): the subject is the only claim an IdP promises
-- never to reassign. E-mail and name are refreshed at every sign-in.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant          TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    name            TEXT,
    groups_json     TEXT    NOT NULL DEFAULT '[]',
    -- 0 or 1: sqlx::Any cannot decode SQLite booleans, so flags are integers in both dialects.
    is_admin        BIGINT  NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at      BIGINT  NOT NULL,
    last_sign_in_at BIGINT  NOT NULL,
    UNIQUE (tenant, subject)
);
CREATE INDEX users_tenant_email ON users (tenant, email);

-- Append-only record of what people did through Postern. Never holds a secret.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    tenant      TEXT    NOT NULL,
    actor_id    BIGINT,
    actor_email TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    account_id  TEXT,
    target      TEXT,
    detail_json TEXT    NOT NULL DEFAULT '{}',
    ip          TEXT,
    user_agent  TEXT
);
CREATE INDEX audit_events_tenant_at ON audit_events (tenant, at);
CREATE INDEX audit_events_actor_at ON audit_events (actor_id, at);
