-- Sealed secrets are bound to where they are sent (version 2: a server's URL, an IdP's issuer
-- and client id), not only to their row (version 1). The first start of a version that knows
-- this seals every version-1 value again under version 2 and records it here; from then on a
-- value sealed the old way is refused, so a row whose URL was changed behind the portal's
-- back cannot receive its secret.
CREATE TABLE sealing_version (
    id      BIGINT  PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
-- A database that holds no sealed value yet (a new one) starts at version 2: what is sealed
-- from now on is sealed the version-2 way, even before the portal first starts.
INSERT INTO sealing_version (id, version)
SELECT 1, CASE
    WHEN EXISTS (SELECT 1 FROM mail_servers WHERE api_key IS NOT NULL)
      OR EXISTS (SELECT 1 FROM identity_providers WHERE client_secret IS NOT NULL)
    THEN 1 ELSE 2 END;
