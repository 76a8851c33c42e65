package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/debrief/debrief"
)

// TestSearchFollowsOtherWriters searches and lists through one handle on
// an archive while another, as `debrief import` beside `debrief serve`
// would, adds postmortems, moves one to another team and restricts it:
// each answer of the first handle follows every write of the second,
// although the first keeps what filters select in memory.
func TestSearchFollowsOtherWriters(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	reader, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	writer, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	viewer := debrief.Viewer{Teams: []string{"payments"}}
	find := func(q string) []string {
		t.Helper()
		f, err := debrief.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		page, err := reader.Find(ctx, viewer, f)
		if err != nil {
			t.Fatalf("find %q: %v", q, err)
		}
		var ids []string
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		if page.Total != len(ids) {
			t.Errorf("find %q: total %d for %v", q, page.Total, ids)
		}
		slices.Sort(ids)
		return ids
	}
	check := func(step string, want ...string) {
		t.Helper()
		for _, q := range []string{"team:payments certificate", "team:payments", "certificate"} {
			if got := find(q); !slices.Equal(got, want) {
				t.Errorf("%s: %q = %v, want %v", step, q, got, want)
			}
		}
	}
	pm := func(id string) *debrief.Postmortem {
		p := storagePM(id)
		p.Title, p.Teams = "Certificate expired", []string{"payments"}
		return p
	}
	check("empty archive")
	if err := writer.Create(ctx, debrief.Operator, pm("PM-2025-001")); err != nil {
		t.Fatal(err)
	}
	check("one added", "PM-2025-001")
	if err := writer.Create(ctx, debrief.Operator, pm("PM-2025-002")); err != nil {
		t.Fatal(err)
	}
	check("two added", "PM-2025-001", "PM-2025-002")
	moved := pm("PM-2025-001")
	moved.Teams, moved.Restricted = []string{"search"}, true
	if err := writer.Update(ctx, debrief.Operator, moved, 1); err != nil {
		t.Fatal(err)
	}
	check("one moved to another team and restricted", "PM-2025-002")
}
