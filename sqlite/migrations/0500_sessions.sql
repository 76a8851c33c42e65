-- Browser sessions, shared by every replica of the web app. A session is
-- known only by the SHA-256 of the id in its cookie (hexadecimal). Times
-- are RFC 3339 in UTC with a fixed width, so that they compare as text.
CREATE TABLE sessions (
	hash         TEXT PRIMARY KEY,
	user_name    TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	created_at   TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	expires_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_name);
CREATE INDEX sessions_expires ON sessions (expires_at);
