-- Browser sessions, shared by every replica of the web app. A session is
-- known only by the SHA-256 of the id in its cookie (hexadecimal).
CREATE TABLE sessions (
	hash         text PRIMARY KEY,
	user_name    text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	created_at   timestamptz NOT NULL,
	last_seen_at timestamptz NOT NULL,
	expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);
CREATE INDEX sessions_expires ON sessions (expires_at);
