-- Indexes for two read paths that grew with use (issue 24).
-- Every instance keeps the logins its sessions use in memory and, four times a second, asks
-- which logins ended since it last asked (another instance's sign-out everywhere, a
-- departure, a back-channel logout): that question reads this index, not the table.
CREATE INDEX logins_ended ON logins (ended_at);
-- The Partners list pages by name: the first page of 50 walks this index instead of sorting
-- every organisation.
CREATE INDEX organisations_by_name ON organisations (LOWER(display_name), slug);
