package storetest

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// searchArchive stores the postmortems that the search tests look for.
func searchArchive(t *testing.T, s debrief.Store) {
	t.Helper()
	mustCreate(t, s,
		pm("PM-2025-010", "Checkout failed after the certificate expired",
			started("2025-01-10T02:00:00Z"), teams("payments", "platform"), services("checkout-web", "edge-lb"),
			summary("The edge certificate expired and every checkout request failed the TLS handshake."),
			func(p *debrief.Postmortem) {
				p.Severity, p.CustomerFacing, p.Tags = debrief.SEV1, true, []string{"tls", "certificates"}
			}),
		pm("PM-2025-011", "Checkout latency during the spring sale",
			started("2025-02-11T10:00:00Z"), teams("payments"), services("checkout-web"),
			summary("Checkout slowed down under load. A certificate warning in the logs was unrelated."),
			func(p *debrief.Postmortem) {
				p.Severity, p.CustomerFacing, p.Tags = debrief.SEV2, true, []string{"latency"}
			}),
		pm("PM-2025-012", "Ledger connection pool exhausted",
			started("2025-03-12T08:00:00Z"), teams("payments"), services("ledger"),
			summary("The connection pool of the ledger service ran out after a slow query held every connection."),
			func(p *debrief.Postmortem) { p.Status = debrief.StatusInReview }),
		pm("PM-2025-013", "Worker pool stalled on the search cluster",
			started("2025-04-13T09:00:00Z"), teams("search"), services("search-api"),
			summary("A pool of indexing workers stalled; each worker lost its connection to the cluster in turn."),
			func(p *debrief.Postmortem) { p.Status = debrief.StatusDraft; p.Severity = debrief.SEV4 }),
		pm("PM-2025-014", "Staging certificate rotation broke the nightly tests",
			started("2025-05-14T01:00:00Z"), teams("platform"), services("ci"),
			summary("A certificate rotation in staging broke the nightly integration tests."),
			func(p *debrief.Postmortem) { p.Tags = []string{"staging", "certificates"} }),
	)
}

func testListOrder(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	mustCreate(t, s, pm("PM-2025-015", "No dates at all", func(p *debrief.Postmortem) { p.Started = p.Detected }))
	page := mustFind(t, s, anonymous, "")
	want := []string{"PM-2025-014", "PM-2025-013", "PM-2025-012", "PM-2025-011", "PM-2025-010", "PM-2025-015"}
	if !slices.Equal(ids(page), want) || page.Total != 6 || page.Next != "" {
		t.Errorf("list = %v (total %d, next %q), want %v newest first, undated last", ids(page), page.Total, page.Next, want)
	}
	first := page.Items[0]
	if first.Title == "" || first.Severity != debrief.SEV3 || first.Date.String() != "2025-05-14" ||
		!slices.Equal(first.Teams, []string{"platform"}) || !slices.Equal(first.Tags, []string{"staging", "certificates"}) || first.Version != 1 {
		t.Errorf("summary = %+v", first)
	}
}

func testPagination(t *testing.T, open Opener) {
	s := open(t)
	for i := range 7 {
		mustCreate(t, s, pm(fmt.Sprintf("PM-2025-%03d", i+1), fmt.Sprintf("Gateway errors, part %d", i+1),
			started(fmt.Sprintf("2025-01-%02dT00:00:00Z", 1+i%3))))
	}
	for _, query := range []string{"", "gateway", "team:platform"} {
		t.Run(query, func(t *testing.T) {
			f, _ := debrief.ParseQuery(query)
			f.Limit = 3
			var seen []string
			for page := 0; ; page++ {
				p, err := s.Find(ctx, anonymous, f)
				if err != nil {
					t.Fatal(err)
				}
				if p.Total != 7 {
					t.Errorf("page %d: total = %d, want 7", page, p.Total)
				}
				if len(p.Items) > 3 {
					t.Errorf("page %d has %d items, want at most 3", page, len(p.Items))
				}
				seen = append(seen, ids(p)...)
				if p.Next == "" {
					break
				}
				if page > 5 {
					t.Fatal("pagination does not end")
				}
				f.Cursor = p.Next
			}
			sorted := slices.Clone(seen)
			slices.Sort(sorted)
			if len(seen) != 7 || len(slices.Compact(sorted)) != 7 {
				t.Errorf("pages gave %v, want each of the 7 postmortems once", seen)
			}
		})
	}
}

