package oncall

import "time"

// Band is a part of the day in the team's time zone.
type Band int

// The bands of a day: business hours 08:00–19:00, off-hours 19:00–23:00
// and sleep hours 23:00–08:00, by the wall clock of the team's zone, so a
// page at 07:30 is a sleep-hour page in winter and in summer alike.
const (
	Business Band = iota
	OffHours
	Sleep
)

// Bands lists the bands in the order of the day.
var Bands = []Band{Business, OffHours, Sleep}

func (b Band) String() string {
	switch b {
	case Business:
		return "business hours"
	case OffHours:
		return "off-hours"
	}
	return "sleep hours"
}

// Hours says the band's hours: "08–19".
func (b Band) Hours() string {
	switch b {
	case Business:
		return "08–19"
	case OffHours:
		return "19–23"
	}
	return "23–08"
}

// BandOf returns the band of t in loc (UTC when nil).
func BandOf(t time.Time, loc *time.Location) Band {
	if loc == nil {
		loc = time.UTC
	}
	switch h := t.In(loc).Hour(); {
	case h >= 8 && h < 19:
		return Business
	case h >= 19 && h < 23:
		return OffHours
	}
	return Sleep
}

// BandCounts counts pages per band.
type BandCounts struct {
	Business int `json:"business"`
	OffHours int `json:"off_hours"`
	Sleep    int `json:"sleep"`
}

func (c *BandCounts) add(b Band) {
	switch b {
	case Business:
		c.Business++
	case OffHours:
		c.OffHours++
	default:
		c.Sleep++
	}
}

// Of returns the count of one band.
func (c BandCounts) Of(b Band) int {
	switch b {
	case Business:
		return c.Business
	case OffHours:
		return c.OffHours
	}
	return c.Sleep
}
