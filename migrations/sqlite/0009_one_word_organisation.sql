-- One word for one concept: the column that names a person's organisation was called
-- "tenant" in the first tables and "organisation" in the directory's. Renamed in place (the
-- rows, keys and indexes follow the column). Made before any release promised rolling
-- upgrades: an instance of an older build cannot run beside this schema.
ALTER TABLE users RENAME COLUMN tenant TO organisation;
ALTER TABLE audit_events RENAME COLUMN tenant TO organisation;
ALTER TABLE app_password_requests RENAME COLUMN tenant TO organisation;
ALTER TABLE logins RENAME COLUMN tenant TO organisation;
ALTER TABLE mailbox_pins RENAME COLUMN tenant TO organisation;
DROP INDEX users_tenant_email;
CREATE INDEX users_organisation_email ON users (organisation, email);
DROP INDEX audit_events_tenant_at;
CREATE INDEX audit_events_organisation_at ON audit_events (organisation, at);
DROP INDEX audit_events_tenant_action;
CREATE INDEX audit_events_organisation_action ON audit_events (organisation, action);
