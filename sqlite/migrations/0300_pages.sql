-- Pages: alerts that notified a person on call (package paging). A page is
-- stored once by its source and the source's id for it (for Alertmanager,
-- the alert's fingerprint and startsAt), and merged when it arrives again.
-- Times are Unix nanoseconds, NULL when unknown.
CREATE TABLE pages (
	source       TEXT    NOT NULL,
	source_id    TEXT    NOT NULL,
	team         TEXT    NOT NULL,
	service      TEXT    NOT NULL,
	alert        TEXT    NOT NULL,
	urgency      TEXT    NOT NULL,
	rotation     TEXT    NOT NULL,
	triggered    INTEGER NOT NULL,
	acknowledged INTEGER,
	resolved     INTEGER,
	resolved_by  TEXT    NOT NULL,
	ack_tracked  INTEGER NOT NULL,
	noise        INTEGER NOT NULL,
	PRIMARY KEY (source, source_id)
) WITHOUT ROWID;

CREATE INDEX pages_team_triggered ON pages (team, triggered);
CREATE INDEX pages_triggered ON pages (triggered);
