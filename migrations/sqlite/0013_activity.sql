-- Postern's own x:WebHook on each mail server: the signed feed of sign-in events. Its signing
-- key is derived from the server's API key and `nonce` (HMAC), so the database holds nothing
-- that signs a delivery; `key_check` (a digest of the key) tells when the API key changed and
-- the hook must be given the new one.
CREATE TABLE webhooks (
    server             TEXT    PRIMARY KEY,
    -- The hook's id at the mail server; NULL until it was created there.
    hook_id            TEXT,
    nonce              TEXT    NOT NULL,
    key_check          TEXT    NOT NULL,
    -- The URL the hook was registered with (public URL changes re-register it).
    url                TEXT    NOT NULL,
    -- registering: an instance is creating it; applied: the server applied its settings;
    -- blocked: ReloadSettings failed on another object (problem says which and why);
    -- failed: the server could not be asked (problem says why).
    state              TEXT    NOT NULL,
    problem            TEXT,
    registered_at      BIGINT  NOT NULL,
    first_delivery_at  BIGINT,
    last_delivery_at   BIGINT
);

-- Sign-in events the mail servers reported, for the organisations' accounts only. Stalwart
-- re-sends an event with a new id after a failed delivery, and several Postern instances may
-- receive it: `dedupe` (type, time and span of the event) is unique, so it is stored once.
CREATE TABLE activity (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe        TEXT    NOT NULL UNIQUE,
    server        TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    account_id    TEXT    NOT NULL,
    -- The app password (its JMAP id) the event names; NULL for the account's own password.
    credential_id TEXT,
    kind          TEXT    NOT NULL,
    at            BIGINT  NOT NULL,
    listener      TEXT,
    remote_ip     TEXT,
    reason        TEXT
);
CREATE INDEX activity_account ON activity (organisation, account_id, at);
CREATE INDEX activity_credential ON activity (organisation, account_id, credential_id, kind, at);
CREATE INDEX activity_at ON activity (at);

-- Notification e-mails waiting to be sent (or sent): written with the action that causes
-- them, sent in the background and retried, so a slow or failing mail server never holds
-- the action up. `claimed_until` lets one instance send a row at a time.
CREATE TABLE notifications (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation  TEXT    NOT NULL,
    server        TEXT    NOT NULL,
    recipient     TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    attempts      BIGINT  NOT NULL DEFAULT 0,
    next_at       BIGINT  NOT NULL,
    claimed_until BIGINT,
    sent_at       BIGINT,
    last_error    TEXT
);
CREATE INDEX notifications_due ON notifications (sent_at, next_at);

-- The app passwords Postern last saw on each account (id and the mail server's creation
-- time), and the accounts it has looked at: a password that appears or disappears without
-- Postern making or revoking it was changed elsewhere, and is audited.
CREATE TABLE seen_accounts (
    organisation TEXT    NOT NULL,
    account_id   TEXT    NOT NULL,
    seen_at      BIGINT  NOT NULL,
    PRIMARY KEY (organisation, account_id)
);
CREATE TABLE seen_credentials (
    organisation  TEXT    NOT NULL,
    account_id    TEXT    NOT NULL,
    credential_id TEXT    NOT NULL,
    -- NULL: made by Postern, its creation time not read back yet.
    created_at    BIGINT,
    PRIMARY KEY (organisation, account_id, credential_id)
);
