-- search_rows is what a search reads: per postmortem, its search vector and
-- the columns that the filters and the visibility rules test, under the
-- names they have in postmortems, so that a search never reads the wide
-- postmortems and documents rows. The vector is stored out of line, so
-- that the table's own rows are a few dozen bytes: finding the matches of
-- a common word reads a few hundred pages, and only the vectors that are
-- ranked (or checked for a phrase) are read. Triggers keep the table with
-- postmortems (the filter columns) and documents (the vector), which
-- replaces documents.search.
CREATE TABLE search_rows (
	pk              BIGINT   PRIMARY KEY REFERENCES postmortems (pk) ON DELETE CASCADE,
	severity        TEXT     NOT NULL,
	status          TEXT     NOT NULL,
	customer_facing BOOLEAN  NOT NULL,
	restricted      BOOLEAN  NOT NULL,
	incident_date   TEXT     COLLATE "C" NOT NULL,
	search          TSVECTOR NOT NULL DEFAULT ''
);
ALTER TABLE search_rows ALTER COLUMN search SET STORAGE EXTERNAL;

-- The title weighs most (A), then trigger and tags (B), contributing
-- factors and action items (C), the body (D).
CREATE FUNCTION search_vector(title TEXT, trigger_text TEXT, tags TEXT, factors TEXT, actions TEXT, body TEXT)
RETURNS TSVECTOR LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
	SELECT setweight(to_tsvector('english'::regconfig, title), 'A') ||
		setweight(to_tsvector('english'::regconfig, trigger_text || ' ' || tags), 'B') ||
		setweight(to_tsvector('english'::regconfig, factors || ' ' || actions), 'C') ||
		setweight(to_tsvector('english'::regconfig, body), 'D')
$$;

INSERT INTO search_rows (pk, severity, status, customer_facing, restricted, incident_date, search)
	SELECT p.pk, p.severity, p.status, p.customer_facing, p.restricted, p.incident_date, d.search
	FROM postmortems p JOIN documents d ON d.pk = p.pk;

ALTER TABLE documents DROP COLUMN search;

CREATE INDEX search_rows_search ON search_rows USING GIN (search);

-- A postmortem's row is written with its document, which follows it into
-- the archive; a change of the filter columns alone updates them.
CREATE FUNCTION search_rows_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_rows (pk, severity, status, customer_facing, restricted, incident_date, search)
	SELECT p.pk, p.severity, p.status, p.customer_facing, p.restricted, p.incident_date,
		search_vector(NEW.title, NEW.trigger_text, NEW.tags, NEW.factors, NEW.actions, NEW.body)
	FROM postmortems p WHERE p.pk = NEW.pk;
	RETURN NULL;
END
$$;

CREATE TRIGGER search_rows_insert AFTER INSERT ON documents
	FOR EACH ROW EXECUTE FUNCTION search_rows_insert();

CREATE FUNCTION search_rows_vector() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_rows
	SET search = search_vector(NEW.title, NEW.trigger_text, NEW.tags, NEW.factors, NEW.actions, NEW.body)
	WHERE pk = NEW.pk;
	RETURN NULL;
END
$$;

CREATE TRIGGER search_rows_vector AFTER UPDATE OF title, trigger_text, tags, factors, actions, body ON documents
	FOR EACH ROW WHEN ((OLD.title, OLD.trigger_text, OLD.tags, OLD.factors, OLD.actions, OLD.body)
		IS DISTINCT FROM (NEW.title, NEW.trigger_text, NEW.tags, NEW.factors, NEW.actions, NEW.body))
	EXECUTE FUNCTION search_rows_vector();

CREATE FUNCTION search_rows_filters() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_rows SET severity = NEW.severity, status = NEW.status, customer_facing = NEW.customer_facing,
		restricted = NEW.restricted, incident_date = NEW.incident_date
	WHERE pk = NEW.pk;
	RETURN NULL;
END
$$;

CREATE TRIGGER search_rows_filters AFTER UPDATE OF severity, status, customer_facing, restricted, incident_date ON postmortems
	FOR EACH ROW WHEN ((OLD.severity, OLD.status, OLD.customer_facing, OLD.restricted, OLD.incident_date)
		IS DISTINCT FROM (NEW.severity, NEW.status, NEW.customer_facing, NEW.restricted, NEW.incident_date))
	EXECUTE FUNCTION search_rows_filters();

-- The planner needs the new table's statistics to choose its index.
ANALYZE search_rows;
