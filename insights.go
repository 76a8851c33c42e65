package debrief

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"
)

// The insights answer the first principle with numbers: deal with the
// incidents first. Load (load.go) counts incidents per team and ISO week
// and flags teams in reactive mode; process health (process.go) measures
// how the postmortems themselves are doing; recurring kinds (recurring.go)
// say which kinds of incident keep coming back and whether the fixes made
// between them held. Every function here is pure: callers read the archive
// and pass what may be counted and what may be shown, and docs/insights.md
// explains each figure and its threshold.

// ISOWeek is a week as ISO 8601 numbers it: Monday to Sunday, in the year
// that holds its Thursday.
type ISOWeek struct {
	Year int
	Week int
}

// WeekOf returns the ISO week of a date.
func WeekOf(d Date) ISOWeek {
	y, w := d.Time().ISOWeek()
	return ISOWeek{y, w}
}

// Monday returns the first day of the week.
func (w ISOWeek) Monday() Date {
	// 4 January is always in week 1.
	jan4 := time.Date(w.Year, time.January, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return DateOf(jan4.AddDate(0, 0, (w.Week-1)*7-offset))
}

// Add returns the week n weeks after w (before it when n < 0).
func (w ISOWeek) Add(n int) ISOWeek {
	return WeekOf(DateOf(w.Monday().Time().AddDate(0, 0, 7*n)))
}

// Compare returns -1, 0 or +1 as w is before, the same as or after v.
func (w ISOWeek) Compare(v ISOWeek) int {
	if w.Year != v.Year {
		return cmpInt(w.Year, v.Year)
	}
	return cmpInt(w.Week, v.Week)
}

// String writes the week as ISO 8601 does: 2026-W07.
func (w ISOWeek) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Week) }

// MarshalText writes the week as String does.
func (w ISOWeek) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText reads a week written as 2026-W07.
func (w *ISOWeek) UnmarshalText(b []byte) error {
	var y, n int
	if _, err := fmt.Sscanf(string(b), "%4d-W%2d", &y, &n); err != nil || n < 1 || n > 53 {
		return fmt.Errorf("%q is not an ISO week such as 2026-W07", b)
	}
	if WeekOf((ISOWeek{y, n}).Monday()) != (ISOWeek{y, n}) {
		return fmt.Errorf("%d has no week %d", y, n)
	}
	*w = ISOWeek{y, n}
	return nil
}

// Weeks returns the weeks from first to last, both included.
func Weeks(first, last ISOWeek) []ISOWeek {
	var out []ISOWeek
	for w := first; w.Compare(last) <= 0; w = w.Add(1) {
		out = append(out, w)
	}
	return out
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Ref is a postmortem as a report may name it: its id and title. Reports
// count restricted postmortems but never show them, so a restricted
// postmortem has no Ref (RefOf returns nil) and appears only in counts.
type Ref struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// RefOf returns how a report may name s: nil when s is restricted.
func RefOf(s *PostmortemSummary) *Ref {
	if s == nil || s.Restricted {
		return nil
	}
	return &Ref{ID: s.ID, Title: s.Title}
}

// IncidentFact is what the load figures count of one postmortem: when, for
// which teams, how severe and whether customers saw it. It has no id and no
// title, so counts that include restricted postmortems show nothing of them.
type IncidentFact struct {
	Date           Date
	Teams          []string
	Severity       Severity
	CustomerFacing bool
}

// FactOf returns the fact the load figures count of s.
func FactOf(s *PostmortemSummary) IncidentFact {
	return IncidentFact{Date: s.Date, Teams: Keys(s.Teams), Severity: s.Severity, CustomerFacing: s.CustomerFacing}
}

// Spread summarises durations as a distribution: the VOID's lesson is that
// a mean (MTTR, say) hides what matters, so reports show the median and the
// 90th percentile, with how many values they come from.
type Spread struct {
	Count  int
	Median time.Duration
	// P90 is the nearest-rank 90th percentile: the smallest value that at
	// least 90 % of the values do not exceed.
	P90 time.Duration
	Max time.Duration
}

// MarshalJSON writes the spread in days, the unit of every spread the
// insights report: {"count": 9, "median_days": 11, "p90_days": 19, ...}.
func (s Spread) MarshalJSON() ([]byte, error) {
	d := func(x time.Duration) float64 { return math.Round(x.Hours()/24*10) / 10 }
	return json.Marshal(struct {
		Count  int     `json:"count"`
		Median float64 `json:"median_days"`
		P90    float64 `json:"p90_days"`
		Max    float64 `json:"max_days"`
	}{s.Count, d(s.Median), d(s.P90), d(s.Max)})
}

// SpreadOf returns the spread of ds; the zero Spread when ds is empty.
func SpreadOf(ds []time.Duration) Spread {
	if len(ds) == 0 {
		return Spread{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	rank := int(math.Ceil(0.9 * float64(n)))
	return Spread{Count: n, Median: med, P90: s[rank-1], Max: s[n-1]}
}
