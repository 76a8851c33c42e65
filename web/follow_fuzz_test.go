package web

import (
	"net/url"
	"testing"

	"github.com/debrief/debrief"
)

// FuzzActionPatch feeds hostile bodies to the quick edit's reader and
// hostile query strings to the action-item filters: nothing may panic,
// and what is refused is refused as invalid input, with a message.
func FuzzActionPatch(f *testing.F) {
	for _, s := range []struct{ body, query string }{
		{`{"status":"done"}`, "team=platform&overdue=true"},
		{`{"status":"wont-do","reason":"r","accept_risk":{"risk":"x","review_by":"2026-02-30"}}`, "status=done&status=open&due_before=2026-01-01"},
		{`{"due":"tomorrow"}`, "kind=prevent&family=cert-expiry&due_before=soon"},
		{`{"owner_team":""}{}`, "overdue=maybe"},
		{`{"link":null,"due":null}`, "%zz"},
		{`[]`, "status=%00"},
	} {
		f.Add([]byte(s.body), s.query)
	}
	f.Fuzz(func(t *testing.T, body []byte, query string) {
		var p actionPatch
		if err := decodeStrict(body, &p); err != nil {
			if debrief.ErrorCode(err) != debrief.EINVALID || debrief.ErrorMessage(err) == "" {
				t.Fatalf("body refused without a message: %v", err)
			}
		} else if e, err := p.edit("ACT-1", `"x"`); err != nil {
			if debrief.ErrorCode(err) != debrief.EINVALID {
				t.Fatalf("edit refused as %s: %v", debrief.ErrorCode(err), err)
			}
		} else if err := e.Validate(); err != nil && debrief.ErrorCode(err) != debrief.EINVALID {
			t.Fatalf("validation refused as %s: %v", debrief.ErrorCode(err), err)
		}
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		if _, err := parseActionFilter(q); err != nil && debrief.ErrorCode(err) != debrief.EINVALID {
			t.Fatalf("filter refused as %s: %v", debrief.ErrorCode(err), err)
		}
	})
}
