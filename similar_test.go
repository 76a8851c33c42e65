package debrief

import (
	"reflect"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	got := Terms("The TLS certificates expired on Tuesday 10 June; the certificate renewal policies failed, as did 2 probes.")
	want := []string{"certificate", "expired", "failed", "policy", "probe", "renewal", "tls"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %v, want %v", got, want)
	}
}

func TestBodySection(t *testing.T) {
	body := "# T\n\n## Summary\nIt broke.\nTwice.\n\n## Impact\nMuch.\n"
	if got := BodySection(body, "summary"); got != "It broke.\nTwice.\n\n" {
		t.Errorf("BodySection = %q", got)
	}
	if got := BodySection(body, "Lessons"); got != "" {
		t.Errorf("BodySection of a missing section = %q", got)
	}
}

func TestRankSimilar(t *testing.T) {
	target := Features{ID: "PM-2026-003", Services: []string{"edge-lb"}, Categories: []string{"automation"},
		Terms: []string{"certificate", "expired", "renewal"}, Related: []string{"PM-2025-001"}}
	cands := []SimilarCandidate{
		{Summary: &PostmortemSummary{ID: "PM-2025-001"}, Features: Features{ID: "PM-2025-001", Services: []string{"edge-lb"},
			Categories: []string{"automation"}, Terms: []string{"certificate", "expired", "manual"}},
			Actions: ActionProgress{Total: 2, Done: 2}},
		{Summary: &PostmortemSummary{ID: "PM-2025-002"}, Features: Features{ID: "PM-2025-002", Services: []string{"search-api"},
			Terms: []string{"index", "latency"}}},
		{Summary: &PostmortemSummary{ID: "PM-2025-003"}, Features: Features{ID: "PM-2025-003", Services: []string{"edge-lb"},
			Terms: []string{"renewal", "vendor"}}},
	}
	df := map[string]int{"certificate": 3, "expired": 10, "renewal": 5, "manual": 40, "index": 20, "latency": 30, "vendor": 8}
	got := RankSimilar(target, cands, df, 100, 5)
	if len(got) != 2 || got[0].ID != "PM-2025-001" || got[1].ID != "PM-2025-003" {
		t.Fatalf("ranked %v", got)
	}
	r := got[0].Reason()
	for _, want := range []string{"linked as related", "same service: edge-lb", "same factor category: automation", "shares 'certificate', 'expired'"} {
		if !strings.Contains(r, want) {
			t.Errorf("reason %q lacks %q", r, want)
		}
	}
	if !got[0].Actions.AllDone() || got[0].Score <= got[1].Score {
		t.Errorf("first = %+v", got[0])
	}
	if len(RankSimilar(target, cands, df, 100, 1)) != 1 {
		t.Error("limit not applied")
	}
}

func TestSearchTermsBudget(t *testing.T) {
	f := Features{Terms: []string{"common", "rare", "rarer", "unused"}}
	df := map[string]int{"common": 3600, "rare": 400, "rarer": 100}
	if got := f.SearchTerms(df, 10000); !reflect.DeepEqual(got, []string{"rarer", "rare"}) {
		t.Errorf("SearchTerms = %v, want the rare ones within the budget, rarest first", got)
	}
	if got := f.SearchTerms(map[string]int{"common": 9000}, 10000); !reflect.DeepEqual(got, []string{"common"}) {
		t.Errorf("SearchTerms = %v, want at least the rarest", got)
	}
}
