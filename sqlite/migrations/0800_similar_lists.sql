-- similar_lists keeps, for each postmortem, the postmortems most like it as
-- an admin sees them (debrief.SimilarListLength of them, ranked, with what
-- the two share), so that its page reads them instead of looking them up.
-- A list belongs to one version of its postmortem; changes is the
-- archive's count of changes when it was found, which says when it may be
-- out of date. A page shows a viewer only the postmortems of the list they
-- may see now.
CREATE TABLE similar_lists (
	pk      INTEGER PRIMARY KEY REFERENCES postmortems (pk) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	changes INTEGER NOT NULL,
	items   TEXT    NOT NULL
);
