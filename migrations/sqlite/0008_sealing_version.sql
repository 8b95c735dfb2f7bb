-- Sealed secrets are bound to where they are sent (version 2: a server's URL, an IdP's issuer
-- and client id), not only to their row (version 1). The first start of a version that knows
-- this seals every version-1 value again under version 2 and records it here; from then on a
-- value sealed the old way is refused, so a row whose URL was changed behind the portal's
-- back cannot receive its secret.
CREATE TABLE sealing_version (
    id      BIGINT  PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO sealing_version (id, version) VALUES (1, 1);
