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

func TestBodySectionSkipsCodeFences(t *testing.T) {
	body := "# T\n\n## Summary\nThe job printed:\n\n```\n# not a heading\nx509: certificate has expired\n```\n\nThen it stopped.\n\n## Impact\nMuch.\n"
	got := BodySection(body, "Summary")
	if !strings.Contains(got, "x509") || !strings.Contains(got, "Then it stopped.") || strings.Contains(got, "Much.") {
		t.Errorf("BodySection = %q: a # line inside a fenced code block ended the section", got)
	}
	secs := SplitSections("Intro.\n\nTitle\n=====\n\nText.\n")
	if len(secs) != 2 || secs[0].Text != "Intro.\n\n" || secs[1].Heading != "Title" || secs[1].Text != "\nText.\n" {
		t.Errorf("SplitSections with a setext heading = %+v", secs)
	}
}

func pm(id, title, trigger string, services ...string) *Postmortem {
	return &Postmortem{ID: id, Title: title, Trigger: trigger, Services: services, Teams: []string{"platform"}}
}

func TestRankSimilarByWhatHappened(t *testing.T) {
	target := pm("PM-2026-010", "Webhook deliveries failed after the listener cert lapsed", "The TLS certificate on the webhook listener expired at 07:12.", "edge-lb")
	sameKind := pm("PM-2025-001", "Partner API calls rejected", "x509: certificate has expired on the partner gateway; the notAfter date had passed.", "partner-gw")
	samePlace := pm("PM-2025-002", "Edge load balancer dropped traffic after a config push", "A config push to every edge-lb node at once set the listener's idle timeout to 1 s, with no canary stage.", "edge-lb")
	unrelated := pm("PM-2025-003", "Search results empty", "The nightly reindex swapped the alias to an empty index.", "search")
	var cands []SimilarCandidate
	df := map[string]int{}
	for _, p := range []*Postmortem{sameKind, samePlace, unrelated} {
		f := p.Features()
		for _, t := range f.Terms {
			df[t]++
		}
		cands = append(cands, SimilarCandidate{Summary: p.Summary(), Features: f, Actions: ActionProgress{Total: 1, Done: 1}})
	}
	got := RankSimilar(target.Features(), cands, df, 4, 5)
	if len(got) == 0 || got[0].ID != sameKind.ID {
		t.Fatalf("ranked %v, want the same kind of incident in another service first", got)
	}
	for _, s := range got {
		if s.ID == unrelated.ID {
			t.Errorf("an unrelated postmortem entered the results: %+v", s)
		}
		if s.ID == samePlace.ID && s.KindOverlap > 0 {
			t.Errorf("a config push shares a kind with a certificate expiry: %+v", s.Kinds)
		}
	}
	r := got[0].Reason()
	if !strings.HasPrefix(r, "same kind: certificate expiry (this: '") || !strings.Contains(r, "; that: '") {
		t.Errorf("reason %q does not name the shared kind with both sides' evidence", r)
	}
	if !got[0].Actions.AllDone() {
		t.Errorf("first = %+v", got[0])
	}
	if len(RankSimilar(target.Features(), cands, df, 4, 1)) != 1 {
		t.Error("limit not applied")
	}
}

func TestPlaceAloneNeverEnters(t *testing.T) {
	target := pm("PM-2026-011", "Checkout slow", "Checkout latency rose.", "checkout", "payments-api")
	twin := pm("PM-2025-009", "Refund batch late", "A payroll export ran late.", "checkout", "payments-api")
	twin.Tags, target.Tags = []string{"payments"}, []string{"payments"}
	f := twin.Features()
	df := map[string]int{}
	for _, t := range f.Terms {
		df[t] = 1
	}
	if got := RankSimilar(target.Features(), []SimilarCandidate{{Summary: twin.Summary(), Features: f}}, df, 50, 5); len(got) != 0 {
		t.Errorf("a postmortem that shares only services, team and tags was ranked: %+v", got[0])
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

func TestDerivedKinds(t *testing.T) {
	p := &Postmortem{Title: "The edge certificate expired", Body: "## Summary\n\nThe x509 certificate on the edge load balancer expired at 02:14 and TLS handshakes failed.\n"}
	f := p.Features()
	if len(f.Kinds) == 0 {
		t.Fatal("no kinds inferred: the test needs some")
	}
	var back Features
	back.Terms = f.Terms
	back.SetDerived(f.Derived())
	if got := DerivedKinds(f.Derived()); !reflect.DeepEqual(got, back.Kinds) {
		t.Errorf("DerivedKinds = %+v, SetDerived gives %+v", got, back.Kinds)
	}
	if got := DerivedKinds("{not json"); got != nil {
		t.Errorf("a broken value gave kinds: %+v", got)
	}
}
