-- Publishing a domain's DNS records through its mail server (Stalwart's x:DnsServer, RFC 2136
-- with TSIG). Stalwart checks nothing when a DNS server is saved and removes nothing from the
-- zone when a domain is deleted, so Postern keeps what the partner gave: it tries the key
-- before switching publishing on, and removes the records when the domain leaves. The TSIG
-- secret is sealed like every other secret (named in secret_key_id).
CREATE TABLE dns_publishing (
    domain         TEXT    PRIMARY KEY REFERENCES mail_domains (name),
    organisation   TEXT    NOT NULL REFERENCES organisations (slug),
    host           TEXT    NOT NULL,
    port           BIGINT  NOT NULL,
    tcp            BIGINT  NOT NULL DEFAULT 0 CHECK (tcp IN (0, 1)),
    key_name       TEXT    NOT NULL,
    algorithm      TEXT    NOT NULL,
    secret         TEXT    NOT NULL,
    secret_key_id  TEXT    NOT NULL,
    -- The zone the records go into, when the domain is a name inside another zone.
    origin         TEXT,
    -- checked: the key worked and the preview was taken, nothing is at the mail server yet;
    -- publishing: the domain is Automatic at the mail server, its records not all seen yet;
    -- published: every record seen through DNS; failed: the mail server's task failed.
    state          TEXT    NOT NULL,
    -- What publishing will change (JSON), taken when the key was tried.
    preview        TEXT,
    -- The x:DnsServer the mail server publishes through (once switched on).
    dns_server_id  TEXT,
    -- The failed task's reason, in the mail server's words.
    failure        TEXT,
    updated_at     BIGINT  NOT NULL
);

CREATE INDEX dns_publishing_organisation ON dns_publishing (organisation);
