// Package gen makes a realistic archive of postmortems for benchmarks and
// load tests: sizes, vocabulary, teams and services like those of examples/,
// and recurring incident families (certificate expiry, connection pool
// exhaustion, config pushes to every region, …) whose members share
// services, contributing-factor categories, words and sometimes action
// items, as real recurring incidents do.
//
// The archive is deterministic: the same seed gives the same postmortems,
// and Postmortem(i) does not depend on any other, so they can be made in
// parallel. Every postmortem is valid, and the set passes the archive-wide
// checks of `debrief validate`.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Archive makes the postmortems of one generated archive.
type Archive struct {
	Seed uint64
}

// start is the date of the first postmortem; each next one starts about
// fifty minutes later, so 100,000 of them span about ten years.
var start = time.Date(2016, 1, 4, 0, 0, 0, 0, time.UTC)

// Family returns the name of the incident family of postmortem i.
func (a Archive) Family(i int) string { return families[a.rng(i).IntN(len(families))].name }

func (a Archive) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(a.Seed, uint64(i)))
}

// Postmortem returns the i-th postmortem of the archive, counting from 0.
func (a Archive) Postmortem(i int) *debrief.Postmortem {
	r := a.rng(i)
	fam := &families[r.IntN(len(families))]
	famIdx := indexOf(fam)
	svc := fam.services[r.IntN(len(fam.services))]
	dep := pick(r, serviceNames)
	for dep == svc {
		dep = pick(r, serviceNames)
	}
	team := pick(r, teamNames)
	g := &filler{r: r, slots: map[string]string{
		"svc": svc, "dep": dep, "team": team, "vendor": pick(r, vendors),
		"region": pick(r, regions), "event": pick(r, events),
	}}

	t0 := start.Add(time.Duration(i)*50*time.Minute + time.Duration(r.IntN(40))*time.Minute)
	detected := t0.Add(time.Duration(2+r.IntN(40)) * time.Minute)
	mitigated := detected.Add(time.Duration(5+r.IntN(120)) * time.Minute)
	resolved := mitigated.Add(time.Duration(r.IntN(300)) * time.Minute)
	g.slots["hh"], g.slots["mm"] = fmt.Sprintf("%02d", t0.Hour()), fmt.Sprintf("%02d", t0.Minute())

	p := &debrief.Postmortem{
		ID:             a.ID(i),
		Title:          g.fill(pick(r, fam.titles)),
		Severity:       debrief.Severities[weighted(r, []int{5, 20, 45, 30})],
		Status:         debrief.Statuses[weighted(r, []int{8, 7, 85})],
		CustomerFacing: r.IntN(10) < 6,
		Teams:          distinct(team, pick(r, teamNames), r.IntN(3)),
		Services:       distinct(svc, dep, 1+r.IntN(2)),
		Tags:           subset(r, fam.tags, 1+r.IntN(len(fam.tags))),
		Authors:        subset(r, people, 1+r.IntN(2)),
		Reviewers:      subset(r, people, 1+r.IntN(3)),
		ReviewDate:     debrief.DateOf(resolved.AddDate(0, 0, 3+r.IntN(10))),
		Started:        t0,
		Detected:       detected,
		Mitigated:      mitigated,
		Resolved:       resolved,
		Trigger:        g.fill(pick(r, fam.triggers)),
	}
	if r.IntN(50) == 0 {
		p.Restricted = true
		p.Teams = append(p.Teams, "security")
	}
	for _, k := range r.Perm(len(fam.factors))[:2+r.IntN(len(fam.factors)-1)] {
		f := fam.factors[k]
		p.ContributingFactors = append(p.ContributingFactors, debrief.ContributingFactor{Category: f.category, Description: g.fill(f.description)})
	}
	for k := range 1 + r.IntN(4) {
		p.ActionItems = append(p.ActionItems, debrief.ActionItem{
			ID:         "ACT-" + strconv.Itoa(i*10+k+1),
			Title:      g.fill(pick(r, fam.actions)),
			OwnerTeam:  p.Teams[r.IntN(len(p.Teams))],
			Kind:       debrief.ActionKinds[r.IntN(len(debrief.ActionKinds))],
			EffortDays: float64(1+r.IntN(20)) / 2,
			Value:      1 + r.IntN(5),
			Due:        debrief.DateOf(resolved.AddDate(0, 0, 14+r.IntN(60))),
			Status:     debrief.ActionStatuses[weighted(r, []int{20, 15, 60, 5})],
		})
		if a := &p.ActionItems[k]; a.Status == debrief.ActionWontDo {
			a.Reason = "The service is replaced next quarter; the tradeoff is written down in the accepted risks."
		}
	}
	// One in ten shares the family's standing fix for its main service;
	// restricted ones do not, since a shared item links only postmortems
	// with the same audience.
	if r.IntN(10) == 0 && !p.Restricted {
		p.ActionItems = append(p.ActionItems, sharedItem(famIdx, svc))
	}
	if r.IntN(20) == 0 {
		p.AcceptedRisks = []debrief.AcceptedRisk{{
			ID:         "RISK-" + strconv.Itoa(i+1),
			Risk:       g.fill("{svc} still depends on a manual step until the migration is done."),
			WaitingFor: "The platform migration planned for next quarter.",
			Until:      debrief.DateOf(resolved.AddDate(0, 3, 0)),
			Meanwhile:  g.fill("The {team} team checks {dep} by hand every Monday."),
			OwnerTeam:  p.Teams[0],
			ReviewBy:   debrief.DateOf(resolved.AddDate(0, 1, 0)),
		}}
	}
	if i > 0 && r.IntN(10) == 0 {
		j := max(0, i-1-r.IntN(200))
		p.Related = []string{a.ID(j)}
	}
	p.Body = body(g, fam, p)
	return p
}

