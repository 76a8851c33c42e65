-- Pages: alerts that notified a person on call (package paging). A page is
-- stored once by its source and the source's id for it (for Alertmanager,
-- the alert's fingerprint and startsAt), and merged when it arrives again.
-- Times are Unix nanoseconds, NULL when unknown.
CREATE TABLE pages (
	source       TEXT COLLATE "C" NOT NULL,
	source_id    TEXT COLLATE "C" NOT NULL,
	team         TEXT COLLATE "C" NOT NULL,
	service      TEXT    NOT NULL,
	alert        TEXT    NOT NULL,
	urgency      TEXT    NOT NULL,
	rotation     TEXT    NOT NULL,
	triggered    BIGINT  NOT NULL,
	acknowledged BIGINT,
	resolved     BIGINT,
	resolved_by  TEXT    NOT NULL,
	ack_tracked  BOOLEAN NOT NULL,
	noise        BOOLEAN NOT NULL,
	PRIMARY KEY (source, source_id)
);

CREATE INDEX pages_team_triggered ON pages (team, triggered);
CREATE INDEX pages_triggered ON pages (triggered);
