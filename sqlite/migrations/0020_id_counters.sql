-- The last postmortem number NextID handed out, per year. Numbers are never
-- handed out twice; those handed out and never saved leave gaps, which is
-- what keeps the suggestion from telling anything about restricted
-- postmortems (docs/access.md).
CREATE TABLE id_counters (
	year INTEGER PRIMARY KEY,
	last INTEGER NOT NULL
);
