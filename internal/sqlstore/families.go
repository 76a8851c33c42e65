package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/debrief/debrief"
)

// kinLimit bounds how many earlier and how many later incidents
// Recurrences reads: the nearest in time on each side, where the fixes
// that did not hold are (a fix counts against the first
// debrief.FixRecurrences incidents after it).
const kinLimit = 30

// Families lists the archive's families, largest first.
func (db *DB) Families(ctx context.Context, v debrief.Viewer) ([]debrief.FamilySummary, error) {
	var out []debrief.FamilySummary
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT k.kind, count(*), min(p.incident_date), max(p.incident_date)
			FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.family AND `+vis+` GROUP BY k.kind ORDER BY count(*) DESC, `+db.d.Binary("k.kind"), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f debrief.FamilySummary
			var id, first, last string
			if err := rows.Scan(&id, &f.Incidents, &first, &last); err != nil {
				return err
			}
			kind, ok := db.kinds.Kind(id)
			if !ok {
				continue // a kind the configuration no longer has
			}
			f.Kind, f.First, f.Last = kind, date(first), date(last)
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list families: %w", err)
	}
	return out, nil
}

// Family returns the family of one kind.
func (db *DB) Family(ctx context.Context, v debrief.Viewer, id string) (*debrief.Family, error) {
	kind, ok := db.kinds.Kind(id)
	if !ok {
		return nil, debrief.Errorf(debrief.ENOTFOUND, "there is no incident kind %q: docs/kinds.md lists the kinds", id)
	}
	var f *debrief.Family
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		pks, err := tx.Int64s(ctx, `SELECT p.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.kind = ? AND k.family AND `+vis, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		kin, err := db.loadKin(ctx, tx, pks, true)
		if err != nil {
			return err
		}
		f = debrief.BuildFamily(kind, kin, nil, debrief.DateOf(db.Now().UTC()))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the family %s: %w", id, err)
	}
	return f, nil
}

// Recurrences returns the recurrences that involve p.
func (db *DB) Recurrences(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem) ([]debrief.Recurrence, error) {
	var out []debrief.Recurrence
	today := debrief.DateOf(db.Now().UTC())
	err := db.ReadTx(ctx, func(tx *Tx) error {
		kinds, err := db.storedKinds(ctx, tx, p)
		if err != nil {
			return err
		}
		target := &debrief.Kin{Summary: p.Summary(), Kinds: kinds, ActionItems: p.ActionItems}
		fam := debrief.FamilyKinds(target.Kinds)
		if len(fam) == 0 {
			return nil
		}
		changes, err := tx.changes(ctx)
		if err != nil {
			return err
		}
		key := recurrenceKey(v, p, fam, today)
		if rs, ok := db.recurrences.get(changes, key); ok {
			out = rs
			return nil
		}
		day := p.IncidentDate()
		if day.IsZero() {
			day = today
		}
		pks, err := db.nearKin(ctx, tx, v, p, fam, day)
		if err != nil {
			return err
		}
		kin, err := db.kin.load(ctx, tx, db, changes, pks)
		if err != nil {
			return err
		}
		out = debrief.Recurrences(target, kin, nil, today)
		db.recurrences.put(changes, key, out)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recurrences of %s: %w", p.ID, err)
	}
	return out, nil
}

// dated is a postmortem with its incident date.
type dated struct {
	pk   int64
	date string
}

// nearKin returns the incidents of p's families fam that share a service
// or an action item with it, the only ones Recurrences counts: the
// kinLimit nearest in time before day and after it. Those of a service
// come from postmortem_family_places, those of an action item from
// postmortem_action_items, each a list per kind and service or item read
// once per count of the archive's changes (placeCache) and tested against
// what v may see in memory (Selection), so that a page costs the same in
// an archive of any size and reads none of it once its neighbours' pages
// read their lists. An action item named on hundreds of postmortems is
// read once, not once for each of their pages.
func (db *DB) nearKin(ctx context.Context, tx *Tx, v debrief.Viewer, p *debrief.Postmortem, fam []string, day debrief.Date) ([]int64, error) {
	services := debrief.Keys(p.Services)
	var items []string
	for _, a := range p.ActionItems {
		items = append(items, a.ID)
	}
	if len(services) == 0 && len(items) == 0 {
		return nil, nil
	}
	changes, err := tx.changes(ctx)
	if err != nil {
		return nil, err
	}
	vis, args := db.Visible(v)
	sel, err := db.Selection(ctx, tx, vis, args)
	if err != nil {
		return nil, err
	}
	self, err := tx.Int64s(ctx, `SELECT pk FROM postmortems WHERE id = ?`, p.ID)
	if err != nil {
		return nil, err
	}
	seen := func(n dated) bool { return !slices.Contains(self, n.pk) && sel.Has(n.pk) }
	at := day.String()
	var before, after []dated
	for _, kind := range fam {
		for _, svc := range services {
			list, err := db.places.list(ctx, tx, changes, placeKey{kind, svc, false})
			if err != nil {
				return nil, err
			}
			// list is in (date, pk) order: the first after day splits it.
			i, _ := slices.BinarySearchFunc(list, at, func(n dated, at string) int {
				if n.date <= at {
					return -1
				}
				return 1
			})
			for j, found := i-1, 0; j >= 0 && found < kinLimit; j-- {
				if seen(list[j]) {
					before = append(before, list[j])
					found++
				}
			}
			for j, found := i, 0; j < len(list) && found < kinLimit; j++ {
				if seen(list[j]) {
					after = append(after, list[j])
					found++
				}
			}
		}
		// Every incident of the kind that names one of p's action items
		// counts, however far in time.
		for _, item := range items {
			list, err := db.places.list(ctx, tx, changes, placeKey{kind, item, true})
			if err != nil {
				return nil, err
			}
			for _, n := range list {
				switch {
				case !seen(n):
				case n.date <= at:
					before = append(before, n)
				default:
					after = append(after, n)
				}
			}
		}
	}
	return append(nearest(before, -1), nearest(after, 1)...), nil
}

// nearest returns the first kinLimit distinct pks of found, nearest first:
// the newest first for dir -1 (before), the oldest first for dir 1 (after).
func nearest(found []dated, dir int) []int64 {
	slices.SortFunc(found, func(a, b dated) int {
		return dir * cmp.Or(strings.Compare(a.date, b.date), cmp.Compare(a.pk, b.pk))
	})
	var out []int64
	for _, n := range found {
		if len(out) == kinLimit {
			break
		}
		if len(out) == 0 || out[len(out)-1] != n.pk {
			out = append(out, n.pk)
		}
	}
	return out
}

// kinCache keeps the kin Recurrences read (loadKin without evidence) at
// one count of the archive's changes: the pages of neighbouring incidents
// read mostly the same ones, and reading a kin's summary, family kinds and
// action items was most of a page's recurrences. What a viewer may see is
// not kept here: nearKin chooses the kin as the viewer sees the archive.
// The kin are shared, never changed.
type kinCache struct {
	mu      sync.Mutex
	changes int64
	byPK    map[int64]*debrief.Kin
}

// maxKin bounds the kin a kinCache keeps; past it, it starts again.
const maxKin = 30_000

// load returns the kin of pks, in their order, reading those not kept.
func (c *kinCache) load(ctx context.Context, tx *Tx, db *DB, changes int64, pks []int64) ([]*debrief.Kin, error) {
	found := make(map[int64]*debrief.Kin, len(pks))
	var missing []int64
	c.mu.Lock()
	if changes > c.changes || c.byPK == nil {
		c.changes, c.byPK = changes, map[int64]*debrief.Kin{}
	}
	for _, pk := range pks {
		if k, ok := c.byPK[pk]; ok && c.changes == changes {
			found[pk] = k
		} else {
			missing = append(missing, pk)
		}
	}
	c.mu.Unlock()
	got, read, err := db.readKin(ctx, tx, missing, false)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	keep := c.changes == changes
	if keep && len(c.byPK)+len(read) > maxKin {
		c.byPK = map[int64]*debrief.Kin{}
	}
	for i, k := range read {
		found[got[i]] = k
		if keep {
			c.byPK[got[i]] = k
		}
	}
	c.mu.Unlock()
	out := make([]*debrief.Kin, 0, len(pks))
	for _, pk := range pks {
		if k, ok := found[pk]; ok {
			out = append(out, k)
		}
	}
	return out, nil
}

// placeCache keeps the incidents of a family kind by service
// (postmortem_family_places) and by action item, each list in (incident
// date, pk) order, at one count of the archive's changes: some 24 bytes a
// row, 6 MB at 100,000 postmortems. A list is read the first time a page
// asks for it.
type placeCache struct {
	mu      sync.Mutex
	changes int64
	rows    int
	lists   map[placeKey][]dated
}

// placeKey names a list of a placeCache: a kind and a service, or a kind
// and an action item.
type placeKey struct {
	kind, at string
	item     bool
}

// read returns the query that reads k's list, pk and incident date in
// that order, and its arguments.
func (k placeKey) read() (string, []any) {
	if k.item {
		return `SELECT a.pk, p.incident_date FROM postmortem_action_items a
			JOIN postmortems p ON p.pk = a.pk
			WHERE a.item_id = ? AND EXISTS (SELECT 1 FROM postmortem_kinds k WHERE k.pk = a.pk AND k.family AND k.kind = ?)
			ORDER BY p.incident_date, a.pk`, []any{k.at, k.kind}
	}
	return `SELECT pk, incident_date FROM postmortem_family_places
		WHERE kind = ? AND service = ? ORDER BY incident_date, pk`, []any{k.kind, k.at}
}

// maxPlaces bounds the rows a placeCache keeps; past it, it starts again.
const maxPlaces = 1_000_000

// list returns the list key as the transaction sees the archive at
// changes.
func (c *placeCache) list(ctx context.Context, tx *Tx, changes int64, key placeKey) ([]dated, error) {
	c.mu.Lock()
	list, ok := c.lists[key]
	ok = ok && c.changes == changes
	c.mu.Unlock()
	if ok {
		return list, nil
	}
	query, args := key.read()
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n dated
		if err := rows.Scan(&n.pk, &n.date); err != nil {
			return nil, err
		}
		list = append(list, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if changes > c.changes || c.lists == nil || c.rows+len(list) > maxPlaces {
		c.changes, c.rows, c.lists = changes, 0, map[placeKey][]dated{}
	}
	if _, ok := c.lists[key]; !ok && c.changes == changes {
		c.lists[key] = list
		c.rows += len(list)
	}
	return list, nil
}

// memo keeps answers computed from the archive at one count of its
// changes, as the selections do: any write, by any process, empties it.
// Every postmortem page asks for the same few things of its postmortem.
type memo[T any] struct {
	mu      sync.Mutex
	changes int64
	found   map[string][]T
}

// maxMemo bounds the answers a memo keeps; past it, it starts again.
const maxMemo = 10_000

// get returns a copy of the answer kept for key at changes.
func (c *memo[T]) get(changes int64, key string) ([]T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.found[key]
	if !ok || c.changes != changes {
		return nil, false
	}
	return slices.Clone(v), true
}

func (c *memo[T]) put(changes int64, key string, v []T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if changes != c.changes || c.found == nil || len(c.found) >= maxMemo {
		c.changes, c.found = changes, map[string][]T{}
	}
	c.found[key] = slices.Clone(v)
}

// recurrenceKey is what Recurrences' answer for p depends on besides the
// archive: who asks (what they may see), the day (a draft happens today),
// and what of p it reads, its families among them, for a draft or an edit
// not saved yet has the version of the stored postmortem but not its
// content.
func recurrenceKey(v debrief.Viewer, p *debrief.Postmortem, fam []string, today debrief.Date) string {
	var b strings.Builder
	b.WriteString(audience(v))
	fmt.Fprintf(&b, "\x00%s\x00%d\x00%s\x00%s\x00%q\x00%q\x00%q", today, p.Version, p.ID, p.IncidentDate(), debrief.Keys(p.Services), debrief.Keys(p.Teams), fam)
	for _, a := range p.ActionItems {
		fmt.Fprintf(&b, "\x00%q %q %q %q %s", a.ID, a.Status, a.Kind, a.OwnerTeam, a.Due)
	}
	return b.String()
}

// KindsOf returns p's kinds, stored or inferred (storedKinds).
func (db *DB) KindsOf(ctx context.Context, p *debrief.Postmortem) ([]debrief.KindMatch, error) {
	var out []debrief.KindMatch
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		out, err = db.storedKinds(ctx, tx, p)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("the kinds of %s: %w", p.ID, err)
	}
	return out, nil
}

// storedKinds returns p's kinds: those stored with it when p is the stored
// version of a postmortem, otherwise (a draft, an edit not saved yet)
// inferred from its text.
func (db *DB) storedKinds(ctx context.Context, tx *Tx, p *debrief.Postmortem) ([]debrief.KindMatch, error) {
	if p.Version > 0 {
		changes, err := tx.changes(ctx)
		if err != nil {
			return nil, err
		}
		key := p.ID + "@" + strconv.Itoa(p.Version)
		if kinds, ok := db.kindsOf.get(changes, key); ok {
			return kinds, nil
		}
		var version int
		var derived string
		err = tx.QueryRow(ctx, `SELECT p.version, d.derived FROM postmortems p JOIN documents d ON d.pk = p.pk WHERE p.id = ?`, p.ID).Scan(&version, &derived)
		switch {
		case err == nil && version == p.Version:
			kinds := debrief.DerivedKinds(derived)
			db.kindsOf.put(changes, key, kinds)
			return kinds, nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	return p.FeaturesWith(db.kinds).Kinds, nil
}

// loadKin reads the postmortems pks with their kinds and action items.
// With evidence, the kinds are those derived, with the phrases that point
// to them; without, only the kinds of their families, from postmortem_kinds,
// which is all that recurrences compare and a fraction of the reading.
func (db *DB) loadKin(ctx context.Context, tx *Tx, pks []int64, evidence bool) ([]*debrief.Kin, error) {
	_, out, err := db.readKin(ctx, tx, pks, evidence)
	return out, err
}

// readKin is loadKin, with the pk of each kin it returns.
func (db *DB) readKin(ctx context.Context, tx *Tx, pks []int64, evidence bool) ([]int64, []*debrief.Kin, error) {
	if len(pks) == 0 {
		return nil, nil, nil
	}
	d := db.d
	rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+` FROM postmortems p WHERE `+d.In("p.pk"), d.List(pks))
	if err != nil {
		return nil, nil, err
	}
	page := &debrief.PostmortemPage{}
	got, err := db.ScanSummaries(rows, page)
	if err != nil {
		return nil, nil, err
	}
	byPK := make(map[int64]*debrief.Kin, len(got))
	out := make([]*debrief.Kin, len(got))
	for i, pk := range got {
		out[i] = &debrief.Kin{Summary: page.Items[i]}
		byPK[pk] = out[i]
	}
	if evidence {
		err = db.derivedKinds(ctx, tx, pks, byPK)
	} else {
		err = db.familyKinds(ctx, tx, pks, byPK)
	}
	if err != nil {
		return nil, nil, err
	}
	rows, err = tx.Query(ctx, `SELECT l.pk, `+actionItemColumns+`
		FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id
		WHERE `+d.In("l.pk")+` ORDER BY l.pk, l.position`, d.List(pks))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var a debrief.ActionItem
		var due string
		if err := rows.Scan(append([]any{&pk}, actionItem(&a, &due)...)...); err != nil {
			return nil, nil, err
		}
		a.Due = date(due)
		byPK[pk].ActionItems = append(byPK[pk].ActionItems, a)
	}
	return got, out, rows.Err()
}

// derivedKinds sets the kinds of byPK's postmortems as derived, with their
// evidence: a family never compares words, so only the kinds are decoded.
func (db *DB) derivedKinds(ctx context.Context, tx *Tx, pks []int64, byPK map[int64]*debrief.Kin) error {
	rows, err := tx.Query(ctx, `SELECT d.pk, d.derived FROM documents d WHERE `+db.d.In("d.pk"), db.d.List(pks))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var derived string
		if err := rows.Scan(&pk, &derived); err != nil {
			return err
		}
		byPK[pk].Kinds = debrief.DerivedKinds(derived)
	}
	return rows.Err()
}

// familyKinds sets the kinds of byPK's postmortems to the kinds of their
// families, in the order inference gives them (confirmed first, then the
// strongest), as debrief.FamilyKinds reads them.
func (db *DB) familyKinds(ctx context.Context, tx *Tx, pks []int64, byPK map[int64]*debrief.Kin) error {
	rows, err := tx.Query(ctx, `SELECT pk, kind, score, confirmed FROM postmortem_kinds
		WHERE family AND `+db.d.In("pk")+` ORDER BY pk, confirmed DESC, score DESC`, db.d.List(pks))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var kind string
		var score float64
		var confirmed bool
		if err := rows.Scan(&pk, &kind, &score, &confirmed); err != nil {
			return err
		}
		byPK[pk].Kinds = db.appendKind(byPK[pk].Kinds, kind, score, confirmed)
	}
	return rows.Err()
}

// FamilyKindsByID returns the kinds of families of every postmortem v may
// see, by id, in the order inference gives them (confirmed first, then the
// strongest), without their evidence; a postmortem of no family has an
// entry without kinds. Readers of the whole archive take them instead of
// inferring every postmortem's kinds again.
func (db *DB) FamilyKindsByID(ctx context.Context, v debrief.Viewer) (map[string][]debrief.KindMatch, error) {
	out := map[string][]debrief.KindMatch{}
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT p.id, k.kind, k.score, k.confirmed
			FROM postmortems p LEFT JOIN postmortem_kinds k ON k.pk = p.pk AND k.family
			WHERE `+vis+` ORDER BY p.pk, k.confirmed DESC, k.score DESC`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var kind sql.NullString
			var score sql.NullFloat64
			var confirmed sql.NullBool
			if err := rows.Scan(&id, &kind, &score, &confirmed); err != nil {
				return err
			}
			kinds := out[id]
			if kind.Valid {
				kinds = db.appendKind(kinds, kind.String, score.Float64, confirmed.Bool)
			}
			out[id] = kinds
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("the kinds of the archive: %w", err)
	}
	return out, nil
}

// appendKind appends a kind read from postmortem_kinds to kinds, with its
// name, unless the configuration no longer has it.
func (db *DB) appendKind(kinds []debrief.KindMatch, id string, score float64, confirmed bool) []debrief.KindMatch {
	k, ok := db.kinds.Kind(id)
	if !ok {
		return kinds
	}
	return append(kinds, debrief.KindMatch{ID: k.ID, Name: k.Name, Score: score, Confirmed: confirmed})
}

// audience keys what a viewer may see: viewers of the same teams, and all
// admins, see the same postmortems.
func audience(v debrief.Viewer) string {
	if v.Admin {
		return "admin"
	}
	return fmt.Sprint(v.TeamKeys())
}
