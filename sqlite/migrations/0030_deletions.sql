-- The record of deleted postmortems: who deleted which, when, and the file
-- as it was. Their ids are never handed out or created again.
CREATE TABLE deleted_postmortems (
	id         TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	file       TEXT    NOT NULL,
	deleted_by TEXT    NOT NULL,
	deleted_at TEXT    NOT NULL,
	PRIMARY KEY (id, deleted_at)
);
