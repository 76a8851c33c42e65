-- changes counts the commits that changed postmortems: a search keeps what
-- its filters and visibility select in memory for as long as the count
-- stays the same (internal/sqlstore/selection.go), whichever process or
-- replica changed the archive. Triggers keep it, so that no write can
-- forget to.
ALTER TABLE archive_stats ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER postmortems_insert_changes AFTER INSERT ON postmortems
BEGIN
	UPDATE archive_stats SET changes = changes + 1;
END;

CREATE TRIGGER postmortems_update_changes AFTER UPDATE ON postmortems
BEGIN
	UPDATE archive_stats SET changes = changes + 1;
END;

CREATE TRIGGER postmortems_delete_changes AFTER DELETE ON postmortems
BEGIN
	UPDATE archive_stats SET changes = changes + 1;
END;
