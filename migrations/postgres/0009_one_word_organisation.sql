-- One word for one concept: the column that names a person's organisation was called
-- "tenant" in the first tables and "organisation" in the directory's. Renamed in place (the
-- rows, keys and indexes follow the column). Made before any release promised rolling
-- upgrades: an instance of an older build cannot run beside this schema.
ALTER TABLE users RENAME COLUMN tenant TO organisation;
ALTER TABLE audit_events RENAME COLUMN tenant TO organisation;
ALTER TABLE app_password_requests RENAME COLUMN tenant TO organisation;
ALTER TABLE logins RENAME COLUMN tenant TO organisation;
ALTER TABLE mailbox_pins RENAME COLUMN tenant TO organisation;
ALTER INDEX users_tenant_email RENAME TO users_organisation_email;
ALTER INDEX audit_events_tenant_at RENAME TO audit_events_organisation_at;
ALTER INDEX audit_events_tenant_action RENAME TO audit_events_organisation_action;
