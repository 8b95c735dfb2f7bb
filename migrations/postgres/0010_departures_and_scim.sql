-- People their organisation's IdP says are gone (deactivated or deleted, told by SCIM or found
-- by the reconciler). Inserting the row is the claim: two instances told the same thing act
-- once. `revoked_at` is set when the person's app passwords and API keys are gone at the mail
-- server; until then an instance takes the row for a try (`attempt_at`, a short lease) and
-- others leave it alone. The person coming back (reactivated) deletes the row.
CREATE TABLE departures (
    organisation TEXT    NOT NULL,
    user_id      BIGINT  NOT NULL,
    source       TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    noticed_at   BIGINT  NOT NULL,
    revoked_at   BIGINT,
    revoked      BIGINT  NOT NULL DEFAULT 0,
    attempt_at   BIGINT,
    attempts     BIGINT  NOT NULL DEFAULT 0,
    last_error   TEXT,
    PRIMARY KEY (organisation, user_id)
);
CREATE INDEX departures_pending ON departures (revoked_at, attempt_at);

-- Each organisation's SCIM bearer token, as its SHA-256 (the token is random, 256 bits, shown
-- once); replacing it deletes the old one.
CREATE TABLE scim_tokens (
    organisation TEXT    PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT
);

-- The users an IdP's SCIM client pushed, as it sent them (echoed back on GET), with our id.
CREATE TABLE scim_users (
    id            TEXT    PRIMARY KEY,
    organisation  TEXT    NOT NULL,
    user_name     TEXT    NOT NULL,
    external_id   TEXT,
    active        BIGINT  NOT NULL CHECK (active IN (0, 1)),
    resource_json TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    UNIQUE (organisation, user_name)
);
CREATE INDEX scim_users_external ON scim_users (organisation, external_id);

-- Back-channel logout tokens seen, by issuer and jti, until they expire: a replayed token is
-- refused on every instance.
CREATE TABLE logout_tokens (
    issuer     TEXT    NOT NULL,
    jti        TEXT    NOT NULL,
    expires_at BIGINT  NOT NULL,
    PRIMARY KEY (issuer, jti)
);

-- The reconciler's state per organisation: one row, shared by every instance. A run is taken
-- by setting `lease_until` (only when it has passed), so two instances never run one
-- organisation's sync at once; `failures` counts runs in a row that could not reach the IdP.
CREATE TABLE sync_runs (
    organisation TEXT    PRIMARY KEY,
    lease_until  BIGINT  NOT NULL DEFAULT 0,
    next_run_at  BIGINT  NOT NULL DEFAULT 0,
    last_run_at  BIGINT,
    last_ok_at   BIGINT,
    checked      BIGINT  NOT NULL DEFAULT 0,
    departed     BIGINT  NOT NULL DEFAULT 0,
    unknown      BIGINT  NOT NULL DEFAULT 0,
    failures     BIGINT  NOT NULL DEFAULT 0,
    last_error   TEXT
);

-- A person's id in the IdP's API when it is not their OIDC subject (Entra ID: the `oid`
-- claim), noted at sign-in.
CREATE TABLE directory_ids (
    organisation TEXT    NOT NULL,
    user_id      BIGINT  NOT NULL,
    directory_id TEXT    NOT NULL,
    PRIMARY KEY (organisation, user_id)
);

-- The IdP's session a login came from (the ID token's `sid`), so that a back-channel logout
-- naming it ends that login and not the person's others.
ALTER TABLE logins ADD COLUMN idp_session TEXT;
