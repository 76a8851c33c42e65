package web

import (
	"encoding/json"
	"testing"
)

// TestAPISearchHasNoScores checks that search results carry their rank
// order only: a raw relevance score is computed over statistics that
// include postmortems the reader may not see, so comparing the scores of
// probe documents would tell which words restricted postmortems hold.
func TestAPISearchHasNoScores(t *testing.T) {
	app := newTestApp(t)
	for _, user := range []string{"vic", "ada"} {
		w := app.do(t, user, "GET", "/api/v1/postmortems?q=certificate", "", "", nil)
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", user, w.Code, w.Body)
		}
		var body struct{ Items []map[string]any }
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if len(body.Items) == 0 {
			t.Fatalf("%s: no results: %s", user, w.Body)
		}
		for _, it := range body.Items {
			if _, ok := it["score"]; ok {
				t.Errorf("%s: result %v carries a score", user, it["id"])
			}
		}
	}
}
