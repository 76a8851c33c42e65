package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// FindByID returns the postmortem with the given id, if v may see it.
func (db *DB) FindByID(ctx context.Context, v debrief.Viewer, id string) (*debrief.Postmortem, error) {
	var p *debrief.Postmortem
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		p, err = db.findByID(ctx, tx, v, id)
		return err
	})
	return p, err
}

// A postmortem whose file was parsed before is not read or parsed again
// (parsedCache): the row says which file it holds.
func (db *DB) findByID(ctx context.Context, tx *Tx, v debrief.Viewer, id string) (*debrief.Postmortem, error) {
	vis, args := db.Visible(v)
	var pk int64
	var version int
	var hash sql.NullString
	err := tx.QueryRow(ctx, `SELECT p.pk, p.version, p.file_hash FROM postmortems p
		WHERE p.id = ? AND `+vis, append([]any{id}, args...)...).Scan(&pk, &version, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("find postmortem %s: %w", id, err)
	}
	if p := db.parsed.get(hash.String); p != nil {
		p.Version = version
		return p, nil
	}
	var front, body string
	var decoded sql.NullString
	if err := tx.QueryRow(ctx, `SELECT front_matter, body, decoded FROM documents WHERE pk = ?`, pk).Scan(&front, &body, &decoded); err != nil {
		return nil, fmt.Errorf("find postmortem %s: %w", id, err)
	}
	p, err := readStored(id, front, body, decoded, hash.String, version)
	if err != nil {
		return nil, err
	}
	db.parsed.put(hash.String, p)
	return p, nil
}

// derivedColumns are the columns of postmortems that derived returns the
// values of, and derivedSet sets them; derivedMarks are their
// placeholders.
const (
	derivedColumns = `resolved, file_hash, lint_with, lint_blame, lint_root_cause, lint_structure, title_key, lint_findings`
	derivedSet     = `resolved = ?, file_hash = ?, lint_with = ?, lint_blame = ?, lint_root_cause = ?, lint_structure = ?, title_key = ?, lint_findings = ?`
)

var derivedMarks = strings.Repeat("?, ", strings.Count(derivedColumns, ",")) + "?"

// derived returns what the lists and pages read of p, whose canonical
// file is file, instead of the file: when it was resolved, the file's hash,
// the linter's counts (NULL without a linter), the key of its title
// (debrief.TitleKey) and the linter's findings as it encoded them (” for
// none kept, NULL without a linter).
func (db *DB) derived(p *debrief.Postmortem, file []byte) []any {
	out := []any{db.d.Time(p.Resolved.UTC()), fileHash(file), db.lint.Fingerprint, nil, nil, nil, debrief.TitleKey(p.Title), nil}
	if db.lint.Count != nil {
		c, kept := db.lint.Count(p.ID, file)
		out[3], out[4], out[5], out[7] = c.Blame, c.RootCause, c.Structure, string(kept)
	}
	return out
}

