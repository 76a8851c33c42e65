-- Users, their teams and their API tokens. Passwords and tokens are stored
-- only as hashes (package auth).
CREATE TABLE users (
	name          TEXT PRIMARY KEY COLLATE NOCASE,
	role          TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
	password_hash TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL
);

CREATE TABLE user_teams (
	user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	team      TEXT NOT NULL,
	PRIMARY KEY (user_name, team)
);

CREATE TABLE tokens (
	hash       TEXT PRIMARY KEY,
	user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	created_at TEXT NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_name);
