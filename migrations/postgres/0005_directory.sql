-- Organisations, their mail domains, identity providers and mail servers: the directory.
-- postern.toml seeds it at every start (rows marked from_config, shown read-only); partners
-- and operator commands add the rest. Secrets are sealed (XChaCha20-Poly1305) with the key
-- named in *_key_id; a NULL secret means "written in postern.toml", never copied here.
-- Flags are 0/1 integers (sqlx::Any cannot decode SQLite booleans).

CREATE TABLE mail_servers (
    name           TEXT    PRIMARY KEY,
    url            TEXT    NOT NULL,
    api_key        TEXT,
    api_key_key_id TEXT,
    timeout_ms     BIGINT  NOT NULL,
    -- The partner organisation whose organisations may use it; NULL: the operator's.
    managed_by     TEXT,
    from_config    BIGINT  NOT NULL DEFAULT 0 CHECK (from_config IN (0, 1)),
    -- Raised at every change, so cached clients know they are stale.
    revision       BIGINT  NOT NULL DEFAULT 1,
    updated_at     BIGINT  NOT NULL
);

CREATE TABLE organisations (
    slug                    TEXT    PRIMARY KEY,
    display_name            TEXT    NOT NULL,
    -- draft (being onboarded), active, suspended
    status                  TEXT    NOT NULL,
    -- Why it is suspended: config_removed (gone from postern.toml), operator, partner.
    status_reason           TEXT,
    managed_by              TEXT,
    partner                 BIGINT  NOT NULL DEFAULT 0 CHECK (partner IN (0, 1)),
    mail_server             TEXT    REFERENCES mail_servers (name),
    imap_host               TEXT    NOT NULL,
    imap_port               BIGINT  NOT NULL,
    smtp_host               TEXT    NOT NULL,
    smtp_port               BIGINT  NOT NULL,
    fresh_auth_max_age_secs BIGINT  NOT NULL,
    mailbox_passwords       TEXT    NOT NULL,
    provision_mailboxes     BIGINT  NOT NULL CHECK (provision_mailboxes IN (0, 1)),
    require_verified_email  BIGINT  NOT NULL CHECK (require_verified_email IN (0, 1)),
    session_lifetime_secs   BIGINT  NOT NULL,
    session_idle_secs       BIGINT  NOT NULL,
    admin_recheck_secs      BIGINT  NOT NULL,
    from_config             BIGINT  NOT NULL DEFAULT 0 CHECK (from_config IN (0, 1)),
    created_at              BIGINT  NOT NULL,
    updated_at              BIGINT  NOT NULL
);

-- A domain belongs to exactly one organisation: the name is the key.
CREATE TABLE mail_domains (
    name         TEXT    PRIMARY KEY,
    organisation TEXT    NOT NULL REFERENCES organisations (slug),
    -- verified, pending
    verification TEXT    NOT NULL,
    from_config  BIGINT  NOT NULL DEFAULT 0 CHECK (from_config IN (0, 1)),
    created_at   BIGINT  NOT NULL
);
CREATE INDEX mail_domains_organisation ON mail_domains (organisation);

CREATE TABLE identity_providers (
    organisation         TEXT    PRIMARY KEY REFERENCES organisations (slug),
    issuer               TEXT    NOT NULL,
    client_id            TEXT    NOT NULL,
    client_secret        TEXT,
    client_secret_key_id TEXT,
    -- Space-separated, as in an OAuth scope parameter.
    scopes               TEXT    NOT NULL,
    email_claim          TEXT    NOT NULL,
    groups_claim         TEXT    NOT NULL,
    admin_group          TEXT,
    login_hint           TEXT    NOT NULL,
    revision             BIGINT  NOT NULL DEFAULT 1,
    updated_at           BIGINT  NOT NULL
);

-- One row, raised by every change to the tables above: each instance polls it and reloads
-- its cache when it moves (a change on one instance is seen by all within a second).
CREATE TABLE directory_version (
    id      BIGINT  PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
