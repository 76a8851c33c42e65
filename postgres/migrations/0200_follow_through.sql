-- Follow-through: what the archive keeps about action items and accepted
-- risks beside the postmortem files, which stay the source of truth.

-- Every change to an action item or an accepted risk, one row per field.
CREATE TABLE follow_history (
	seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subject    TEXT COLLATE "C" NOT NULL,
	item_id    TEXT COLLATE "C" NOT NULL,
	-- The postmortem whose save carried the change.
	postmortem TEXT COLLATE "C" NOT NULL,
	field      TEXT        NOT NULL,
	from_value TEXT        NOT NULL,
	to_value   TEXT        NOT NULL,
	who        TEXT        NOT NULL,
	at         TIMESTAMPTZ NOT NULL,
	source     TEXT        NOT NULL,
	note       TEXT        NOT NULL
);
CREATE INDEX follow_history_item ON follow_history (subject, item_id, seq);

-- The days the archive recorded an item opened and done, YYYY-MM-DD or ''.
CREATE TABLE action_item_dates (
	item_id TEXT COLLATE "C" PRIMARY KEY,
	opened  TEXT NOT NULL,
	done    TEXT NOT NULL
);

-- A team's pin of one of its items above or below its rank.
CREATE TABLE action_pins (
	item_id   TEXT COLLATE "C" PRIMARY KEY,
	team      TEXT        NOT NULL,
	direction TEXT        NOT NULL,
	reason    TEXT        NOT NULL,
	pinned_by TEXT        NOT NULL,
	pinned_at TIMESTAMPTZ NOT NULL
);

-- The reminders claimed for sending, by key (team, day, channel).
CREATE TABLE reminder_ledger (
	key        TEXT COLLATE "C" PRIMARY KEY,
	claimed_at TIMESTAMPTZ NOT NULL
);

-- Tracker webhook deliveries already applied.
CREATE TABLE tracker_deliveries (
	tracker     TEXT COLLATE "C" NOT NULL,
	delivery_id TEXT COLLATE "C" NOT NULL,
	received_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (tracker, delivery_id)
);

-- Leases on periodic work, so that one replica does it.
CREATE TABLE leases (
	name       TEXT COLLATE "C" PRIMARY KEY,
	holder     TEXT        NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);
