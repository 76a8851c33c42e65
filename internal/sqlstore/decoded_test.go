package sqlstore

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
)

// TestDecodedReadsLikeParsed checks that a postmortem read back from its
// decoded front matter is the one its canonical file parses to, field for
// field: the example postmortems, a generated archive's, and times in
// several zones.
func TestDecodedReadsLikeParsed(t *testing.T) {
	var files [][]byte
	paths, err := filepath.Glob("../../examples/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example postmortems: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	a := gen.Archive{Seed: 7}
	for i := range 300 {
		files = append(files, markdown.Write(a.Postmortem(i)))
	}
	zoned := markdown.Write(a.Postmortem(1))
	zoned = []byte(strings.Replace(string(zoned), "Z\n", "+05:30\n", 1))
	files = append(files, zoned)
	var prev string
	for i, src := range files {
		doc, probs := markdown.Parse(src)
		if len(probs) > 0 {
			continue // not storable as it is; canonical refuses it
		}
		file, c, err := canonical(doc.Postmortem)
		if err != nil {
			continue
		}
		hash := fileHash(file)
		js, err := encodeDecoded(c, hash)
		if err != nil {
			t.Fatal(err)
		}
		front := string(file[:len(file)-len(c.Body)])
		want, err := parseStored(c.ID, string(file), 3)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readStored(c.ID, front, c.Body, sql.NullString{String: js, Valid: true}, hash, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("file %d (%s): decoded\n%#v\nparsed\n%#v", i, c.ID, got, want)
		}
		old, err := readStored(c.ID, front, c.Body, sql.NullString{}, hash, 3)
		if err != nil || !reflect.DeepEqual(old, want) {
			t.Errorf("file %d (%s): a row without decoded front matter reads differently: %v", i, c.ID, err)
		}
		if i > 0 {
			// The JSON of another file, as a row rewritten by a
			// version of debrief that did not keep it would have.
			stale, err := readStored(c.ID, front, c.Body, sql.NullString{String: prev, Valid: true}, hash, 3)
			if err != nil || !reflect.DeepEqual(stale, want) {
				t.Errorf("file %d (%s): a row whose decoded front matter is another file's reads differently: %v", i, c.ID, err)
			}
		}
		prev = js
	}
	if _, err := readStored("PM-1", "---\n", "", sql.NullString{String: "abc{", Valid: true}, "abc", 1); err == nil || !strings.Contains(err.Error(), "PM-1") {
		t.Errorf("damaged decoded front matter: %v, want an error naming the postmortem", err)
	}
}