// Create stores a new postmortem at version 1.
func (db *DB) Create(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem) error {
	file, c, err := canonical(p)
	if err != nil {
		return err
	}
	err = db.WriteTx(ctx, func(tx *Tx) error {
		old, err := db.getStored(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		deleted, err := wasDeleted(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		return db.put(ctx, tx, c, file, nil, &saver{v: v, related: true, taken: old != nil || deleted})
	})
	if err == nil {
		p.Version = 1
	}
	return err
}

// Update replaces a postmortem if it is still at expectedVersion.
func (db *DB) Update(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem, expectedVersion int) error {
	file, c, err := canonical(p)
	if err != nil {
		return err
	}
	version := 0
	err = db.WriteTx(ctx, func(tx *Tx) error {
		old, err := db.getStored(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if old == nil || !v.CanSee(old.postmortem) {
			return notFound(p.ID)
		}
		if old.version != expectedVersion {
			return &debrief.ConflictError{ID: p.ID, Expected: expectedVersion, Current: old.version}
		}
		version = old.version
		if bytes.Equal(old.file, file) {
			return nil
		}
		version++
		return db.put(ctx, tx, c, file, old, &saver{v: v, related: true})
	})
	if err == nil {
		p.Version = version
	}
	return err
}

// Import creates or replaces a postmortem whatever its stored version.
func (db *DB) Import(ctx context.Context, p *debrief.Postmortem) (debrief.ImportResult, error) {
	results, errs, err := db.ImportBatch(ctx, []*debrief.Postmortem{p})
	if err != nil {
		return debrief.Unchanged, err
	}
	return results[0], errs[0]
}

// importOne creates or replaces p, whose canonical file is file, as the
// operator, and returns what it did and the stored version.
func (db *DB) importOne(ctx context.Context, tx *Tx, w *prepared) (debrief.ImportResult, int, error) {
	p, file := w.p, w.file
	op := &saver{v: debrief.Operator}
	old, err := db.getStoredFile(ctx, tx, p.ID)
	switch {
	case err != nil:
		return debrief.Unchanged, 0, err
	case old == nil:
		return debrief.Created, 1, db.putPrepared(ctx, tx, w, nil, op)
	case bytes.Equal(old.file, file):
		return debrief.Unchanged, old.version, nil
	}
	if old.postmortem, err = old.read(p.ID); err != nil {
		return debrief.Unchanged, 0, err
	}
	return debrief.Updated, old.version + 1, db.putPrepared(ctx, tx, w, old, op)
}

// exportBatch is how many postmortems Export reads per transaction.
const exportBatch = 500

// Export calls fn with the canonical file of every postmortem v may see.
func (db *DB) Export(ctx context.Context, v debrief.Viewer, fn func(id string, file []byte) error) error {
	type entry struct {
		id   string
		file []byte
	}
	after := ""
	for {
		var batch []entry
		err := db.ReadTx(ctx, func(tx *Tx) error {
			vis, args := db.Visible(v)
			rows, err := tx.Query(ctx, `SELECT p.id, d.front_matter || d.body
				FROM postmortems p JOIN documents d ON d.pk = p.pk
				WHERE p.id > ? AND `+vis+` ORDER BY p.id LIMIT ?`, append(append([]any{after}, args...), exportBatch)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var e entry
				var file string
				if err := rows.Scan(&e.id, &file); err != nil {
					return err
				}
				e.file = []byte(file)
				batch = append(batch, e)
			}
			return rows.Err()
		})
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, e := range batch {
			if err := fn(e.id, e.file); err != nil {
				return err
			}
		}
		if len(batch) < exportBatch {
			return nil
		}
		after = batch[len(batch)-1].id
	}
}

// stored is what a write needs to know of the stored postmortem it replaces.
type stored struct {
	pk         int64
	version    int
	file       []byte
	postmortem *debrief.Postmortem
	// terms are the terms stored with it, as the indexes hold them.
	terms []string
	// front is the length of file's front matter; decoded is the front
	// matter kept as JSON (documents.decoded), hash the file's hash.
	front         int
	decoded, hash sql.NullString
}

// getStored returns the stored postmortem with the id, or nil, and locks
// its row until the transaction ends.
func (db *DB) getStored(ctx context.Context, tx *Tx, id string) (*stored, error) {
	s, err := db.getStoredFile(ctx, tx, id)
	if s == nil || err != nil {
		return s, err
	}
	if s.postmortem, err = s.read(id); err != nil {
		return nil, err
	}
	return s, nil
}

// getStoredFile is getStored without reading the file back into a
// postmortem: for an import, which needs that only when the file changed.
func (db *DB) getStoredFile(ctx context.Context, tx *Tx, id string) (*stored, error) {
	s := &stored{}
	var front, body string
	err := tx.QueryRow(ctx, `SELECT p.pk, p.version, p.file_hash, d.front_matter, d.body, d.terms, d.decoded
		FROM postmortems p JOIN documents d ON d.pk = p.pk WHERE p.id = ?`+db.d.ForUpdate("p"), id).
		Scan(&s.pk, &s.version, &s.hash, &front, &body, db.d.ScanTerms(&s.terms), &s.decoded)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read postmortem %s: %w", id, err)
	}
	s.file, s.front = []byte(front+body), len(front)
	return s, nil
}

// saver is who saves a postmortem, whether its related ids must name
// stored postmortems (debrief.Held.Stored), and whether its id is taken.
type saver struct {
	v       debrief.Viewer
	related bool
	taken   bool
}

// put writes p, whose canonical file is file, as a new postmortem (old is
// nil) or as the next version of old, with everything derived from it.
// When a saver is set, p must keep the rules of debrief.CheckSave, and the
// shared action items and accepted risks that p changes are changed in the
// other postmortems that list them too. Those rewrites put without a
// saver.
func (db *DB) put(ctx context.Context, tx *Tx, p *debrief.Postmortem, file []byte, old *stored, by *saver) error {
	return db.putPrepared(ctx, tx, db.prepareWrite(p, file), old, by)
}

// prepared is what put writes of a postmortem that depends on the
// postmortem alone, not on the archive: its canonical file, its features
// (terms and kinds, the costliest part of a write), the search fields and
// the derived columns. An import prepares its postmortems on every core
// before its write transaction needs them (ImportBatch).
type prepared struct {
	p                               *debrief.Postmortem
	file                            []byte
	feats                           debrief.Features
	derived                         []any
	trigger, factors, actions, tags string
	// decoded is the front matter kept as JSON, or the error encoding it.
	decoded    string
	decodedErr error
}

// prepareWrite derives what put writes of p, whose canonical file is file.
func (db *DB) prepareWrite(p *debrief.Postmortem, file []byte) *prepared {
	w := &prepared{p: p, file: file, feats: p.FeaturesWith(db.kinds), derived: db.derived(p, file)}
	w.trigger, w.factors, w.actions, w.tags = p.SearchFields()
	w.decoded, w.decodedErr = encodeDecoded(p, w.derived[1].(string))
	return w
}

// putPrepared is put with what the postmortem alone gives already derived.
func (db *DB) putPrepared(ctx context.Context, tx *Tx, w *prepared, old *stored, by *saver) error {
	d := db.d
	p, file := w.p, w.file
	if w.decodedErr != nil {
		return w.decodedErr
	}
	if by != nil {
		var self int64
		if old != nil {
			self = old.pk
		}
		held, err := db.held(ctx, tx, p, self, by.related)
		if err != nil {
			return err
		}
		held.Taken = by.taken
		if err := debrief.CheckSave(by.v, p, held); err != nil {
			return err
		}
	}
	now := d.Time(db.Now().UTC())
	trigger, factors, actions, tags := w.trigger, w.factors, w.actions, w.tags
	feats := w.feats
	terms := feats.Terms
	front := string(file[:len(file)-len(p.Body)])
	started := d.Time(p.Started.UTC())
	dv := w.derived
	var pk int64
	var oldTerms []string
	if old == nil {
		if err := tx.QueryRow(ctx, `INSERT INTO postmortems
			(id, version, title, severity, status, customer_facing, restricted, incident_date, started, teams, services, tags, created_at, updated_at,
				`+derivedColumns+`)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, `+derivedMarks+`) RETURNING pk`,
			append([]any{p.ID, p.Title, string(p.Severity), string(p.Status), p.CustomerFacing, p.Restricted, p.IncidentDate().String(), started,
				d.List(p.Teams), d.List(p.Services), d.List(p.Tags), now, now}, dv...)...).Scan(&pk); err != nil {
			return fmt.Errorf("insert postmortem %s: %w", p.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO documents (pk, title, trigger_text, factors, actions, tags, body, front_matter, terms, derived, decoded)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, pk, p.Title, trigger, factors, actions, tags, p.Body, front, d.Terms(terms), feats.Derived(), w.decoded); err != nil {
			return fmt.Errorf("insert postmortem %s: %w", p.ID, err)
		}
		d.IndexLater(pk)
		if _, err := tx.Exec(ctx, `UPDATE archive_stats SET postmortems = postmortems + 1`); err != nil {
			return err
		}
	} else {
		pk = old.pk
		oldTerms = old.terms
		if _, err := tx.Exec(ctx, `UPDATE postmortems SET version = version + 1, title = ?, severity = ?, status = ?,
			customer_facing = ?, restricted = ?, incident_date = ?, started = ?, teams = ?, services = ?, tags = ?, updated_at = ?,
			`+derivedSet+` WHERE pk = ?`,
			append(append([]any{p.Title, string(p.Severity), string(p.Status), p.CustomerFacing, p.Restricted, p.IncidentDate().String(), started,
				d.List(p.Teams), d.List(p.Services), d.List(p.Tags), now}, dv...), pk)...); err != nil {
			return fmt.Errorf("update postmortem %s: %w", p.ID, err)
		}
		if err := d.Unindex(ctx, tx, pk); err != nil {
			return fmt.Errorf("update postmortem %s: %w", p.ID, err)
		}
		d.IndexLater(pk)
		if _, err := tx.Exec(ctx, `UPDATE documents SET title = ?, trigger_text = ?, factors = ?, actions = ?, tags = ?,
			body = ?, front_matter = ?, terms = ?, derived = ?, decoded = ? WHERE pk = ?`,
			p.Title, trigger, factors, actions, tags, p.Body, front, d.Terms(terms), feats.Derived(), w.decoded, pk); err != nil {
			return fmt.Errorf("update postmortem %s: %w", p.ID, err)
		}
		for _, table := range []string{"postmortem_teams", "postmortem_services", "postmortem_tags", "postmortem_related", "contributing_factors", "postmortem_kinds"} {
			if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE pk = ?`, pk); err != nil {
				return err
			}
		}
	}
	for _, l := range []struct {
		table, column string
		values        []string
	}{
		{"postmortem_teams", "team", debrief.Keys(p.Teams)},
		{"postmortem_services", "service", debrief.Keys(p.Services)},
		{"postmortem_tags", "tag", debrief.Keys(p.Tags)},
		{"postmortem_related", "related_id", dedupe(p.Related)},
	} {
		if len(l.values) == 0 {
			continue
		}
		if _, err := tx.Exec(ctx, `INSERT INTO `+l.table+` (pk, `+l.column+`) SELECT ?, value FROM `+d.Values(),
			pk, d.List(l.values)); err != nil {
			return fmt.Errorf("save %s of %s: %w", l.column, p.ID, err)
		}
	}
	for i, f := range p.ContributingFactors {
		if _, err := tx.Exec(ctx, `INSERT INTO contributing_factors (pk, position, category, description) VALUES (?, ?, ?, ?)`,
			pk, i, f.Category, f.Description); err != nil {
			return fmt.Errorf("save contributing factors of %s: %w", p.ID, err)
		}
	}
	if err := putKinds(ctx, tx, pk, feats.Kinds); err != nil {
		return fmt.Errorf("save kinds of %s: %w", p.ID, err)
	}
	if err := db.updateDF(ctx, tx, oldTerms, terms); err != nil {
		return err
	}
	return db.putShared(ctx, tx, pk, p, by)
}

// updateDF moves the document frequencies from a postmortem's old terms to
// its new ones. Terms are sorted, so concurrent saves lock rows in the same
// order and cannot deadlock on them.
func (db *DB) updateDF(ctx context.Context, tx *Tx, oldTerms, newTerms []string) error {
	gone, added := diff(oldTerms, newTerms)
	if len(added) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO term_df (term, df) SELECT value, 1 FROM `+db.d.Values()+` WHERE true
			ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1`, db.d.List(added)); err != nil {
			return fmt.Errorf("update term frequencies: %w", err)
		}
	}
	if len(gone) > 0 {
		if _, err := tx.Exec(ctx, `UPDATE term_df SET df = df - 1 WHERE `+db.d.In("term"), db.d.List(gone)); err != nil {
			return fmt.Errorf("update term frequencies: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM term_df WHERE df <= 0 AND `+db.d.In("term"), db.d.List(gone)); err != nil {
			return fmt.Errorf("update term frequencies: %w", err)
		}
	}
	return nil
}

// diff returns the values of sorted a missing from sorted b, and those of b
// missing from a.
func diff(a, b []string) (onlyA, onlyB []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			onlyA = append(onlyA, a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			onlyB = append(onlyB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return onlyA, onlyB
}

func dedupe(vs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
