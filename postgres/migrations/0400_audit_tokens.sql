-- Token expiry and last use, and the audit log: who did what, when and from
-- where.
ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE tokens ADD COLUMN last_used_at timestamptz;

CREATE TABLE audit_log (
	id     bigserial PRIMARY KEY,
	at     timestamptz NOT NULL,
	actor  text NOT NULL,
	action text NOT NULL,
	target text NOT NULL,
	detail text NOT NULL,
	origin text NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (lower(actor), id);
CREATE INDEX audit_log_target ON audit_log (lower(target), id);
CREATE INDEX audit_log_action ON audit_log (action, id);
