package chart

import (
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./chart -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from what the chart draws now; run go test ./chart -update and look at the diff", path)
	}
}

var computed = time.Date(2026, 3, 23, 7, 30, 0, 0, time.UTC)

// incidents is a load chart: customer-facing incidents by severity,
// stacked, the 4-week average over them, and the reactive threshold.
func incidents() *Chart {
	return &Chart{
		ID: "load-logistics", Title: "Logistics: incidents per week",
		Counted: "Incidents per ISO week by severity, with the 4-week average", Window: "2026-W05 to 2026-W12", Computed: computed,
		Labels: []string{"W05", "W06", "W07", "W08", "W09", "W10", "W11", "W12"}, YLabel: "incidents",
		Series: []Series{
			{Name: "SEV1", Values: []float64{0, 0, 0, 0, 0, 0, 0, 0}},
			{Name: "SEV2", Values: []float64{0, 1, 2, 0, 0, 2, 1, 0}},
			{Name: "SEV3", Values: []float64{0, 0, 0, 1, 1, 0, 0, 1}},
			{Name: "SEV4", Values: []float64{0, 0, 0, 0, 0, 1, 0, 0}},
			{Name: "4-week average", Values: []float64{0, 0.25, 0.75, 1, 1.25, 1.75, 1.75, 1.5}, Line: true},
		},
		Thresholds: []Threshold{{Value: 2, Label: "reactive: 2 customer-facing a week"}},
	}
}

// pages is an on-call chart: pages per week by hour band, with the
// weekly equivalent of two pages per shift.
func pages() *Chart {
	return &Chart{
		ID: "pages-logistics", Title: "Logistics: pages per week by hour band",
		Counted: "Pages per ISO week in Europe/Amsterdam, business hours 08–19, off-hours 19–23, sleep hours 23–08", Window: "2026-W06 to 2026-W11", Computed: computed,
		Labels: []string{"W06", "W07", "W08", "W09", "W10", "W11"}, YLabel: "pages",
		Series: []Series{
			{Name: "business hours", Values: []float64{25, 31, 26, 24, 38, 17}},
			{Name: "off-hours", Values: []float64{9, 11, 10, 9, 16, 7}},
			{Name: "sleep hours", Values: []float64{13, 13, 12, 10, 21, 9}},
		},
		Thresholds: []Threshold{{Value: 28, Label: "2 pages per 12-hour shift"}},
		Width:      640, Height: 280,
	}
}

func TestGolden(t *testing.T) {
	golden(t, "incidents.svg", incidents().SVG())
	golden(t, "pages.html", string(pages().HTML()))
}

func TestSVGIsWellFormed(t *testing.T) {
	c := incidents()
	c.Title = `<script>alert("x")</script> & more`
	c.Labels[0] = `W05"><script>`
	c.ID = `x" onload="evil`
	svg := c.SVG()
	if strings.Contains(svg, "<script") || strings.Contains(svg, "onload=") {
		t.Fatalf("markup got through:\n%s", svg)
	}
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
	for _, want := range []string{`role="img"`, "<title id=", "<desc id=", "computed 2026-03-23 07:30 UTC", `class="limit"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG has no %s", want)
		}
	}
}

func TestTable(t *testing.T) {
	tb := incidents().Table()
	if len(tb.Head) != 7 || tb.Head[5] != "4-week average" || tb.Head[6] != "reactive: 2 customer-facing a week" {
		t.Errorf("head = %q", tb.Head)
	}
	if got := strings.Join(tb.Rows[5], "|"); got != "W10|0|2|0|1|1.75|2" {
		t.Errorf("row W10 = %s", got)
	}
	if tb.Caption != "Incidents per ISO week by severity, with the 4-week average, 2026-W05 to 2026-W12; computed 2026-03-23 07:30 UTC." {
		t.Errorf("caption = %q", tb.Caption)
	}
}

func TestScale(t *testing.T) {
	tests := []struct {
		values []float64
		limit  float64
		want   float64
	}{
		{nil, 0, 4},
		{[]float64{3}, 0, 4},
		{[]float64{9}, 0, 10},
		{[]float64{75}, 28, 80},
		{[]float64{1}, 2, 4},
		{[]float64{0.3}, 0, 0.4},
		{[]float64{1234}, 0, 2000},
	}
	for _, tt := range tests {
		c := &Chart{Labels: make([]string, len(tt.values)), Series: []Series{{Values: tt.values}}}
		if tt.limit > 0 {
			c.Thresholds = []Threshold{{Value: tt.limit}}
		}
		if got := c.scaleMax(); got != tt.want {
			t.Errorf("scale of %v (limit %g) = %g, want %g", tt.values, tt.limit, got, tt.want)
		}
	}
}
