-- Partner onboarding: partners (and the operator partner, who manages every organisation)
-- create organisations in the portal as drafts, prove their mail domains through DNS, bind
-- a mail server, set up and test the IdP, then make them live.

ALTER TABLE organisations ADD COLUMN operator BIGINT NOT NULL DEFAULT 0 CHECK (operator IN (0, 1));
-- Whom the partner deals with at the organisation.
ALTER TABLE organisations ADD COLUMN contact_email TEXT;
-- The last successful test sign-in through the organisation's IdP: when, at which IdP
-- settings revision (a change of settings calls for a new test), and what it showed
-- (JSON: address, groups, whether they map to a mailbox domain and to the admin group).
ALTER TABLE organisations ADD COLUMN idp_tested_at BIGINT;
ALTER TABLE organisations ADD COLUMN idp_tested_revision BIGINT;
ALTER TABLE organisations ADD COLUMN idp_test TEXT;

-- The DNS proof of a mail domain claimed in the portal: `_postern-challenge.<domain>` TXT
-- `token=<token> expiry=<RFC 3339>`. The domain's row says pending until it is proven.
CREATE TABLE domain_proofs (
    domain          TEXT    PRIMARY KEY REFERENCES mail_domains (name),
    token           TEXT    NOT NULL,
    expires_at      BIGINT  NOT NULL,
    -- The last lookup: when, and what it showed (proven, not_seen, wrong_token, expired,
    -- unknown).
    checked_at      BIGINT,
    finding         TEXT,
    -- Whether the domain exists at the organisation's mail server because Postern created
    -- it (created) or took over one that was there (adopted); NULL: not yet.
    at_mail_server  TEXT
);

-- One-time links a partner hands an organisation's administrator to test sign-in through the
-- organisation's IdP. Only the SHA-256 of the token is kept; a link works once, for a day.
CREATE TABLE test_links (
    token_sha256 TEXT    PRIMARY KEY,
    organisation TEXT    NOT NULL REFERENCES organisations (slug),
    created_by   TEXT    NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
