-- The reminder settings admins make in the web app: where each team's
-- digest goes. Slack webhooks are secrets, so only where to find one (an
-- environment variable or a file) is kept.
CREATE TABLE reminder_settings (
	team       TEXT COLLATE "C" PRIMARY KEY,
	email      TEXT[]      NOT NULL,
	slack_env  TEXT        NOT NULL,
	slack_file TEXT        NOT NULL,
	set_by     TEXT        NOT NULL,
	set_at     TIMESTAMPTZ NOT NULL
);
