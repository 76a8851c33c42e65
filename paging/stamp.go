package paging

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// stamp is a time in a source's JSON: RFC 3339 with or without fractions
// of a second, and null or "" for none.
type stamp time.Time

func (s *stamp) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*s = stamp{}
		return nil
	}
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return fmt.Errorf("a time must be a string such as 2026-02-09T05:02:00Z")
	}
	if str == "" {
		*s = stamp{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, str)
	if err != nil {
		return fmt.Errorf("time %q is not RFC 3339, such as 2026-02-09T05:02:00Z", str)
	}
	*s = stamp(t.UTC())
	return nil
}

// Time returns the stamp as a time.Time, zero when none was given.
func (s stamp) Time() time.Time { return time.Time(s) }

// earliest returns the earlier of two times, ignoring zero ones.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

// earlier returns the earlier of two times.
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
