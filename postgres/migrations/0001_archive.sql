-- The archive of postmortems.
--
-- A postmortem's canonical file (front_matter || body in documents) is the
-- source of truth; every other column and table is derived from it on each
-- save, for filters, search and similar incidents. The tables mirror those of
-- the SQLite store, so that both read the same way.

CREATE TABLE postmortems (
	pk              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id              TEXT COLLATE "C" NOT NULL UNIQUE,
	version         INTEGER     NOT NULL CHECK (version > 0),
	title           TEXT        NOT NULL,
	severity        TEXT        NOT NULL,
	status          TEXT        NOT NULL,
	customer_facing BOOLEAN     NOT NULL,
	restricted      BOOLEAN     NOT NULL,
	-- The incident's date, YYYY-MM-DD, '' when the postmortem has no dates:
	-- text, so that lists page by (incident_date, id) as in SQLite.
	incident_date   TEXT COLLATE "C" NOT NULL,
	started         TIMESTAMPTZ,
	-- Teams, services and tags as written, for summaries.
	teams           TEXT[]      NOT NULL,
	services        TEXT[]      NOT NULL,
	tags            TEXT[]      NOT NULL,
	created_at      TIMESTAMPTZ NOT NULL,
	updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX postmortems_date ON postmortems (incident_date, id);
CREATE INDEX postmortems_restricted ON postmortems (restricted) WHERE restricted;

-- documents holds the texts, and the search vector: title weighs most
-- (A), then trigger and tags (B), contributing factors and action items
-- (C), the body (D).
CREATE TABLE documents (
	pk           BIGINT PRIMARY KEY REFERENCES postmortems (pk) ON DELETE CASCADE,
	title        TEXT   NOT NULL,
	trigger_text TEXT   NOT NULL,
	factors      TEXT   NOT NULL,
	actions      TEXT   NOT NULL,
	tags         TEXT   NOT NULL,
	body         TEXT   NOT NULL,
	-- The canonical front matter, from the first --- line to the second.
	front_matter TEXT   NOT NULL,
	-- The distinctive words that similar incidents compare.
	terms        TEXT[] NOT NULL,
	search       TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, title), 'A') ||
		setweight(to_tsvector('english'::regconfig, trigger_text || ' ' || tags), 'B') ||
		setweight(to_tsvector('english'::regconfig, factors || ' ' || actions), 'C') ||
		setweight(to_tsvector('english'::regconfig, body), 'D')
	) STORED
);

CREATE INDEX documents_search ON documents USING GIN (search);
CREATE INDEX documents_terms ON documents USING GIN (terms);

-- Teams, services and tags as lower-case keys, for filters and visibility.
CREATE TABLE postmortem_teams (
	pk   BIGINT NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	team TEXT   NOT NULL,
	PRIMARY KEY (pk, team)
);
CREATE INDEX postmortem_teams_team ON postmortem_teams (team, pk);

CREATE TABLE postmortem_services (
	pk      BIGINT NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	service TEXT   NOT NULL,
	PRIMARY KEY (pk, service)
);
CREATE INDEX postmortem_services_service ON postmortem_services (service, pk);

CREATE TABLE postmortem_tags (
	pk  BIGINT NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	tag TEXT   NOT NULL,
	PRIMARY KEY (pk, tag)
);
CREATE INDEX postmortem_tags_tag ON postmortem_tags (tag, pk);

CREATE TABLE postmortem_related (
	pk         BIGINT NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	related_id TEXT   NOT NULL,
	PRIMARY KEY (pk, related_id)
);
CREATE INDEX postmortem_related_related ON postmortem_related (related_id);

CREATE TABLE contributing_factors (
	pk          BIGINT  NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	category    TEXT    NOT NULL,
	description TEXT    NOT NULL,
	PRIMARY KEY (pk, position)
);
CREATE INDEX contributing_factors_category ON contributing_factors (category, pk);

-- An action item or accepted risk is stored once, however many postmortems
-- list it; saving a postmortem that changes a shared item rewrites the
-- others that list it, so that every file says the same thing.
CREATE TABLE action_items (
	id          TEXT PRIMARY KEY,
	title       TEXT             NOT NULL,
	owner_team  TEXT             NOT NULL,
	kind        TEXT             NOT NULL,
	effort_days DOUBLE PRECISION NOT NULL,
	value       INTEGER          NOT NULL,
	due         TEXT             NOT NULL,
	status      TEXT             NOT NULL,
	reason      TEXT             NOT NULL,
	link        TEXT             NOT NULL
);

CREATE TABLE postmortem_action_items (
	pk       BIGINT  NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	item_id  TEXT    NOT NULL REFERENCES action_items (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (pk, item_id)
);
CREATE INDEX postmortem_action_items_item ON postmortem_action_items (item_id, pk);

CREATE TABLE accepted_risks (
	id          TEXT PRIMARY KEY,
	risk        TEXT NOT NULL,
	waiting_for TEXT NOT NULL,
	until       TEXT NOT NULL,
	meanwhile   TEXT NOT NULL,
	owner_team  TEXT NOT NULL,
	review_by   TEXT NOT NULL
);

CREATE TABLE postmortem_accepted_risks (
	pk       BIGINT  NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	risk_id  TEXT    NOT NULL REFERENCES accepted_risks (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (pk, risk_id)
);
CREATE INDEX postmortem_accepted_risks_risk ON postmortem_accepted_risks (risk_id, pk);

-- Document frequencies of the similar-incident terms, and the number of
-- postmortems, for the weights of docs/similar.md.
CREATE TABLE term_df (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
);

CREATE TABLE archive_stats (
	one         INTEGER PRIMARY KEY CHECK (one = 1),
	postmortems INTEGER NOT NULL
);
INSERT INTO archive_stats (one, postmortems) VALUES (1, 0);
