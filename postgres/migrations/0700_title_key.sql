-- title_key is the title as debrief.TitleKey reads it (its words, lower
-- case, joined by spaces), so that a postmortem page finds the others with
-- the same title from an index instead of a full-text search. NULL: not
-- computed yet; the store fills these in when it opens (title.go).
ALTER TABLE postmortems ADD COLUMN title_key TEXT;
CREATE INDEX postmortems_title_key ON postmortems (title_key, incident_date);
