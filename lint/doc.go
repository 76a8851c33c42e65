// Package lint checks postmortem prose for blame and single-root-cause
// framing, and postmortem files for the structure a blameless review needs.
//
// A Linter is made once from the lint part of a .debrief.yaml (New) and is
// safe for concurrent use; Lint returns the Findings for one file. The work
// happens in four steps:
//
//   - segment.go walks goldmark's tree of the Markdown body and prose.go
//     copies the text of its paragraphs, headings and table cells, skipping
//     front matter, code, HTML, link targets and comments; both keep a map
//     from every character back to its place in the file, and sentence.go
//     cuts the text into sentences. Paragraphs that can hold no finding are
//     kept raw and copied line by line (quiet.go);
//   - trigger.go runs one Aho–Corasick pass over the lower-cased prose, so
//     that only sentences holding a trigger word are looked at more closely;
//   - token.go, lexicon.go and clause.go tokenise those sentences, tag the
//     words from small hand-written lexicons and find who or what is the
//     subject of a verb, so that "the probe failed to notice" is told apart
//     from "the engineer failed to notice";
//   - one file per kind of rule (omission.go, judgement.go, accident.go,
//     without.go, personerror.go, state.go, personcause.go, …,
//     structure*.go) decides, explains why in blameless terms and suggests a
//     rewrite; disown.go drops what the writer reports, rejects or denies
//     rather than claims (early reports blamed the operator, nobody ignored
//     the alert), and words in quotation marks are someone else's.
//
// Findings can be written as text, JSON, SARIF 2.1.0 or GitHub Actions
// annotations (format_*.go).
package lint
