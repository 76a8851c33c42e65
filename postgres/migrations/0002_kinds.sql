-- Incident kinds and the weighted words of the whole text, derived on each
-- save (docs/kinds.md, docs/similar.md).

-- derived holds, as JSON, the weights of the words in terms (same order) and
-- the postmortem's kinds with their evidence, so that similar incidents
-- never read the file again.
ALTER TABLE documents ADD COLUMN derived TEXT NOT NULL DEFAULT '';

-- The kinds of each postmortem, confirmed by its authors or inferred, for
-- finding candidates and grouping families; family marks the kinds whose
-- family the postmortem belongs to (debrief.FamilyKinds).
CREATE TABLE postmortem_kinds (
	pk        BIGINT  NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	kind      TEXT    NOT NULL,
	score     REAL    NOT NULL,
	confirmed BOOLEAN NOT NULL,
	family    BOOLEAN NOT NULL,
	PRIMARY KEY (pk, kind)
);
CREATE INDEX postmortem_kinds_kind ON postmortem_kinds (kind, family, pk);

-- The fingerprint of the kinds and method the derived columns were computed
-- with; when it differs from the running one, the store derives them again.
ALTER TABLE archive_stats ADD COLUMN derived_with TEXT NOT NULL DEFAULT '';
