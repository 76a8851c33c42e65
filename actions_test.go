package debrief

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// incident returns a postmortem as the score sees it: a severity, whether
// customers saw it, and a date.
func incident(id string, sev Severity, customer bool, date string, kinds ...KindMatch) *Kin {
	return &Kin{Summary: &PostmortemSummary{ID: id, Title: id, Severity: sev, CustomerFacing: customer, Date: day(date)}, Kinds: kinds}
}

func action(id string, value int, effort float64, due string, incidents ...*Kin) *ArchiveAction {
	return &ArchiveAction{Item: ActionItem{ID: id, Title: id, OwnerTeam: "platform", Value: value, EffortDays: effort, Due: day(due), Status: ActionOpen}, Incidents: incidents}
}

var aRecurrence = []Recurrence{{Kind: "cert-expiry", KindName: "Certificate expiry", Earlier: &PostmortemSummary{ID: "PM-0"}, Later: &PostmortemSummary{ID: "PM-A"}, Fix: ActionItem{ID: "ACT-100"}}}

func TestScoreAction(t *testing.T) {
	today := day("2026-03-10")
	custom := ScoreWeights{Severity: map[Severity]float64{SEV1: 10, SEV2: 5, SEV3: 3, SEV4: 1}, CustomerFacing: 3, HalfLifeDays: 30, Recurred: 2}
	five := []*Kin{}
	for _, id := range []string{"PM-1", "PM-2", "PM-3", "PM-4", "PM-5"} {
		five = append(five, incident(id, SEV3, false, "2026-03-10"))
	}
	tests := []struct {
		name     string
		action   *ArchiveAction
		weights  ScoreWeights
		score    float64
		harm     float64
		unscored string
		text     string
	}{
		{
			// SEV2 customer-facing today: 6 × 2 = 12.0. SEV3 88 days ago:
			// 3 × 0.5^(88/180) = 3 × 0.712574 = 2.137721. Harm 14.137721;
			// 4/5 × 14.137721 × 1.5 ÷ 3 = 5.655088.
			name:    "the example of docs/actions.md",
			action:  withRecurrence(action("ACT-1", 4, 3, "2026-04-01", incident("PM-A", SEV2, true, "2026-03-10"), incident("PM-B", SEV3, false, "2025-12-12"))),
			weights: DefaultScoreWeights(),
			score:   5.655088, harm: 14.137721,
			text: "value 4/5 × harm 14.1 (SEV2 customer-facing 12.0 + SEV3 2.1) × recurred 1.5 ÷ 3 days = 5.7",
		},
		{
			// SEV1 180 days ago: 10 × 0.5 = 5.0; 5/5 × 5.0 ÷ 2 = 2.5.
			name:    "one half-life old",
			action:  action("ACT-2", 5, 2, "2026-04-01", incident("PM-C", SEV1, false, "2025-09-11")),
			weights: DefaultScoreWeights(),
			score:   2.5, harm: 5,
			text: "value 5/5 × harm 5.0 (SEV1 5.0) ÷ 2 days = 2.5",
		},
		{
			// SEV4 customer-facing 360 days ago: 1 × 2 × 0.25 = 0.5;
			// 2/5 × 0.5 ÷ 0.5 = 0.4.
			name:    "two half-lives old, half a day",
			action:  action("ACT-3", 2, 0.5, "2026-04-01", incident("PM-D", SEV4, true, "2025-03-15")),
			weights: DefaultScoreWeights(),
			score:   0.4, harm: 0.5,
			text: "value 2/5 × harm 0.5 (SEV4 customer-facing 0.5) ÷ 0.5 days = 0.4",
		},
		{
			// Five SEV3 incidents today: 5 × 3 = 15.0; 3/5 × 15 ÷ 1 = 9.0.
			name:    "shared by a family of five",
			action:  action("ACT-4", 3, 1, "2026-04-01", five...),
			weights: DefaultScoreWeights(),
			score:   9, harm: 15,
			text: "value 3/5 × harm 15.0 (SEV3 3.0 + SEV3 3.0 + SEV3 3.0 + SEV3 3.0 + 1 more 3.0) ÷ 1 day = 9.0",
		},
		{
			// SEV2 customer-facing 30 days ago, weights 5, ×3, half-life 30:
			// 5 × 3 × 0.5 = 7.5; recurred ×2; 5/5 × 7.5 × 2 ÷ 5 = 3.0.
			name:    "configured weights",
			action:  withRecurrence(action("ACT-5", 5, 5, "2026-04-01", incident("PM-A", SEV2, true, "2026-02-08"))),
			weights: custom,
			score:   3, harm: 7.5,
			text: "value 5/5 × harm 7.5 (SEV2 customer-facing 7.5) × recurred 2 ÷ 5 days = 3.0",
		},
		{
			// An incident without a date has not faded: 1/5 × 3.0 ÷ 4 =
			// 0.15, shown to one decimal as 0.2.
			name:    "a draft without a date",
			action:  action("ACT-6", 1, 4, "2026-04-01", incident("PM-E", SEV3, false, "0001-01-01")),
			weights: DefaultScoreWeights(),
			score:   0.15, harm: 3,
			text: "value 1/5 × harm 3.0 (SEV3 3.0) ÷ 4 days = 0.2",
		},
		{
			name:    "no value",
			action:  action("ACT-7", 0, 3, "2026-04-01", incident("PM-A", SEV2, true, "2026-03-10")),
			weights: DefaultScoreWeights(),
			harm:    12, unscored: "no value",
			text: "unscored: no value (harm 12.0 (SEV2 customer-facing 12.0) ÷ 3 days)",
		},
		{
			name:    "no effort",
			action:  action("ACT-8", 4, 0, "2026-04-01", incident("PM-A", SEV2, true, "2026-03-10")),
			weights: DefaultScoreWeights(),
			harm:    12, unscored: "no effort",
			text: "unscored: no effort (value 4/5 × harm 12.0 (SEV2 customer-facing 12.0))",
		},
		{
			name:    "neither",
			action:  action("ACT-9", 0, 0, "2026-04-01", incident("PM-A", SEV2, true, "2026-03-10")),
			weights: DefaultScoreWeights(),
			harm:    12, unscored: "no value or effort",
			text: "unscored: no value or effort (harm 12.0 (SEV2 customer-facing 12.0))",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "a draft without a date" {
				tt.action.Incidents[0].Summary.Date = Date{}
			}
			s := ScoreAction(tt.action, tt.weights, today)
			if math.Abs(s.Score-tt.score) > 1e-5 || math.Abs(s.Harm-tt.harm) > 1e-5 {
				t.Errorf("score %.6f, harm %.6f; want %.6f, %.6f", s.Score, s.Harm, tt.score, tt.harm)
			}
			if s.Unscored != tt.unscored || s.Scored() != (tt.unscored == "") {
				t.Errorf("unscored = %q, want %q", s.Unscored, tt.unscored)
			}
			if got := s.String(); got != tt.text {
				t.Errorf("arithmetic\n got %s\nwant %s", got, tt.text)
			}
		})
	}
}

