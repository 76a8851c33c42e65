package paging

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// PagerDuty's JSON, as far as pages need it.
type (
	pdRef struct {
		ID      string `json:"id"`
		Type    string `json:"type"`
		Summary string `json:"summary"`
	}
	pdIncident struct {
		ID                 string  `json:"id"`
		Title              string  `json:"title"`
		Status             string  `json:"status"`
		Urgency            string  `json:"urgency"`
		CreatedAt          stamp   `json:"created_at"`
		ResolvedAt         stamp   `json:"resolved_at"`
		LastStatusChangeAt stamp   `json:"last_status_change_at"`
		Service            pdRef   `json:"service"`
		EscalationPolicy   pdRef   `json:"escalation_policy"`
		Teams              []pdRef `json:"teams"`
		Acknowledgements   []struct {
			At stamp `json:"at"`
		} `json:"acknowledgements"`
	}
	pdIncidentPage struct {
		Incidents []pdIncident `json:"incidents"`
		More      bool         `json:"more"`
	}
	pdLogEntry struct {
		ID        string `json:"id"`
		Type      string `json:"type"`
		CreatedAt stamp  `json:"created_at"`
		Agent     pdRef  `json:"agent"`
		Channel   struct {
			Type string `json:"type"`
		} `json:"channel"`
		Incident pdRef `json:"incident"`
	}
	pdLogPage struct {
		LogEntries []pdLogEntry `json:"log_entries"`
		More       bool         `json:"more"`
	}
)

// pdBatch turns incidents and their log entries into pages.
func pdBatch(incidents []pdIncident, entries []pdLogEntry, m Mapping) *Batch {
	type events struct {
		ack, resolved time.Time
		by            Resolver
	}
	byIncident := map[string]*events{}
	seen := map[string]bool{}
	for _, e := range entries {
		if e.ID != "" && seen[e.ID] || e.Incident.ID == "" {
			continue
		}
		seen[e.ID] = true
		ev := byIncident[e.Incident.ID]
		if ev == nil {
			ev = &events{}
			byIncident[e.Incident.ID] = ev
		}
		at := e.CreatedAt.Time()
		switch e.Type {
		case "acknowledge_log_entry":
			ev.ack = earliest(ev.ack, at)
		case "resolve_log_entry":
			if ev.resolved.IsZero() || at.After(ev.resolved) {
				ev.resolved, ev.by = at, pdResolver(e)
			}
		}
	}
	b := &Batch{}
	for _, inc := range incidents {
		p := Page{
			Source: "pagerduty", SourceID: inc.ID,
			Service: inc.Service.Summary, Alert: inc.Title, Urgency: Urgency(inc.Urgency),
			Rotation: inc.EscalationPolicy.Summary, Triggered: inc.CreatedAt.Time(), AckTracked: true,
		}
		var names, others []string
		for _, t := range inc.Teams {
			names = append(names, t.Summary)
			others = append(others, t.ID)
		}
		p.Team = m.team(names, append(others, inc.Service.Summary, inc.Service.ID, inc.EscalationPolicy.Summary, inc.EscalationPolicy.ID)...)
		for _, a := range inc.Acknowledgements {
			p.Acknowledged = earliest(p.Acknowledged, a.At.Time())
		}
		if ev := byIncident[inc.ID]; ev != nil {
			p.Acknowledged = earliest(p.Acknowledged, ev.ack)
			p.Resolved, p.ResolvedBy = ev.resolved, ev.by
		}
		if p.Resolved.IsZero() && inc.Status == "resolved" {
			p.Resolved = inc.ResolvedAt.Time()
			if p.Resolved.IsZero() {
				p.Resolved = inc.LastStatusChangeAt.Time()
			}
		}
		if inc.Status != "resolved" {
			p.Resolved, p.ResolvedBy = time.Time{}, ""
		}
		b.add(p)
	}
	return b
}

// pdResolver says who resolved an incident by its resolve log entry: a
// user, or the service's integration (the monitoring said it recovered)
// or PagerDuty's auto-resolve timeout.
func pdResolver(e pdLogEntry) Resolver {
	switch {
	case e.Agent.Type == "user_reference" || e.Agent.Type == "user":
		return ByPerson
	case e.Channel.Type == "auto" || e.Channel.Type == "timeout" || e.Agent.Type == "service_reference" || e.Agent.Type == "integration_reference":
		return BySystem
	}
	return ""
}

// maxFile bounds a file of paging data read at once.
const maxFile = 256 << 20

// ReadPagerDutyFile reads PagerDuty incidents saved as JSON: the body of a
// GET /incidents response, or several of them merged, {"incidents": [...],
// "log_entries": [...]}, with the log entries of GET /log_entries when
// acknowledgements matter; or a JSON array of incidents.
func ReadPagerDutyFile(r io.Reader, m Mapping) (*Batch, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("pagerduty file: %w", err)
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("pagerduty file: larger than %d MiB: split it by months", maxFile>>20)
	}
	data = bytes.TrimSpace(data)
	var file struct {
		Incidents  []pdIncident `json:"incidents"`
		LogEntries []pdLogEntry `json:"log_entries"`
	}
	if len(data) > 0 && data[0] == '[' {
		err = json.Unmarshal(data, &file.Incidents)
	} else {
		err = json.Unmarshal(data, &file)
	}
	if err != nil {
		return nil, fmt.Errorf("pagerduty file: %s", jsonProblem(data, err))
	}
	if file.Incidents == nil {
		return nil, fmt.Errorf("pagerduty file: no \"incidents\" list: save the body of GET /incidents, or a JSON array of incidents")
	}
	return pdBatch(file.Incidents, file.LogEntries, m), nil
}

// jsonProblem says where a JSON document went wrong, by line and column.
func jsonProblem(data []byte, err error) string {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		off, err = int64(len(data))+1, errors.New("the JSON ends before it is complete")
	}
	if off < 0 || off > int64(len(data))+1 {
		return err.Error()
	}
	line, col := 1, 1
	for _, c := range data[:max(off-1, 0)] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%d:%d: %v", line, col, err)
}
