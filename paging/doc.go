// Package paging reads paging data: every page, an alert that notified a
// person on call, with its team, service, alert name, urgency, rotation and
// the times it triggered, was acknowledged and resolved.
//
// Page is the one shape every source becomes. The importers read PagerDuty
// (the REST API v2, and its incidents saved as a JSON file), Opsgenie's
// alerts API, Grafana OnCall's alert groups API and a CSV file with a
// column mapping; ReadAlertmanager and AlertmanagerHandler take Prometheus
// Alertmanager's webhook notifications as they arrive. A Mapping places
// each page on a debrief team. A page names the rotation it went to, never
// the person who answered: paging data says how the system treats the
// people on call, not who they are.
//
// Every page has a key (Page.Key) from its source's own id, so importing the
// same data twice changes nothing, and a later notification of the same
// alert (its resolution, say) updates the page it belongs to (Merge). The
// oncall package computes on-call health from pages.
package paging
