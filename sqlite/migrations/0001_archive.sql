-- The archive of postmortems.
--
-- A postmortem's canonical file (front_matter || body in documents) is the
-- source of truth; every other column and table is derived from it on each
-- save, for filters, search and similar incidents.

CREATE TABLE postmortems (
	pk              INTEGER PRIMARY KEY,
	id              TEXT    NOT NULL UNIQUE,
	version         INTEGER NOT NULL CHECK (version > 0),
	title           TEXT    NOT NULL,
	severity        TEXT    NOT NULL,
	status          TEXT    NOT NULL,
	customer_facing INTEGER NOT NULL,
	restricted      INTEGER NOT NULL,
	-- The incident's date, YYYY-MM-DD, '' when the postmortem has no dates.
	incident_date   TEXT    NOT NULL,
	-- RFC 3339, '' when unknown.
	started         TEXT    NOT NULL,
	-- Teams, services and tags as written, JSON arrays, for summaries.
	teams           TEXT    NOT NULL,
	services        TEXT    NOT NULL,
	tags            TEXT    NOT NULL,
	created_at      TEXT    NOT NULL,
	updated_at      TEXT    NOT NULL
);

CREATE INDEX postmortems_date ON postmortems (incident_date, id);
CREATE INDEX postmortems_restricted ON postmortems (restricted);

-- documents holds the texts: the content of the full-text indexes below.
-- The short columns come first: SQLite reads a row's columns in order, and
-- similar incidents read terms for many rows without their bodies.
CREATE TABLE documents (
	pk           INTEGER PRIMARY KEY REFERENCES postmortems (pk) ON DELETE CASCADE,
	-- The distinctive words that similar incidents compare, space-separated.
	terms        TEXT NOT NULL,
	title        TEXT NOT NULL,
	trigger_text TEXT NOT NULL,
	factors      TEXT NOT NULL,
	actions      TEXT NOT NULL,
	tags         TEXT NOT NULL,
	-- The canonical front matter, from the first --- line to the second.
	front_matter TEXT NOT NULL,
	body         TEXT NOT NULL
);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title, trigger_text, factors, actions, tags, body,
	content = 'documents', content_rowid = 'pk',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rank by bm25 with column weights in the order above: a word in the title
-- says more about what a postmortem is about than the same word in the body.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 3.0, 2.0, 4.0, 1.0)');

CREATE VIRTUAL TABLE terms_fts USING fts5 (
	terms,
	content = 'documents', content_rowid = 'pk',
	tokenize = 'unicode61', detail = 'column'
);

-- The store keeps both full-text indexes in step with documents itself, in
-- one statement per transaction rather than in triggers: FTS5 writes its
-- pending index out at every statement that could roll back, and a trigger
-- per row would make an import of many postmortems write one tiny segment
-- each (see index.go).

-- Teams, services and tags as lower-case keys, for filters and visibility.
CREATE TABLE postmortem_teams (
	pk   INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	team TEXT    NOT NULL,
	PRIMARY KEY (pk, team)
) WITHOUT ROWID;
CREATE INDEX postmortem_teams_team ON postmortem_teams (team, pk);

CREATE TABLE postmortem_services (
	pk      INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	service TEXT    NOT NULL,
	PRIMARY KEY (pk, service)
) WITHOUT ROWID;
CREATE INDEX postmortem_services_service ON postmortem_services (service, pk);

CREATE TABLE postmortem_tags (
	pk  INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	tag TEXT    NOT NULL,
	PRIMARY KEY (pk, tag)
) WITHOUT ROWID;
CREATE INDEX postmortem_tags_tag ON postmortem_tags (tag, pk);

CREATE TABLE postmortem_related (
	pk         INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	related_id TEXT    NOT NULL,
	PRIMARY KEY (pk, related_id)
) WITHOUT ROWID;
CREATE INDEX postmortem_related_related ON postmortem_related (related_id);

CREATE TABLE contributing_factors (
	pk          INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	category    TEXT    NOT NULL,
	description TEXT    NOT NULL,
	PRIMARY KEY (pk, position)
) WITHOUT ROWID;
CREATE INDEX contributing_factors_category ON contributing_factors (category, pk);

-- An action item or accepted risk is stored once, however many postmortems
-- list it; saving a postmortem that changes a shared item rewrites the
-- others that list it, so that every file says the same thing.
CREATE TABLE action_items (
	id          TEXT PRIMARY KEY,
	title       TEXT    NOT NULL,
	owner_team  TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	effort_days REAL    NOT NULL,
	value       INTEGER NOT NULL,
	due         TEXT    NOT NULL,
	status      TEXT    NOT NULL,
	reason      TEXT    NOT NULL,
	link        TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE postmortem_action_items (
	pk       INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	item_id  TEXT    NOT NULL REFERENCES action_items (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (pk, item_id)
) WITHOUT ROWID;
CREATE INDEX postmortem_action_items_item ON postmortem_action_items (item_id, pk);

CREATE TABLE accepted_risks (
	id          TEXT PRIMARY KEY,
	risk        TEXT NOT NULL,
	waiting_for TEXT NOT NULL,
	until       TEXT NOT NULL,
	meanwhile   TEXT NOT NULL,
	owner_team  TEXT NOT NULL,
	review_by   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE postmortem_accepted_risks (
	pk       INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	risk_id  TEXT    NOT NULL REFERENCES accepted_risks (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (pk, risk_id)
) WITHOUT ROWID;
CREATE INDEX postmortem_accepted_risks_risk ON postmortem_accepted_risks (risk_id, pk);

-- Document frequencies of the similar-incident terms, and the number of
-- postmortems, for the weights of docs/similar.md.
CREATE TABLE term_df (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE archive_stats (
	one         INTEGER PRIMARY KEY CHECK (one = 1),
	postmortems INTEGER NOT NULL
);
INSERT INTO archive_stats (one, postmortems) VALUES (1, 0);
