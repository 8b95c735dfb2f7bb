-- Sign-ins that are still valid. A session names its login; signing out (here or
-- everywhere) ends the login, so a request still in flight cannot bring a session back,
-- and every instance sees the end at once.
CREATE TABLE logins (
    id           TEXT    PRIMARY KEY,
    tenant       TEXT    NOT NULL,
    user_id      BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    ended_at     BIGINT
);
CREATE INDEX logins_user ON logins (tenant, user_id);

-- Rate-limit counters: hits per bucket and fixed window, shared by every instance.
CREATE TABLE rate_limits (
    bucket       TEXT    NOT NULL,
    window_start BIGINT  NOT NULL,
    hits         BIGINT  NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

-- The mailbox a person's first sign-in found, pinned to who they are at their IdP: a later
-- sign-in whose e-mail points elsewhere, or another person claiming a pinned mailbox, is
-- refused (an e-mail changed at the IdP must not hand over someone else's mail).
CREATE TABLE mailbox_pins (
    tenant     TEXT    NOT NULL,
    issuer     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    account_id TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    pinned_at  BIGINT  NOT NULL,
    PRIMARY KEY (tenant, issuer, subject),
    UNIQUE (tenant, account_id)
);