func withRecurrence(a *ArchiveAction) *ArchiveAction {
	a.Recurrences = aRecurrence
	return a
}

func TestScoreWeightsValidate(t *testing.T) {
	if err := DefaultScoreWeights().Validate(); err != nil {
		t.Fatalf("the defaults are invalid: %v", err)
	}
	tests := []struct {
		name   string
		change func(w *ScoreWeights)
		want   string
	}{
		{"missing severity", func(w *ScoreWeights) { delete(w.Severity, SEV4) }, "severity SEV4"},
		{"zero severity", func(w *ScoreWeights) { w.Severity[SEV1] = 0 }, "severity SEV1"},
		{"unknown severity", func(w *ScoreWeights) { w.Severity["SEV9"] = 1 }, `"SEV9"`},
		{"customer factor below 1", func(w *ScoreWeights) { w.CustomerFacing = 0.5 }, "customer_facing"},
		{"recurrence factor NaN", func(w *ScoreWeights) { w.Recurred = math.NaN() }, "recurred"},
		{"no half-life", func(w *ScoreWeights) { w.HalfLifeDays = 0 }, "half_life_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := DefaultScoreWeights()
			tt.change(&w)
			err := w.Validate()
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v, want an invalid error about %s", err, tt.want)
			}
		})
	}
}

