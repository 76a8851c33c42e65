package debrief

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestTokensSplitCamelCase(t *testing.T) {
	var got []string
	for _, tok := range Tokens("DispatchQueueLagHigh paged; pod OOMKilled, x509 cert-manager") {
		got = append(got, tok.Word)
	}
	want := []string{"dispatch", "queue", "lag", "high", "paged", "pod", "oom", "killed", "x509", "cert", "manager"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %v, want %v", got, want)
	}
}

func TestSentences(t *testing.T) {
	text := "The cert lapsed (detection).** The renewal job ran.\nIt wrapped here.\n\n- 07:12 — paged\n- 07:20 — rolled back"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, strings.Join(strings.Fields(s.Text), " "))
	}
	want := []string{"The cert lapsed (detection).**", "The renewal job ran.", "It wrapped here.", "- 07:12 — paged", "- 07:20 — rolled back"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

func TestCompileKindsRejectsBadSignals(t *testing.T) {
	for _, tt := range []struct {
		name string
		k    IncidentKind
		want string
	}{
		{"bad id", IncidentKind{ID: "Cert Expiry"}, "lower-case words joined by hyphens"},
		{"short prefix", IncidentKind{ID: "a", Strong: []string{"x* expiry"}}, `prefix "x*" is too short`},
		{"punctuation", IncidentKind{ID: "a", Signals: []string{"didn't fire"}}, `"didn't" is not a word`},
		{"empty", IncidentKind{ID: "a", Against: []string{"  "}}, "give one to six words"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := CompileKinds([]IncidentKind{tt.k}); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := CompileKinds([]IncidentKind{{ID: "a"}, {ID: "a"}}); err == nil {
		t.Error("a kind defined twice was accepted")
	}
}

func TestDefaultKinds(t *testing.T) {
	ks := DefaultKinds().Kinds()
	if len(ks) < 40 {
		t.Errorf("%d default kinds, want at least 40", len(ks))
	}
	for _, k := range ks {
		if k.Name == "" || k.Definition == "" || len(k.Strong) == 0 {
			t.Errorf("kind %s lacks a name, a definition or strong signals", k.ID)
		}
	}
}

func TestInferKinds(t *testing.T) {
	tests := []struct {
		name string
		p    *Postmortem
		want string
	}{
		{"certificate, in other words", &Postmortem{Title: "Partner API down", Trigger: "x509: certificate has expired or is not yet valid on the gateway listener."}, "cert-expiry"},
		{"retry storm", &Postmortem{Title: "Login outage", Trigger: "Mobile clients retried immediately without backoff or jitter, and the retries tripled the load on auth."}, "retry-storm"},
		{"config push", &Postmortem{Title: "Every region broke at once", Trigger: "A configuration change went to all regions at once with no canary stage."}, "config-push"},
		{"migration", &Postmortem{Title: "Orders stalled", Trigger: "ALTER TABLE orders ADD COLUMN took an ACCESS EXCLUSIVE lock on the hot table."}, "migration-lock"},
		{"disk", &Postmortem{Title: "Broker down", Trigger: "The broker's data volume filled up: no space left on device."}, "disk-full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultKinds().Infer(tt.p)
			if len(got) == 0 || got[0].ID != tt.want {
				t.Fatalf("Infer = %+v, want %s first", got, tt.want)
			}
			if len(got[0].Evidence) == 0 || got[0].Score <= 0 || got[0].Score > 1 {
				t.Errorf("match %+v has no evidence or a score outside (0, 1]", got[0])
			}
		})
	}
	if got := DefaultKinds().Infer(&Postmortem{Title: "Lunch was late"}); len(got) != 0 {
		t.Errorf("a text about nothing has kinds %+v", got)
	}
}

// TestEvidenceIsStable: a quote that two signals match gets the same place
// among the evidence however the signals are visited, so a stored similar
// list and a fresh look-up give the same reason.
func TestEvidenceIsStable(t *testing.T) {
	p := &Postmortem{Title: "Payouts timed out", Trigger: "The batch held every connection in the pool, so the connection pool ran out and requests sat waiting for connections."}
	first := DefaultKinds().Infer(p)
	if len(first) == 0 {
		t.Fatal("no kind inferred")
	}
	for range 50 {
		got := DefaultKinds().Infer(p)
		if len(got) != len(first) || !slices.Equal(got[0].Evidence, first[0].Evidence) {
			t.Fatalf("evidence changed between runs: %q, then %q", first[0].Evidence, got[0].Evidence)
		}
	}
}

func TestConfirmedKindsOutrankInferred(t *testing.T) {
	p := &Postmortem{Title: "Checkout errors", Trigger: "The TLS certificate on the load balancer expired.", Kinds: []string{"missing-alert"}}
	got := DefaultKinds().Infer(p)
	if len(got) != 1 || got[0].ID != "missing-alert" || !got[0].Confirmed || got[0].Score != 1 {
		t.Errorf("Infer = %+v, want only the confirmed kind", got)
	}
	if v := Vector(got); v.Top() != "missing-alert" || v["missing-alert"] != 1 {
		t.Errorf("Vector = %v", v)
	}
}

func TestKindSetWith(t *testing.T) {
	ks, err := DefaultKinds().With([]IncidentKind{{ID: "cert-expiry", Strong: []string{"keychain lapse*"}}})
	if err != nil {
		t.Fatal(err)
	}
	p := &Postmortem{Title: "Builds failed", Trigger: "The keychain lapsed."}
	if got := ks.Infer(p); len(got) == 0 || got[0].ID != "cert-expiry" {
		t.Errorf("added words not used: %+v", got)
	}
	if ks.Fingerprint() == DefaultKinds().Fingerprint() {
		t.Error("the fingerprint did not change with the words")
	}
}