func testBadCursor(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	list, _ := s.Find(ctx, anonymous, debrief.PostmortemFilter{Limit: 1})
	for _, tt := range []struct {
		name   string
		text   []string
		cursor string
	}{
		{"garbage", nil, "not a cursor!"},
		{"list cursor for a search", []string{"certificate"}, list.Next},
		{"negative offset", []string{"certificate"}, debrief.Cursor{Ranked: true, Offset: -4}.Encode()},
		{"huge offset", []string{"certificate"}, debrief.Cursor{Ranked: true, Offset: math.MaxInt}.Encode()},
		{"offset past the bound", []string{"certificate"}, debrief.Cursor{Ranked: true, Offset: debrief.MaxCursorOffset + 1}.Encode()},
		{"tampered base64", []string{"certificate"}, "eyJyIjp0cnVlLCJvIjo5MjIzMzcyMDM2ODU0Nzc1ODA3fQ"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Find(ctx, anonymous, debrief.PostmortemFilter{Text: debrief.TextQuery{Include: tt.text}, Cursor: tt.cursor})
			wantCode(t, err, debrief.EINVALID)
		})
	}
}

func testFilters(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	tests := []struct {
		query string
		want  []string
	}{
		{"team:payments", []string{"PM-2025-012", "PM-2025-011", "PM-2025-010"}},
		{"team:PAYMENTS", []string{"PM-2025-012", "PM-2025-011", "PM-2025-010"}},
		{"team:search,platform", []string{"PM-2025-014", "PM-2025-013", "PM-2025-010"}},
		{"team:payments team:platform", []string{"PM-2025-014", "PM-2025-012", "PM-2025-011", "PM-2025-010"}},
		{"service:checkout-web", []string{"PM-2025-011", "PM-2025-010"}},
		{"tag:certificates", []string{"PM-2025-014", "PM-2025-010"}},
		{"sev:SEV1", []string{"PM-2025-010"}},
		{"sev:1,2", []string{"PM-2025-011", "PM-2025-010"}},
		{"status:draft", []string{"PM-2025-013"}},
		{"status:in-review", []string{"PM-2025-012"}},
		{"customer:yes", []string{"PM-2025-011", "PM-2025-010"}},
		{"customer:no", []string{"PM-2025-014", "PM-2025-013", "PM-2025-012"}},
		{"after:2025-03-12", []string{"PM-2025-014", "PM-2025-013", "PM-2025-012"}},
		{"before:2025-03-12", []string{"PM-2025-011", "PM-2025-010"}},
		{"after:2025-02-01 before:2025-04-30", []string{"PM-2025-013", "PM-2025-012", "PM-2025-011"}},
		{"team:payments customer:yes sev:SEV2", []string{"PM-2025-011"}},
		{"team:nobody", []string{}},
		{"certificate team:platform", []string{"PM-2025-010", "PM-2025-014"}}, // ranked: compared sorted
		{"certificate tag:staging", []string{"PM-2025-014"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			page := mustFind(t, s, anonymous, tt.query)
			got := ids(page)
			if f, _ := debrief.ParseQuery(tt.query); f.Text.Ranked() {
				slices.Sort(got)
			}
			if !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
				t.Errorf("%q = %v (total %d), want %v", tt.query, got, page.Total, tt.want)
			}
		})
	}
}

func testSearchRanking(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	page := mustFind(t, s, anonymous, "certificate")
	got := ids(page)
	if len(got) != 3 || got[2] != "PM-2025-011" || page.Total != 3 {
		t.Fatalf("certificate = %v (total %d), want the two with it in the title first, then PM-2025-011 that mentions it once", got, page.Total)
	}
	// Stemming: the plural finds the singular.
	if got := ids(mustFind(t, s, anonymous, "certificates expiring")); !slices.Contains(got, "PM-2025-010") {
		t.Errorf("certificates expiring = %v, want PM-2025-010 (certificate expired)", got)
	}
	// Every word must match.
	if got := ids(mustFind(t, s, anonymous, "certificate ledger")); len(got) != 0 {
		t.Errorf("certificate ledger = %v, want none: no postmortem has both", got)
	}
}

func testSearchPhrase(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	if got := ids(mustFind(t, s, anonymous, `"connection pool"`)); !slices.Equal(got, []string{"PM-2025-012"}) {
		t.Errorf(`"connection pool" = %v, want only PM-2025-012, where the words are adjacent`, got)
	}
	got := ids(mustFind(t, s, anonymous, `connection pool`))
	slices.Sort(got)
	if !slices.Equal(got, []string{"PM-2025-012", "PM-2025-013"}) {
		t.Errorf(`connection pool = %v, want PM-2025-012 and PM-2025-013`, got)
	}
}

