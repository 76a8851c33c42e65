// Package tracker keeps action items and their issues in GitHub Issues or
// Jira Cloud in step, both ways.
//
// A Tracker creates the issue for an action item (its body links back to
// the postmortem and quotes the item's title, value, effort and due date),
// moves it when the item's status changes in debrief, and fetches issues'
// states for the periodic poll. Poll compares the fetched states with the
// items and returns the updates to save; WebhookHandler does the same for
// one signed delivery, checking the signature in constant time and
// dropping deliveries it has already applied. Both trackers wait out rate
// limits (429, GitHub's 403 with x-ratelimit-remaining 0, Retry-After,
// x-ratelimit-reset) within a bound, and no error or log line carries a
// token or a secret.
package tracker
