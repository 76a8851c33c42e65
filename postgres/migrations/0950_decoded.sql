-- decoded keeps a postmortem's front matter as the archive read it, in
-- JSON, so that reading the postmortem back decodes JSON instead of
-- parsing YAML: NULL for a row stored before, which is read from its
-- front matter until the archive fills the column in.
ALTER TABLE documents ADD COLUMN decoded TEXT;
