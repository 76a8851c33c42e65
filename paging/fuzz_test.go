package paging

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// checkBatch fails when a parser let a page through that Check refuses:
// every page an importer returns must be one the archive takes.
func checkBatch(t *testing.T, b *Batch) {
	t.Helper()
	if b == nil {
		return
	}
	for _, p := range b.Pages {
		q := p
		if err := q.Check(); err != nil || q != p {
			t.Fatalf("page %+v does not check: %v", p, err)
		}
	}
}

func FuzzReadAlertmanager(f *testing.F) {
	f.Add([]byte(amFiring))
	f.Add([]byte(amResolved))
	f.Add([]byte(`{"version":"4","alerts":[{"fingerprint":"f","startsAt":"2026-01-01T00:00:00Z","endsAt":"2025-01-01T00:00:00Z","status":"resolved","labels":{"alertname":"A","team":"t"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadAlertmanager(bytes.NewReader(data), Mapping{Team: "ops"})
		if err != nil && b != nil {
			t.Fatal("a batch with an error")
		}
		checkBatch(t, b)
	})
}

func FuzzReadPagerDutyFile(f *testing.F) {
	inc, _ := json.Marshal(map[string]any{"incidents": []any{pdIncidentJSON("P1", "A", "resolved", "high", fixedTime, nil)}})
	f.Add(inc)
	f.Add([]byte(`[{"id":"P2","title":"t","status":"resolved","created_at":"2026-01-01T00:00:00Z","resolved_at":"2025-01-01T00:00:00Z","teams":[{"summary":"x"}]}]`))
	f.Add([]byte(`{"incidents":[],"log_entries":[{"id":"L","type":"acknowledge_log_entry","incident":{"id":"P"},"created_at":"2026-01-01T00:00:00Z"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, _ := ReadPagerDutyFile(bytes.NewReader(data), Mapping{Team: "ops"})
		checkBatch(t, b)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add("id,team,alert,triggered,acknowledged,resolved,urgency,noise\n1,logistics,A,2026-01-01T00:00:00Z,2026-01-01T00:01:00Z,,low,yes\n")
	f.Add("alert,triggered\nA,2026-03-29 02:30\n")
	f.Add("Alert,Triggered,Team\n\"A\"\"B\",1774756800,x\n")
	f.Fuzz(func(t *testing.T, file string) {
		c := &CSV{Mapping: Mapping{Team: "ops"}, Columns: map[string]string{"team": "Team"}}
		b, _ := c.Read(strings.NewReader(file))
		checkBatch(t, b)
	})
}

// The API importers' decoders: a server's answer is untrusted too.
func FuzzAPIResponses(f *testing.F) {
	f.Add([]byte(`{"data":[{"id":"a","message":"m","status":"closed","createdAt":"2026-01-01T00:00:00.000Z","report":{"ackTime":5,"closeTime":-9}}]}`))
	f.Add([]byte(`{"results":[{"id":"I1","state":"resolved","created_at":"2026-01-01T00:00:00Z","resolved_at":"2026-01-01T00:00:00Z","labels":[{"key":{"name":"team"},"value":{"name":"x"}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var og ogPage
		if json.Unmarshal(data, &og) == nil {
			b := &Batch{}
			for _, a := range og.Data {
				b.add(ogPageOf(a, Mapping{Team: "ops"}))
			}
			checkBatch(t, b)
		}
		var oc ocPage
		if json.Unmarshal(data, &oc) == nil {
			b := &Batch{}
			for _, g := range oc.Results {
				b.add(ocPageOf(g, Mapping{Team: "ops"}))
			}
			checkBatch(t, b)
		}
		var pd pdIncidentPage
		var logs pdLogPage
		if json.Unmarshal(data, &pd) == nil && json.Unmarshal(data, &logs) == nil {
			checkBatch(t, pdBatch(pd.Incidents, logs.LogEntries, Mapping{Team: "ops"}))
		}
	})
}
