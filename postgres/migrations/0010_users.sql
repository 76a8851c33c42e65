-- Users, their teams and their API tokens. Passwords and tokens are stored
-- only as hashes (package auth). Names compare without case.
CREATE TABLE users (
	name          text PRIMARY KEY,
	name_key      text NOT NULL UNIQUE,
	role          text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
	password_hash text NOT NULL DEFAULT '',
	created_at    timestamptz NOT NULL
);

CREATE TABLE user_teams (
	user_name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	team      text NOT NULL,
	PRIMARY KEY (user_name, team)
);

CREATE TABLE tokens (
	hash       text PRIMARY KEY,
	user_name  text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
	created_at timestamptz NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_name);