func testSearchExclusion(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	tests := []struct {
		query string
		want  []string
	}{
		{"certificate -staging", []string{"PM-2025-010", "PM-2025-011"}},
		{`certificate -"spring sale"`, []string{"PM-2025-010", "PM-2025-014"}},
		{"pool -ledger", []string{"PM-2025-013"}},
		{"-certificate", []string{"PM-2025-013", "PM-2025-012"}},
		{"-certificate -worker", []string{"PM-2025-012"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			page := mustFind(t, s, anonymous, tt.query)
			got := ids(page)
			if !strings.HasPrefix(tt.query, "-") {
				slices.Sort(got)
			}
			if !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
				t.Errorf("%q = %v (total %d), want %v", tt.query, got, page.Total, tt.want)
			}
		})
	}
}

func testSearchSnippet(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	page := mustFind(t, s, anonymous, "handshake")
	if len(page.Items) != 1 {
		t.Fatalf("handshake = %v, want PM-2025-010", ids(page))
	}
	sn := page.Items[0].Snippet
	var matches []string
	for _, part := range sn {
		if part.Match {
			matches = append(matches, strings.ToLower(part.Text))
		}
		if strings.ContainsAny(part.Text, debrief.MatchStart+debrief.MatchEnd) {
			t.Errorf("snippet part %q holds a marker", part.Text)
		}
	}
	if !slices.Contains(matches, "handshake") || !strings.Contains(sn.String(), "TLS") {
		t.Errorf("snippet = %q, want handshake marked in its sentence", sn.Marked("[", "]"))
	}
	if list := mustFind(t, s, anonymous, ""); len(list.Items[0].Snippet) != 0 {
		t.Errorf("a list has snippets: %v", list.Items[0].Snippet)
	}
}

func testSearchHostileText(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	for _, q := range []string{
		`"`, `""`, `*`, `cert*`, `NEAR(certificate ledger)`, `certificate OR ledger`, `a AND`, `NOT`,
		`'); DROP TABLE postmortems; --`, `title:certificate`, `-`, `--`, `- -`, `"-"`, `:`, `team:`,
		`\`, `^certificate`, `certificate:`, `(`, `)`, `{}`, `&&`, `||`, `!certificate`, `<->`, `'`,
		"\u00e9t\u00e9", "证书", "\uE000certificate\uE001", "\x00", strings.Repeat("certificate ", 200),
	} {
		f, err := debrief.ParseQuery(q)
		if err != nil {
			wantCode(t, err, debrief.EINVALID)
			continue
		}
		if _, err := s.Find(ctx, anonymous, f); err != nil {
			t.Errorf("find %q: %v", q, err)
		}
	}
	if page := mustFind(t, s, anonymous, ""); page.Total != 5 {
		t.Errorf("the archive holds %d postmortems after hostile searches, want 5", page.Total)
	}
}

// testSearchFollowsUpdates checks that a search finds a postmortem by what
// it says now, filters it by its severity now and hides it as soon as it is
// restricted: the stores may keep what a search reads apart from the
// postmortem.
func testSearchFollowsUpdates(t *testing.T, open Opener) {
	s := open(t)
	searchArchive(t, s)
	p, err := s.FindByID(ctx, admin, "PM-2025-013")
	if err != nil {
		t.Fatal(err)
	}
	q := *p
	q.Title = "Worker pool stalled on the zeppelin cluster"
	q.Severity = debrief.SEV1
	q.Restricted = true
	if err := s.Update(ctx, admin, &q, p.Version); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		v     debrief.Viewer
		query string
		want  []string
	}{
		{admin, "zeppelin", []string{"PM-2025-013"}},
		{admin, `"zeppelin cluster" sev:SEV1`, []string{"PM-2025-013"}},
		{admin, "zeppelin sev:SEV4", nil},
		{anonymous, "zeppelin", nil},
		{anonymous, `"zeppelin cluster"`, nil},
		{anonymous, "pool", []string{"PM-2025-012"}},
		{payments, "worker -ledger", nil},
	}
	for _, tt := range tests {
		page := mustFind(t, s, tt.v, tt.query)
		if got := ids(page); !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
			t.Errorf("%s searching %q = %v (total %d), want %v", tt.v.User, tt.query, got, page.Total, tt.want)
		}
	}
}
