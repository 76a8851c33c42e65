-- lint_findings keeps the linter's findings in a postmortem's file, as
-- the linter of lint_with encoded them, so that its page shows them
-- without linting the file again: '' when it kept none, NULL when the
-- file was counted before findings were kept, which counts it again.
ALTER TABLE postmortems ADD COLUMN lint_findings TEXT;
