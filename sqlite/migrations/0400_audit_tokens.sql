-- Token expiry and last use, and the audit log: who did what, when and from
-- where. Times are RFC 3339 in UTC.
ALTER TABLE tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
ALTER TABLE tokens ADD COLUMN last_used_at TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_log (
	id     INTEGER PRIMARY KEY AUTOINCREMENT,
	at     TEXT NOT NULL,
	actor  TEXT NOT NULL,
	action TEXT NOT NULL,
	target TEXT NOT NULL,
	detail TEXT NOT NULL,
	origin TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor COLLATE NOCASE, id);
CREATE INDEX audit_log_target ON audit_log (target COLLATE NOCASE, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
