package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/debrief/debrief"
)

// The restricted postmortem of the visibility tests, and who may see it.
const secret = "PM-2025-020"

var platformMember = debrief.Viewer{User: "pia", Teams: []string{"platform"}}

// restrictedArchive stores a restricted security postmortem, a public one
// much like it, and an unrelated one.
func restrictedArchive(t *testing.T, s debrief.Store) {
	t.Helper()
	leak := func(p *debrief.Postmortem) {
		p.Services = []string{"ci", "build-server"}
		p.Trigger = "A leaked deploy key was used against the build server."
		p.ContributingFactors = []debrief.ContributingFactor{{Category: "security", Description: "The deploy key had write access to every repository."}}
	}
	mustCreate(t, s,
		pm(secret, "Leaked deploy key used against the build server", restricted, teams("security", "platform"), leak,
			started("2025-06-01T00:00:00Z"), summary("An attacker used a leaked deploy key to push to the build server.")),
		pm("PM-2025-021", "Leaked deploy key found in a public repository", teams("platform"), leak,
			started("2025-05-01T00:00:00Z"), summary("A deploy key leaked into a public repository; it was revoked before use.")),
		pm("PM-2025-022", "Search latency after an index rebuild", teams("search"), services("search-api"),
			started("2025-04-01T00:00:00Z"), summary("Search slowed down while the index was rebuilt.")),
	)
}

// canSee lists who sees the restricted postmortem: admins and its teams'
// members, whatever the case of the team's name.
var canSee = []struct {
	name string
	v    debrief.Viewer
	sees bool
}{
	{"anonymous", anonymous, false},
	{"other team", payments, false},
	{"member", securityMember, true},
	{"other member", platformMember, true},
	{"admin", admin, true},
}

func testRestrictedGet(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	for _, c := range canSee {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.FindByID(ctx, c.v, secret)
			if c.sees {
				if err != nil || p.ID != secret {
					t.Errorf("FindByID = %v, %v; want the postmortem", p, err)
				}
				return
			}
			wantCode(t, err, debrief.ENOTFOUND)
			if p != nil {
				t.Errorf("FindByID returned %s with its error", p.ID)
			}
		})
	}
}

func testRestrictedLists(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	for _, c := range canSee {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range []string{"", "leaked deploy key", `"build server"`, "team:security", "service:ci", "sev:SEV3", "-index", "customer:no", "after:2025-01-01"} {
				page := mustFind(t, s, c.v, q)
				shown := slices.Contains(ids(page), secret)
				if shown != c.sees {
					t.Errorf("%q shows the restricted postmortem: %v, want %v (%v)", q, shown, c.sees, ids(page))
				}
				if page.Total != len(page.Items) {
					t.Errorf("%q: total %d counts what the page does not show (%v)", q, page.Total, ids(page))
				}
			}
		})
	}
}

func testRestrictedSimilar(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	for _, c := range canSee {
		t.Run(c.name, func(t *testing.T) {
			sims, err := s.Similar(ctx, c.v, "PM-2025-021", 5)
			if err != nil {
				t.Fatal(err)
			}
			if got := slices.Contains(similarIDs(sims), secret); got != c.sees {
				t.Errorf("similar to PM-2025-021 shows the restricted postmortem: %v, want %v (%v)", got, c.sees, similarIDs(sims))
			}
			draft := pm("PM-2025-099", "Leaked deploy key on the build server", func(p *debrief.Postmortem) {
				p.Services = []string{"ci", "build-server"}
			})
			sims, err = s.SimilarToDraft(ctx, c.v, draft, 5)
			if err != nil {
				t.Fatal(err)
			}
			if got := slices.Contains(similarIDs(sims), secret); got != c.sees {
				t.Errorf("similar to a draft shows the restricted postmortem: %v, want %v (%v)", got, c.sees, similarIDs(sims))
			}
			_, err = s.Similar(ctx, c.v, secret, 5)
			if c.sees && err != nil {
				t.Errorf("similar to the restricted postmortem: %v", err)
			}
			if !c.sees {
				wantCode(t, err, debrief.ENOTFOUND)
			}
		})
	}
}

func testRestrictedUpdate(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	p, err := s.FindByID(ctx, admin, secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range canSee {
		if c.sees {
			continue
		}
		for _, version := range []int{1, 5} {
			q := *p
			q.Title = "Overwritten by " + c.name
			wantCode(t, s.Update(ctx, c.v, &q, version), debrief.ENOTFOUND)
		}
	}
	q := *p
	q.Title = "Leaked deploy key used against the build server, reviewed"
	if err := s.Update(ctx, securityMember, &q, 1); err != nil {
		t.Fatalf("a member updates: %v", err)
	}
	got, _ := s.FindByID(ctx, admin, secret)
	if got.Title != q.Title || got.Version != 2 {
		t.Errorf("after the updates: %q at version %d, want the member's at version 2", got.Title, got.Version)
	}
}

func testRestrictedExport(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	for _, c := range canSee {
		var got []string
		if err := s.Export(ctx, c.v, func(id string, _ []byte) error { got = append(got, id); return nil }); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(got, secret) != c.sees {
			t.Errorf("%s exports %v", c.name, got)
		}
	}
}

// testRestrictedRanking checks that what a viewer cannot see never changes
// what they get from a search: the same results, in the same order, with
// the same total, as from an archive without the restricted postmortems.
// The SQLite store ranks only the newest matches of a broad search; it
// must pick them among the matches the viewer may see.
func testRestrictedRanking(t *testing.T, open Opener) {
	public := []*debrief.Postmortem{
		pm("PM-2025-031", "Certificate expired on the edge", started("2025-01-01T00:00:00Z"), teams("edge"),
			summary("The edge certificate expired: the certificate renewal job skipped the certificate of the edge.")),
		pm("PM-2025-032", "Gateway errors after a deploy", started("2025-02-01T00:00:00Z"), teams("edge"),
			summary("A deploy of the gateway failed its certificate check twice; the certificate was fine.")),
		pm("PM-2025-033", "Gateway latency after a deploy", started("2025-03-01T00:00:00Z"), teams("edge"),
			summary("A deploy of the gateway slowed requests; a certificate warning in the logs was unrelated.")),
	}
	var secret []*debrief.Postmortem
	for i := range 4 {
		secret = append(secret, pm(fmt.Sprintf("PM-2025-%03d", 40+i), "Stolen certificate key", restricted, teams("security"),
			started(fmt.Sprintf("2025-04-%02dT00:00:00Z", i+1)),
			summary("An attacker used a stolen certificate key; the certificate was revoked.")))
	}
	without, with := open(t), open(t)
	mustCreate(t, without, clones(public)...)
	mustCreate(t, with, clones(public)...)
	mustCreate(t, with, secret...)
	for _, q := range []string{"certificate", "certificate deploy", "gateway", "certificate team:edge"} {
		want, got := mustFind(t, without, payments, q), mustFind(t, with, payments, q)
		if !slices.Equal(ids(got), ids(want)) || got.Total != want.Total {
			t.Errorf("%q = %v (total %d) beside restricted postmortems, want %v (total %d) as without them",
				q, ids(got), got.Total, ids(want), want.Total)
		}
	}
}

func clones(ps []*debrief.Postmortem) []*debrief.Postmortem {
	out := make([]*debrief.Postmortem, len(ps))
	for i, p := range ps {
		q := *p
		out[i] = &q
	}
	return out
}
