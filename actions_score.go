package debrief

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The return-for-work score of an action item (docs/actions.md):
//
//	score = value/5 × harm × recurred ÷ effort days
//
// Value is the item's 1–5 risk reduction. Harm is the cost of delay: the
// sum, over the incidents that list the item, of the severity's weight,
// times the customer-facing factor when customers saw the impact, fading
// by half every HalfLifeDays since the incident. Recurred is the
// recurrence factor when the item's family came back after a related fix
// was marked done, 1 otherwise. An item without a value or an effort has
// no score: it is listed as unscored, never given a default.

// ScoreWeights are the configurable weights of the score.
type ScoreWeights struct {
	// Severity is the harm of one incident of each severity, before the
	// customer-facing factor and fading.
	Severity map[Severity]float64 `yaml:"severity" json:"severity"`
	// CustomerFacing multiplies the harm of an incident whose customers saw
	// the impact.
	CustomerFacing float64 `yaml:"customer_facing" json:"customer_facing"`
	// HalfLifeDays is how many days it takes an incident's harm to fade to
	// half.
	HalfLifeDays float64 `yaml:"half_life_days" json:"half_life_days"`
	// Recurred multiplies the score of an item whose family came back
	// after a related fix was marked done.
	Recurred float64 `yaml:"recurred" json:"recurred"`
}

// DefaultScoreWeights returns the weights debrief uses unless configured:
// SEV1 10, SEV2 6, SEV3 3, SEV4 1; customer-facing ×2; a half-life of 180
// days; recurred ×1.5.
func DefaultScoreWeights() ScoreWeights {
	return ScoreWeights{
		Severity:       map[Severity]float64{SEV1: 10, SEV2: 6, SEV3: 3, SEV4: 1},
		CustomerFacing: 2,
		HalfLifeDays:   180,
		Recurred:       1.5,
	}
}

// Validate checks that every weight is usable: a positive weight for every
// severity, a customer-facing factor and a recurrence factor of at least 1,
// and a positive half-life.
func (w ScoreWeights) Validate() error {
	for _, s := range Severities {
		if v, ok := w.Severity[s]; !ok || !(v > 0) || math.IsInf(v, 0) {
			return Errorf(EINVALID, "score weights: severity %s needs a weight above 0", s)
		}
	}
	for s := range w.Severity {
		if !slices.Contains(Severities, s) {
			return Errorf(EINVALID, "score weights: %q is not one of SEV1, SEV2, SEV3, SEV4", s)
		}
	}
	if !(w.CustomerFacing >= 1) || math.IsInf(w.CustomerFacing, 0) {
		return Errorf(EINVALID, "score weights: customer_facing is a factor of at least 1, not %g", w.CustomerFacing)
	}
	if !(w.Recurred >= 1) || math.IsInf(w.Recurred, 0) {
		return Errorf(EINVALID, "score weights: recurred is a factor of at least 1, not %g", w.Recurred)
	}
	if !(w.HalfLifeDays > 0) || math.IsInf(w.HalfLifeDays, 0) {
		return Errorf(EINVALID, "score weights: half_life_days must be a number of days above 0, not %g", w.HalfLifeDays)
	}
	return nil
}

// ActionScore is an item's score with every number it was computed from,
// so that the arithmetic can be shown.
type ActionScore struct {
	Value  int
	Effort float64
	// Harm is the sum of Parts' harms.
	Harm  float64
	Parts []HarmPart
	// Recurred is the recurrence factor: 1 when the family did not come
	// back after a related fix; Because names the fix that did not hold.
	Recurred float64
	Because  *Recurrence
	// Score is value/5 × harm × recurred ÷ effort; 0 when unscored.
	Score float64
	// Unscored says why the item has no score ("no value", "no effort",
	// "no value or effort"); "" when it has one.
	Unscored string
}

// Scored reports whether the item has a score.
func (s ActionScore) Scored() bool { return s.Unscored == "" }

// HarmPart is one incident's share of an item's harm.
type HarmPart struct {
	Postmortem     string
	Severity       Severity
	CustomerFacing bool
	// AgeDays is the incident's age in whole days; Fade the share of its
	// harm left after that long.
	AgeDays int
	Fade    float64
	Harm    float64
}

