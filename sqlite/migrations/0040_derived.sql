-- What the archive derives from each stored file for its lists, so that
-- they read it instead of the file: when the incident was resolved, the
-- file's hash, and the linter's counts of findings with the fingerprint of
-- the linter that made them (NULL counts: not counted yet).
ALTER TABLE postmortems ADD COLUMN resolved TEXT NOT NULL DEFAULT '';
ALTER TABLE postmortems ADD COLUMN file_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE postmortems ADD COLUMN lint_with TEXT NOT NULL DEFAULT '';
ALTER TABLE postmortems ADD COLUMN lint_blame INTEGER;
ALTER TABLE postmortems ADD COLUMN lint_root_cause INTEGER;
ALTER TABLE postmortems ADD COLUMN lint_structure INTEGER;

-- The stored postmortems get them when they are derived again, at the
-- next start.
UPDATE archive_stats SET derived_with = '';
