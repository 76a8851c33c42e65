-- changes counts the statements that changed postmortems: a search keeps
-- what its filters and visibility select in memory for as long as the
-- count stays the same (internal/sqlstore/selection.go), whichever replica
-- changed the archive. A trigger keeps it, so that no write can forget to;
-- the row is locked until the writer commits, so a reader never sees the
-- new count with the old rows.
ALTER TABLE archive_stats ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION count_postmortem_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE archive_stats SET changes = changes + 1;
	RETURN NULL;
END;
$$;

CREATE TRIGGER postmortems_changes AFTER INSERT OR UPDATE OR DELETE ON postmortems
	FOR EACH STATEMENT EXECUTE FUNCTION count_postmortem_changes();