func TestRankActions(t *testing.T) {
	today := day("2026-03-10")
	now := incident("PM-1", SEV1, false, "2026-03-10") // harm 10
	// value/5 × 10 ÷ effort:
	a := action("ACT-1", 5, 4, "2026-05-01", now)    // 2.5
	b := action("ACT-2", 5, 4, "2026-01-01", now)    // 2.5, overdue
	c := action("ACT-3", 5, 4, "2026-04-01", now)    // 2.5
	c2 := action("ACT-4", 3, 2.4, "2026-03-20", now) // 2.5 exactly as shown
	d := action("ACT-5", 3, 1, "2026-06-01", now)    // 6.0
	e := action("ACT-6", 0, 2, "2026-02-01", now)    // unscored, overdue
	f := action("ACT-7", 4, 0, "2026-03-15", now)    // unscored
	g := action("ACT-8", 5, 1, "2026-06-01", now)    // 10.0, pinned below
	h := action("ACT-9", 1, 10, "2026-06-01", now)   // 0.2, pinned above
	i := action("ACT-10", 1, 5, "2026-06-01", now)   // 0.4, pinned by another team: ignored
	j := action("ACT-11", 1, 5, "2026-06-01", now)   // 0.4, pin without a reason: ignored
	pins := []Pin{
		{ItemID: "ACT-8", Team: "Platform", Direction: PinBelow, Reason: "waiting for the new load balancer in Q3"},
		{ItemID: "ACT-9", Team: "platform", Direction: PinAbove, Reason: "the auditors asked for it by April"},
		{ItemID: "ACT-10", Team: "payments", Direction: PinAbove, Reason: "we want it"},
		{ItemID: "ACT-11", Team: "platform", Direction: PinAbove},
	}
	r := RankActions([]*ArchiveAction{a, b, c, c2, d, e, f, g, h, i, j}, pins, DefaultScoreWeights(), today)
	var got []string
	for _, ra := range r.Ranked {
		got = append(got, ra.Item.ID)
	}
	want := []string{"ACT-9", "ACT-5", "ACT-2", "ACT-4", "ACT-3", "ACT-1", "ACT-10", "ACT-11", "ACT-8"}
	if !slices.Equal(got, want) {
		t.Errorf("ranked %v, want %v", got, want)
	}
	if r.Ranked[0].Rank != 1 || r.Ranked[8].Rank != 9 || r.Ranked[0].Pin == nil || !strings.Contains(r.Ranked[0].Pin.String(), "pinned above its rank by platform: the auditors") {
		t.Errorf("ranks or pins not recorded: %+v", r.Ranked[0])
	}
	if !r.Ranked[2].Overdue || r.Ranked[1].Overdue {
		t.Errorf("overdue flags wrong")
	}
	var unscored []string
	for _, ra := range r.Unscored {
		unscored = append(unscored, ra.Item.ID)
		if ra.Rank != 0 {
			t.Errorf("unscored %s has rank %d", ra.Item.ID, ra.Rank)
		}
	}
	if !slices.Equal(unscored, []string{"ACT-6", "ACT-7"}) {
		t.Errorf("unscored %v, want overdue ACT-6 before ACT-7", unscored)
	}
}

func TestPinValidate(t *testing.T) {
	ok := Pin{ItemID: "ACT-1", Team: "platform", Direction: PinAbove, Reason: "why"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []Pin{{Team: "t", Direction: PinAbove, Reason: "r"}, {ItemID: "ACT-1", Direction: PinAbove, Reason: "r"},
		{ItemID: "ACT-1", Team: "t", Direction: "sideways", Reason: "r"}, {ItemID: "ACT-1", Team: "t", Direction: PinBelow, Reason: " "}} {
		if err := p.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("Validate(%+v) = %v, want invalid", p, err)
		}
	}
}

