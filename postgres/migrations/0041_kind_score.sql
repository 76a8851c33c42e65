-- Similar incidents take the most certain postmortems of each kind the
-- target has, newest first among equals, from this index alone.
CREATE INDEX postmortem_kinds_score ON postmortem_kinds (kind, score DESC, pk DESC);
