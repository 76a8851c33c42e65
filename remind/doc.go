// Package remind builds each team's daily digest of the work that needs
// it — overdue action items, items due within a week, accepted risks due
// for review, postmortems past their review date — and sends it once.
//
// Build turns plain inputs (what the archive holds) into one Digest per
// team. Messages renders a digest for each of the team's channels: a Slack
// incoming webhook, as Block Kit within Slack's size limits, and e-mail.
// A Sender delivers a Message: Slack posts it (waiting out 429s), Mailer
// sends it over SMTP with STARTTLS, and Outbox only records it, for
// `serve --demo`. Run ties them together and asks a Ledger to claim each
// message's key — one per team, day and channel — before sending, so that
// a digest is sent at most once however many replicas or retries run.
package remind
