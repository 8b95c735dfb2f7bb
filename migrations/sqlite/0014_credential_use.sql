-- What the person's list shows of each app password's use, kept up to date as events are
-- stored: the page reads a row per password instead of searching the events, however many
-- there are. The latest successful and failed sign-in, with where from.
CREATE TABLE credential_use (
    organisation      TEXT   NOT NULL,
    account_id        TEXT   NOT NULL,
    credential_id     TEXT   NOT NULL,
    success_at        BIGINT,
    success_listener  TEXT,
    success_ip        TEXT,
    failure_at        BIGINT,
    failure_listener  TEXT,
    failure_ip        TEXT,
    PRIMARY KEY (organisation, account_id, credential_id)
);

-- Failed sign-ins per app password and day (days since 1970, UTC): "12 failed in 30 days"
-- is a sum of at most 30 rows.
CREATE TABLE credential_failures (
    organisation   TEXT   NOT NULL,
    account_id     TEXT   NOT NULL,
    credential_id  TEXT   NOT NULL,
    day            BIGINT NOT NULL,
    failures       BIGINT NOT NULL,
    PRIMARY KEY (organisation, account_id, credential_id, day)
);

-- From the events stored so far.
INSERT INTO credential_use (organisation, account_id, credential_id, success_at, failure_at)
SELECT organisation, account_id, credential_id,
       MAX(CASE WHEN kind = 'auth.success' THEN at END),
       MAX(CASE WHEN kind = 'auth.failed' THEN at END)
FROM activity WHERE credential_id IS NOT NULL AND kind IN ('auth.success', 'auth.failed')
GROUP BY organisation, account_id, credential_id;

UPDATE credential_use SET
    success_listener = (SELECT a.listener FROM activity a
        WHERE a.organisation = credential_use.organisation AND a.account_id = credential_use.account_id
          AND a.credential_id = credential_use.credential_id AND a.kind = 'auth.success'
          AND a.at = credential_use.success_at ORDER BY a.id DESC LIMIT 1),
    success_ip = (SELECT a.remote_ip FROM activity a
        WHERE a.organisation = credential_use.organisation AND a.account_id = credential_use.account_id
          AND a.credential_id = credential_use.credential_id AND a.kind = 'auth.success'
          AND a.at = credential_use.success_at ORDER BY a.id DESC LIMIT 1),
    failure_listener = (SELECT a.listener FROM activity a
        WHERE a.organisation = credential_use.organisation AND a.account_id = credential_use.account_id
          AND a.credential_id = credential_use.credential_id AND a.kind = 'auth.failed'
          AND a.at = credential_use.failure_at ORDER BY a.id DESC LIMIT 1),
    failure_ip = (SELECT a.remote_ip FROM activity a
        WHERE a.organisation = credential_use.organisation AND a.account_id = credential_use.account_id
          AND a.credential_id = credential_use.credential_id AND a.kind = 'auth.failed'
          AND a.at = credential_use.failure_at ORDER BY a.id DESC LIMIT 1);

INSERT INTO credential_failures (organisation, account_id, credential_id, day, failures)
SELECT organisation, account_id, credential_id, at / 86400, COUNT(*)
FROM activity WHERE credential_id IS NOT NULL AND kind = 'auth.failed'
GROUP BY organisation, account_id, credential_id, at / 86400;

-- The page no longer searches the events by password: one index fewer to write per event.
DROP INDEX activity_credential;
