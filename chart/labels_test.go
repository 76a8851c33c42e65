package chart

import (
	"strings"
	"testing"
)

// TestLongLabelsShortened: labels wider than their slot are cut with an
// ellipsis and keep the whole label as a tooltip, so neighbours never
// overlap; labels that fit are left alone.
func TestLongLabelsShortened(t *testing.T) {
	c := &Chart{ID: "kinds", Title: "Kinds", Counted: "Incidents",
		Labels: []string{"Config push without staged rollout", "Noisy", "Queue backlog without backpressure", "a", "b", "c", "d", "e", "f", "g"},
		Series: []Series{{Name: "incidents", Values: []float64{4, 4, 4, 3, 2, 2, 2, 2, 2, 2}}}}
	svg := c.SVG()
	for _, want := range []string{
		"<title>Config push without staged rollout</title>Config pu…</text>",
		">Noisy</text>",
		">a</text>",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if strings.Contains(svg, ">Queue backlog without backpressure</text>") {
		t.Error("a long label is drawn whole")
	}
}
