-- decoded keeps a postmortem's front matter as the archive read it, in
-- JSON after the hash of the file it was read from, so that reading the
-- postmortem back decodes JSON instead of parsing YAML: NULL for a row
-- stored before, which is read from its front matter until the archive
-- fills the column in (the index finds those rows).
ALTER TABLE documents ADD COLUMN decoded TEXT;
CREATE INDEX documents_undecoded ON documents (pk) WHERE decoded IS NULL;
