// Package oncall computes on-call health from pages (package paging): how
// often a team's rotation is paged per 12-hour shift against the Google
// SRE book's limit of two, at which hours of the team's day (business
// hours, off-hours, sleep hours, as PagerDuty buckets them), how many pages
// needed nobody, which alerts page most and which flap, how many hours the
// responders spent, and how all of it moved against the previous period.
// Every function is pure: it takes pages and a team's time zone and
// returns figures; docs/insights.md gives each rule.
package oncall