func TestCollectActions(t *testing.T) {
	edge, platform := []string{"edge-lb"}, []string{"platform"}
	fix := item("ACT-1", "platform", KindPrevent, ActionDone, "2025-04-01")
	shared := item("ACT-7", "platform", KindPrevent, ActionOpen, "2026-04-01")
	pm1 := kin("PM-1", "2025-03-01", edge, platform, certKind, fix, shared)
	pm2 := kin("PM-2", "2025-09-01", edge, platform, certKind, shared, item("ACT-8", "platform", KindDetect, ActionOpen, "2026-05-01"))
	pm3 := kin("PM-3", "2025-10-01", []string{"ledger"}, []string{"payments"}, nil, item("ACT-10", "payments", KindProcess, ActionDone, "2025-12-01"))
	dates := ActionDates{
		Done:   func(id string) (Date, bool) { return day("2025-11-20"), id == "ACT-10" },
		Opened: func(id string) (Date, bool) { return day("2025-10-02"), id == "ACT-10" },
	}
	got := CollectActions([]*Kin{pm3, pm2, pm1}, dates, day("2026-03-10"))
	var ids []string
	for _, a := range got {
		ids = append(ids, a.Item.ID)
	}
	if !slices.Equal(ids, []string{"ACT-1", "ACT-7", "ACT-8", "ACT-10"}) {
		t.Fatalf("ids %v, want id order with ACT-10 last", ids)
	}
	act1, act7, act8, act10 := got[0], got[1], got[2], got[3]
	if !slices.Equal(act7.PostmortemIDs(), []string{"PM-1", "PM-2"}) {
		t.Errorf("ACT-7 is listed by %v, want both incidents, oldest first", act7.PostmortemIDs())
	}
	// PM-2 came after ACT-1 was done: the family recurred, so every other
	// item of PM-1 and PM-2 counts it; ACT-1's own failure does not raise it.
	for _, a := range []*ArchiveAction{act7, act8} {
		if len(a.Recurrences) != 1 || a.Recurrences[0].Fix.ID != "ACT-1" || a.Recurrences[0].Later.ID != "PM-2" {
			t.Errorf("%s recurrences = %+v", a.Item.ID, a.Recurrences)
		}
	}
	if len(act1.Recurrences) != 0 || len(act10.Recurrences) != 0 {
		t.Errorf("ACT-1 %v, ACT-10 %v: want no recurrences", act1.Recurrences, act10.Recurrences)
	}
	if act10.DoneOn != day("2025-11-20") || act10.OpenedOn() != day("2025-10-02") || act7.OpenedOn() != day("2025-03-01") || !act7.DoneOn.IsZero() {
		t.Errorf("dates: ACT-10 done %s opened %s; ACT-7 opened %s done %s", act10.DoneOn, act10.OpenedOn(), act7.OpenedOn(), act7.DoneOn)
	}
	if f := act7.Families(); !slices.Equal(f, []string{"cert-expiry"}) {
		t.Errorf("families %v", f)
	}
}

func TestActionFilter(t *testing.T) {
	today := day("2026-03-10")
	pm1 := kin("PM-1", "2025-03-01", []string{"edge-lb"}, []string{"platform"}, certKind)
	pm2 := kin("PM-2", "2025-09-01", []string{"Ledger"}, []string{"payments"}, nil)
	a := &ArchiveAction{Item: item("ACT-1", "Platform", KindPrevent, ActionOpen, "2026-03-01"), Incidents: []*Kin{pm1}}
	b := &ArchiveAction{Item: item("ACT-2", "payments", KindDetect, ActionDone, "2026-01-01"), Incidents: []*Kin{pm2}}
	c := &ArchiveAction{Item: item("ACT-3", "payments", KindProcess, "", "2026-04-01"), Incidents: []*Kin{pm1, pm2}}
	tests := []struct {
		name string
		f    ActionFilter
		want []string
	}{
		{"everything", ActionFilter{}, []string{"ACT-1", "ACT-2", "ACT-3"}},
		{"team, any case", ActionFilter{Teams: []string{" platform"}}, []string{"ACT-1"}},
		{"status, default open", ActionFilter{Statuses: []ActionStatus{ActionOpen}}, []string{"ACT-1", "ACT-3"}},
		{"open ones", OpenActions(), []string{"ACT-1", "ACT-3"}},
		{"kind", ActionFilter{Kinds: []ActionKind{KindDetect, KindProcess}}, []string{"ACT-2", "ACT-3"}},
		{"overdue", ActionFilter{Overdue: true}, []string{"ACT-1"}},
		{"due before", ActionFilter{DueBefore: day("2026-03-01")}, []string{"ACT-2"}},
		{"postmortem", ActionFilter{Postmortems: []string{"pm-2"}}, []string{"ACT-2", "ACT-3"}},
		{"service", ActionFilter{Services: []string{"ledger"}}, []string{"ACT-2", "ACT-3"}},
		{"incident kind", ActionFilter{IncidentKinds: []string{"cert-expiry"}}, []string{"ACT-1", "ACT-3"}},
		{"several conditions", ActionFilter{Teams: []string{"payments"}, IncidentKinds: []string{"cert-expiry"}}, []string{"ACT-3"}},
		{"nothing", ActionFilter{Teams: []string{"search"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range tt.f.Filter([]*ArchiveAction{a, b, c}, today) {
				got = append(got, x.Item.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("matched %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCompareActionIDs(t *testing.T) {
	ids := []string{"ACT-231", "ACT-9", "RISK-2", "ACT-10", "odd"}
	slices.SortFunc(ids, CompareActionIDs)
	if want := []string{"ACT-9", "ACT-10", "ACT-231", "RISK-2", "odd"}; !slices.Equal(ids, want) {
		t.Errorf("sorted %v, want %v", ids, want)
	}
}
