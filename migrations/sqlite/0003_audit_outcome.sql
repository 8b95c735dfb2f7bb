-- Credential changes are written to the audit log before they are made ("pending"), and the
-- row then says how they ended ("done" or "failed"); everything else is written "done".
ALTER TABLE audit_events ADD COLUMN outcome TEXT NOT NULL DEFAULT 'done';
CREATE INDEX audit_events_tenant_action ON audit_events (tenant, action);
