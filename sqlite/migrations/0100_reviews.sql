-- Review comments: remarks on a postmortem, anchored to a section or a
-- sentence of its body, resolved once answered. They go with their
-- postmortem when it is deleted.
CREATE TABLE review_comments (
	id          INTEGER PRIMARY KEY,
	pk          INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	section     TEXT    NOT NULL,
	quote       TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	author      TEXT    NOT NULL,
	created_at  TEXT    NOT NULL,
	resolved_by TEXT    NOT NULL DEFAULT '',
	-- NULL until the comment is resolved.
	resolved_at TEXT
);

CREATE INDEX review_comments_pk ON review_comments (pk, id);
