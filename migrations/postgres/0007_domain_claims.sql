-- Several organisations may claim one mail domain; the first to prove it wins, and the other
-- claims end. A pending claim blocks nobody, names nobody, and expires with its token. Only a
-- proven (or postern.toml) domain has a mail_domains row; its proof stays in domain_proofs.
CREATE TABLE domain_claims (
    domain       TEXT    NOT NULL,
    organisation TEXT    NOT NULL REFERENCES organisations (slug),
    token        TEXT    NOT NULL,
    expires_at   BIGINT  NOT NULL,
    checked_at   BIGINT,
    -- The last lookup: proven, not_seen, wrong_token, expired, unknown.
    finding      TEXT,
    created_at   BIGINT  NOT NULL,
    -- Why the claim ended without this organisation proving it: lost (another organisation
    -- proved the name first), config (postern.toml declares it). NULL: open.
    ended        TEXT,
    PRIMARY KEY (domain, organisation)
);
CREATE INDEX domain_claims_organisation ON domain_claims (organisation);

INSERT INTO domain_claims (domain, organisation, token, expires_at, checked_at, finding, created_at)
    SELECT p.domain, d.organisation, p.token, p.expires_at, p.checked_at, p.finding, d.created_at
    FROM domain_proofs p JOIN mail_domains d ON d.name = p.domain
    WHERE d.verification = 'pending';
DELETE FROM domain_proofs
    WHERE domain IN (SELECT name FROM mail_domains WHERE verification = 'pending');
DELETE FROM mail_domains WHERE verification = 'pending';

-- A proven domain's MX is looked up again in the background: it must keep pointing at the
-- organisation's mail server (the proof record itself may go once the domain is live).
ALTER TABLE domain_proofs ADD COLUMN mx_checked_at BIGINT;
-- ok, elsewhere (the MX names other hosts), unknown; NULL: not checked yet.
ALTER TABLE domain_proofs ADD COLUMN mx_state TEXT;