// Label names the part as the arithmetic shows it: "SEV2 customer-facing".
func (p HarmPart) Label() string {
	s := string(p.Severity)
	if s == "" {
		s = "no severity"
	}
	if p.CustomerFacing {
		s += " customer-facing"
	}
	return s
}

// ScoreAction computes the score of a as of today. Weights are assumed
// valid (ScoreWeights.Validate).
func ScoreAction(a *ArchiveAction, w ScoreWeights, today Date) ActionScore {
	s := ActionScore{Value: a.Item.Value, Effort: a.Item.EffortDays, Recurred: 1}
	for _, k := range a.Incidents {
		p := HarmPart{Postmortem: k.Summary.ID, Severity: k.Summary.Severity, CustomerFacing: k.Summary.CustomerFacing, Fade: 1}
		if d := k.Date(); !d.IsZero() && d.Before(today) {
			p.AgeDays = int(today.Time().Sub(d.Time()).Hours()/24 + 0.5)
			p.Fade = math.Pow(0.5, float64(p.AgeDays)/w.HalfLifeDays)
		}
		p.Harm = w.Severity[p.Severity] * p.Fade
		if p.CustomerFacing {
			p.Harm *= w.CustomerFacing
		}
		s.Harm += p.Harm
		s.Parts = append(s.Parts, p)
	}
	slices.SortStableFunc(s.Parts, func(x, y HarmPart) int {
		if x.Harm != y.Harm {
			if x.Harm > y.Harm {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Postmortem, y.Postmortem)
	})
	if len(a.Recurrences) > 0 {
		s.Recurred = w.Recurred
		r := a.Recurrences[0]
		s.Because = &r
	}
	switch {
	case s.Value < 1 && !(s.Effort > 0):
		s.Unscored = "no value or effort"
	case s.Value < 1:
		s.Unscored = "no value"
	case !(s.Effort > 0):
		s.Unscored = "no effort"
	default:
		s.Score = float64(s.Value) / 5 * s.Harm * s.Recurred / s.Effort
	}
	return s
}

// maxHarmParts is how many incidents the arithmetic names one by one; the
// rest are summed as "+ N more".
const maxHarmParts = 4

// String shows the arithmetic:
//
//	value 4/5 × harm 14.1 (SEV2 customer-facing 12.0 + SEV3 2.1) × recurred 1.5 ÷ 3 days = 5.7
//
// An unscored item says what it lacks: "unscored: no effort (value 4/5 ×
// harm 14.1 …)".
func (s ActionScore) String() string {
	var b strings.Builder
	if s.Value >= 1 {
		fmt.Fprintf(&b, "value %d/5 × ", s.Value)
	}
	fmt.Fprintf(&b, "harm %s", oneDecimal(s.Harm))
	if len(s.Parts) > 0 {
		b.WriteString(" (")
		for i, p := range s.Parts {
			if i == maxHarmParts {
				rest := 0.0
				for _, q := range s.Parts[i:] {
					rest += q.Harm
				}
				fmt.Fprintf(&b, " + %d more %s", len(s.Parts)-i, oneDecimal(rest))
				break
			}
			if i > 0 {
				b.WriteString(" + ")
			}
			fmt.Fprintf(&b, "%s %s", p.Label(), oneDecimal(p.Harm))
		}
		b.WriteString(")")
	}
	if s.Recurred != 1 {
		fmt.Fprintf(&b, " × recurred %s", strconv.FormatFloat(s.Recurred, 'f', -1, 64))
	}
	if s.Effort > 0 {
		fmt.Fprintf(&b, " ÷ %s", Days(s.Effort))
	}
	if !s.Scored() {
		return "unscored: " + s.Unscored + " (" + b.String() + ")"
	}
	fmt.Fprintf(&b, " = %s", oneDecimal(s.Score))
	return b.String()
}

// Days writes a number of days as people say it: "1 day", "0.5 days",
// "3 days".
func Days(d float64) string {
	if d == 1 {
		return "1 day"
	}
	return strconv.FormatFloat(d, 'f', -1, 64) + " days"
}

// oneDecimal formats x with one decimal, as the arithmetic shows every
// number.
func oneDecimal(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// roundedScore is the score as shown, to one decimal: two items that show
// the same score are tied.
func roundedScore(x float64) float64 {
	r, _ := strconv.ParseFloat(oneDecimal(x), 64)
	return r
}