// ID returns the id of postmortem i: its year is that of its slot in the
// archive's timeline, before the start time's jitter of a few minutes.
func (a Archive) ID(i int) string {
	return fmt.Sprintf("PM-%d-%06d", start.Add(time.Duration(i)*50*time.Minute).Year(), i+1)
}

// sharedItem is the standing fix of a family for a service: the same item,
// word for word, in every postmortem that lists it.
func sharedItem(fam int, svc string) debrief.ActionItem {
	f := &families[fam]
	s := 0
	for k, name := range f.services {
		if name == svc {
			s = k
		}
	}
	return debrief.ActionItem{
		ID:        "ACT-" + strconv.Itoa(9_000_000+fam*100+s),
		Title:     strings.ReplaceAll(strings.ReplaceAll(f.actions[0], "{svc}", svc), "{dep}", "its dependencies"),
		OwnerTeam: "platform",
		Kind:      debrief.KindPrevent,
		Value:     5,
		Due:       debrief.Date{Year: 2027, Month: 1, Day: 31},
		Status:    debrief.ActionInProgress,
	}
}

func indexOf(f *family) int {
	for i := range families {
		if &families[i] == f {
			return i
		}
	}
	return 0
}

// body writes the sections of a postmortem.
func body(g *filler, fam *family, p *debrief.Postmortem) string {
	var b strings.Builder
	r := g.r
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n## Summary\n%s %s\n\n", p.Title, g.fill(pick(r, fam.summaries)), g.fill(pick(r, fam.summaries)))
	w("## Impact\n")
	for _, s := range subset(r, impactLines, 3+r.IntN(5)) {
		w("- %s\n", g.fill(s))
	}
	w("\n## Timeline\nAll times UTC, %s.\n\n", p.Started.Format("2 January 2006"))
	t := p.Started
	for k := range 6 + r.IntN(14) {
		if k > 0 {
			t = t.Add(time.Duration(1+r.IntN(15)) * time.Minute)
		}
		line := pick(r, timelineLines)
		if k == 0 {
			line = p.Trigger
		}
		w("- %s — %s\n", t.Format("15:04"), capitalise(g.fill(line)))
	}
	w("\n## Contributing factors\n")
	for k, f := range p.ContributingFactors {
		w("%d. **%s.** %s\n", k+1, f.Category, f.Description)
	}
	w("\nThe trigger alone would not have caused an outage. %s %s\n", g.fill(pick(r, assumptions)), g.fill(pick(r, lessons)))
	w("\n## What was missing\n")
	for _, s := range subset(r, fam.missing, 1+r.IntN(len(fam.missing))) {
		w("- %s\n", g.fill(s))
	}
	w("\n## What behaved unexpectedly\n%s\n\n", g.fill(pick(r, fam.unexpected)))
	w("## Assumptions proven wrong\n")
	for _, s := range subset(r, assumptions, 1+r.IntN(3)) {
		w("- %s\n", g.fill(s))
	}
	w("\n")
	w("## On-call and paging\n%s\n\n", g.fill(pick(r, paging)))
	w("## What went well\n")
	for _, s := range subset(r, wentWell, 2) {
		w("- %s\n", g.fill(s))
	}
	w("\n## Lessons\n%s %s\n", g.fill(pick(r, lessons)), g.fill(pick(r, lessons)))
	return b.String()
}

// filler fills the slots of templates.
type filler struct {
	r     *rand.Rand
	slots map[string]string
}

func (g *filler) fill(s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		key := s[i+1 : i+j]
		v, ok := g.slots[key]
		switch {
		case key == "n" || key == "n2":
			v = strconv.Itoa(2 + g.r.IntN(90))
		case key == "role":
			v = pick(g.r, roles)
		case !ok:
			v = key
		}
		s = s[:i] + v + s[i+j+1:]
	}
	return s
}

func pick[T any](r *rand.Rand, vs []T) T { return vs[r.IntN(len(vs))] }

// weighted returns an index drawn with the given weights.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// subset returns n distinct values of vs, in a random order.
func subset[T any](r *rand.Rand, vs []T, n int) []T {
	n = min(n, len(vs))
	out := make([]T, 0, n)
	for _, k := range r.Perm(len(vs))[:n] {
		out = append(out, vs[k])
	}
	return out
}

// distinct returns first, then second when n > 0 and it differs.
func distinct(first, second string, n int) []string {
	if n == 0 || first == second {
		return []string{first}
	}
	return []string{first, second}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// FileName returns the name `debrief export` gives the postmortem's file.
func FileName(p *debrief.Postmortem) string { return p.ID + "-" + debrief.Slug(p.Title) + ".md" }
