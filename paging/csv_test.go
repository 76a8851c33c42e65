package paging

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCSVRoundTrip(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 4, 5, 0, 0, time.UTC)
	pages := []Page{
		{Source: "csv", SourceID: "p1", Team: "logistics", Service: "dispatch", Alert: "DispatchQueueLagHigh", Urgency: High, Rotation: "logistics-primary",
			Triggered: t0, Acknowledged: t0.Add(time.Minute), Resolved: t0.Add(9 * time.Minute), ResolvedBy: ByPerson, AckTracked: true},
		{Source: "csv", SourceID: "p2", Team: "platform", Alert: "Disk, \"almost\" full", Urgency: Low, Triggered: t0.Add(time.Hour), AckTracked: true, Noise: true},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, pages); err != nil {
		t.Fatal(err)
	}
	b, err := (&CSV{}).Read(&buf)
	if err != nil || len(b.Skipped) != 0 {
		t.Fatalf("%v, skipped %v", err, b.Skipped)
	}
	if !reflect.DeepEqual(b.Pages, pages) {
		t.Errorf("read back %+v\nwant        %+v", b.Pages, pages)
	}
}

func TestCSVMapping(t *testing.T) {
	// A tool's export: its own column names, local times in Amsterdam
	// (the first on the night the clocks went forward), no ids.
	file := "\ufeffIncident,Created At,Team Name,Acked,Closed,Noise\n" +
		"DispatchQueueLagHigh,2026-03-29 01:30,Logistics,2026-03-29 03:10,2026-03-29 03:20,no\n" +
		"DispatchQueueLagHigh,2026-03-29 04:00:00,,,,\n" +
		"DispatchQueueLagHigh,29/03/2026,Logistics,,,\n" +
		"DispatchQueueLagHigh,2026-03-29 05:00,Logistics,,,maybe\n" +
		"DispatchQueueLagHigh,1774756800,Logistics,,,\n"
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	c := &CSV{Columns: map[string]string{"alert": "Incident", "triggered": "created at", "team": "Team Name", "acknowledged": "Acked", "resolved": "Closed"},
		Location: ams, Mapping: Mapping{Team: "platform"}, Source: "tool"}
	b, err := c.Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 3 || len(b.Skipped) != 2 {
		t.Fatalf("pages %+v, skipped %+v", b.Pages, b.Skipped)
	}
	// 01:30 CET is 00:30 UTC; 03:10 CEST (after the change at 02:00) is 01:10 UTC.
	p := b.Pages[0]
	if p.Triggered != time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC) || p.Acknowledged != time.Date(2026, 3, 29, 1, 10, 0, 0, time.UTC) || p.Team != "logistics" || !p.AckTracked || p.Noise {
		t.Errorf("first = %+v", p)
	}
	if p := b.Pages[1]; p.Team != "platform" || p.Triggered != time.Date(2026, 3, 29, 2, 0, 0, 0, time.UTC) {
		t.Errorf("default team = %+v", p)
	}
	if p := b.Pages[2]; p.Triggered != time.Unix(1774756800, 0).UTC() {
		t.Errorf("unix seconds = %+v", p)
	}
	if b.Skipped[0].ID != "line 4" || !strings.Contains(b.Skipped[0].Reason, `Created At "29/03/2026" is not a time`) {
		t.Errorf("skipped = %+v", b.Skipped[0])
	}
	if b.Skipped[1].ID != "line 5" || !strings.Contains(b.Skipped[1].Reason, "Noise") {
		t.Errorf("skipped = %+v", b.Skipped[1])
	}
	// Ids from the content: reading the file again gives the same keys.
	again, _ := c.Read(strings.NewReader(file))
	if again.Pages[0].Key() != b.Pages[0].Key() || b.Pages[0].Key() == b.Pages[1].Key() {
		t.Errorf("keys %s, %s, %s", b.Pages[0].Key(), again.Pages[0].Key(), b.Pages[1].Key())
	}
}

func TestCSVErrors(t *testing.T) {
	tests := []struct {
		name, file string
		c          CSV
		msg        string
	}{
		{"empty", "", CSV{}, "empty"},
		{"no triggered", "alert,team\nA,t\n", CSV{}, `no "triggered" column`},
		{"no team", "alert,triggered\nA,2026-01-01T00:00:00Z\n", CSV{}, "no default team"},
		{"mapped but absent", "alert,team\nA,t\n", CSV{Columns: map[string]string{"triggered": "When"}}, `no "When" column`},
		{"unknown field", "alert,team,triggered\n", CSV{Columns: map[string]string{"severity": "Sev"}}, `"severity" is not a field`},
		{"bad quote", "alert,team,triggered\n\"A,t,2026-01-01T00:00:00Z\n", CSV{}, "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.c.Read(strings.NewReader(tt.file)); err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %q", err, tt.msg)
			}
		})
	}
}
