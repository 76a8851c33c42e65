package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/debrief/debrief"
)

// The follow-through's records (debrief.FollowThroughService): history,
// dates, pins, the reminders' ledger, tracker deliveries and leases.

var _ debrief.FollowThroughService = (*DB)(nil)

// recordItem records what a save by saver of the postmortem pm does to an
// action item: the fields it changes from cur (when found), and the days
// the item was opened and done.
func (db *DB) recordItem(ctx context.Context, tx *Tx, saver *debrief.Viewer, pm string, found bool, cur, a debrief.ActionItem) error {
	now := db.Now().UTC()
	today := debrief.DateOf(now).String()
	if !found {
		if debrief.OriginOf(ctx).Source == debrief.SourceImport {
			return nil
		}
		_, err := tx.Exec(ctx, `INSERT INTO action_item_dates (item_id, opened, done) VALUES (?, ?, '')
			ON CONFLICT (item_id) DO UPDATE SET opened = excluded.opened, done = ''`, a.ID, today)
		return err
	}
	if cur == a {
		return nil
	}
	changes := debrief.SaveChanges(ctx, saver, pm, &cur, a, now)
	if err := db.insertChanges(ctx, tx, changes); err != nil {
		return err
	}
	for _, c := range changes {
		if c.Field != "status" {
			continue
		}
		done := ""
		if c.To == string(debrief.ActionDone) {
			done = today
		}
		if _, err := tx.Exec(ctx, `INSERT INTO action_item_dates (item_id, opened, done) VALUES (?, '', ?)
			ON CONFLICT (item_id) DO UPDATE SET done = excluded.done`, a.ID, done); err != nil {
			return err
		}
	}
	return nil
}

// recordRisk records the fields a save changes of an accepted risk.
func (db *DB) recordRisk(ctx context.Context, tx *Tx, saver *debrief.Viewer, pm string, found bool, cur, r debrief.AcceptedRisk) error {
	if !found || cur == r {
		return nil
	}
	return db.insertChanges(ctx, tx, debrief.SaveRiskChanges(ctx, saver, pm, &cur, r, db.Now().UTC()))
}

func (db *DB) insertChanges(ctx context.Context, tx *Tx, cs []debrief.Change) error {
	for _, c := range cs {
		if c.At.IsZero() {
			c.At = db.Now()
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO follow_history (subject, item_id, postmortem, field, from_value, to_value, who, at, source, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.Subject, c.ID, c.Postmortem, c.Field, c.From, c.To, c.Who,
			db.d.Time(c.At.UTC()), string(c.Source), c.Note); err != nil {
			return fmt.Errorf("record the change of %s %s: %w", c.ID, c.Field, err)
		}
	}
	return nil
}

// FollowThrough reads the follow-through of what v may see.
func (db *DB) FollowThrough(ctx context.Context, v debrief.Viewer) (*debrief.FollowThroughData, error) {
	d := &debrief.FollowThroughData{Opened: map[string]debrief.Date{}, Done: map[string]debrief.Date{}}
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		pks, err := tx.Int64s(ctx, `SELECT p.pk FROM postmortems p WHERE `+vis+` ORDER BY p.pk`, args...)
		if err != nil {
			return err
		}
		if d.Kin, err = db.loadKin(ctx, tx, pks, false); err != nil {
			return err
		}
		byID := map[string]*debrief.Kin{}
		items := map[string]bool{}
		for _, k := range d.Kin {
			byID[k.Summary.ID] = k
			for _, a := range k.ActionItems {
				items[a.ID] = true
			}
		}
		if err := readRisks(ctx, tx, vis, args, byID, d); err != nil {
			return err
		}
		if err := readDatesAndPins(ctx, tx, items, d); err != nil {
			return err
		}
		return readReviews(ctx, tx, vis, args, d)
	})
	if err != nil {
		return nil, fmt.Errorf("read the follow-through: %w", err)
	}
	return d, nil
}

func readRisks(ctx context.Context, tx *Tx, vis string, args []any, byID map[string]*debrief.Kin, d *debrief.FollowThroughData) error {
	rows, err := tx.Query(ctx, `SELECT `+acceptedRiskColumns+`, p.id
		FROM accepted_risks r JOIN postmortem_accepted_risks l ON l.risk_id = r.id JOIN postmortems p ON p.pk = l.pk
		WHERE `+vis+` ORDER BY r.id, p.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *debrief.ArchiveRisk
	for rows.Next() {
		var r debrief.AcceptedRisk
		var until, reviewBy, pm string
		if err := rows.Scan(append(acceptedRisk(&r, &until, &reviewBy), &pm)...); err != nil {
			return err
		}
		r.Until, r.ReviewBy = date(until), date(reviewBy)
		if last == nil || last.Risk.ID != r.ID {
			last = &debrief.ArchiveRisk{Risk: r}
			d.Risks = append(d.Risks, last)
		}
		if k := byID[pm]; k != nil {
			last.Postmortems = append(last.Postmortems, k)
		}
	}
	return rows.Err()
}

func readDatesAndPins(ctx context.Context, tx *Tx, items map[string]bool, d *debrief.FollowThroughData) error {
	rows, err := tx.Query(ctx, `SELECT item_id, opened, done FROM action_item_dates`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, opened, done string
		if err := rows.Scan(&id, &opened, &done); err != nil {
			return err
		}
		if items[id] {
			d.Opened[id], d.Done[id] = date(opened), date(done)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	rows, err = tx.Query(ctx, `SELECT `+pinColumns+` FROM action_pins ORDER BY item_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p debrief.Pin
		if err := rows.Scan(pinDest(&p)...); err != nil {
			return err
		}
		if items[p.ItemID] {
			d.Pins = append(d.Pins, p)
		}
	}
	return rows.Err()
}

// readReviews adds the postmortems still a draft or in review that have a
// review date.
func readReviews(ctx context.Context, tx *Tx, vis string, args []any, d *debrief.FollowThroughData) error {
	rows, err := tx.Query(ctx, `SELECT p.id, p.version, p.file_hash, d.front_matter, d.body, d.decoded FROM postmortems p JOIN documents d ON d.pk = p.pk
		WHERE p.status != 'published' AND `+vis+` ORDER BY p.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, front, body string
		var decoded, hash sql.NullString
		var version int
		if err := rows.Scan(&id, &version, &hash, &front, &body, &decoded); err != nil {
			return err
		}
		p, err := readStored(id, front, body, decoded, hash.String, version)
		if err != nil {
			return err
		}
		if !p.ReviewDate.IsZero() {
			d.Reviews = append(d.Reviews, debrief.ReviewDue{ID: p.ID, Title: p.Title, Teams: p.Teams, Status: p.Status, ReviewDate: p.ReviewDate})
		}
	}
	return rows.Err()
}

// SaveFollowThrough saves postmortems together with extra history.
func (db *DB) SaveFollowThrough(ctx context.Context, v debrief.Viewer, ps []*debrief.Postmortem, extra []debrief.Change) error {
	files := make([][]byte, len(ps))
	canon := make([]*debrief.Postmortem, len(ps))
	for i, p := range ps {
		var err error
		if files[i], canon[i], err = canonical(p); err != nil {
			return err
		}
	}
	versions := make([]int, len(ps))
	err := db.WriteTx(ctx, func(tx *Tx) error {
		for i, p := range ps {
			old, err := db.getStored(ctx, tx, p.ID)
			if err != nil {
				return err
			}
			if old == nil || !v.CanSee(old.postmortem) {
				return notFound(p.ID)
			}
			if old.version != p.Version {
				return &debrief.ConflictError{ID: p.ID, Expected: p.Version, Current: old.version}
			}
			versions[i] = old.version
			if string(old.file) == string(files[i]) {
				continue
			}
			versions[i]++
			if err := db.put(ctx, tx, canon[i], files[i], old, &saver{v: v}); err != nil {
				return err
			}
		}
		return db.insertChanges(ctx, tx, extra)
	})
	if err != nil {
		return err
	}
	for i, p := range ps {
		p.Version = versions[i]
	}
	return nil
}

// History returns the changes to an item or a risk that v may see.
func (db *DB) History(ctx context.Context, v debrief.Viewer, subject, id string) ([]debrief.Change, error) {
	var out []debrief.Change
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT h.subject, h.item_id, h.postmortem, h.field, h.from_value, h.to_value, h.who, h.at, h.source, h.note
			FROM follow_history h WHERE h.subject = ? AND h.item_id = ?
			AND EXISTS (SELECT 1 FROM postmortems p WHERE p.id = h.postmortem AND `+vis+`)
			ORDER BY h.seq`, append([]any{subject, id}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c debrief.Change
			var source string
			if err := rows.Scan(&c.Subject, &c.ID, &c.Postmortem, &c.Field, &c.From, &c.To, &c.Who, timeScanner{&c.At}, &source, &c.Note); err != nil {
				return err
			}
			c.Source = debrief.ChangeSource(source)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the history of %s: %w", id, err)
	}
	return out, nil
}

// itemOwner returns the owner team of the action item id and the first
// postmortem v may see that lists it, or a not-found error, and locks the
// item until the transaction ends.
func (db *DB) itemOwner(ctx context.Context, tx *Tx, v debrief.Viewer, id string) (owner, pm string, err error) {
	vis, args := db.Visible(v)
	err = tx.QueryRow(ctx, `SELECT a.owner_team, p.id FROM action_items a
		JOIN postmortem_action_items l ON l.item_id = a.id JOIN postmortems p ON p.pk = l.pk
		WHERE a.id = ? AND `+vis+` ORDER BY p.id LIMIT 1`+db.d.ForUpdate("a"), append([]any{id}, args...)...).Scan(&owner, &pm)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", debrief.Errorf(debrief.ENOTFOUND, "action item %s not found", id)
	}
	return owner, pm, err
}

// SetPin records a team's pin on one of its items.
func (db *DB) SetPin(ctx context.Context, v debrief.Viewer, p debrief.Pin) error {
	if p.At.IsZero() {
		p.At = db.Now()
	}
	if p.By == "" {
		p.By = v.User
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		owner, pm, err := db.itemOwner(ctx, tx, v, p.ItemID)
		if err != nil {
			return err
		}
		if err := p.CheckBy(v, owner); err != nil {
			return err
		}
		old, err := getPin(ctx, tx, p.ItemID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO action_pins (item_id, team, direction, reason, pinned_by, pinned_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (item_id) DO UPDATE SET team = excluded.team, direction = excluded.direction, reason = excluded.reason,
			pinned_by = excluded.pinned_by, pinned_at = excluded.pinned_at`,
			p.ItemID, p.Team, string(p.Direction), p.Reason, p.By, db.d.Time(p.At.UTC())); err != nil {
			return err
		}
		c := debrief.PinChange(p.ItemID, old, &p, p.By, p.At, debrief.OriginOf(ctx).Source)
		c.Postmortem = pm
		return db.insertChanges(ctx, tx, []debrief.Change{c})
	})
}

// Unpin removes the pin of an item.
func (db *DB) Unpin(ctx context.Context, v debrief.Viewer, itemID string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		owner, pm, err := db.itemOwner(ctx, tx, v, itemID)
		if err != nil {
			return err
		}
		old, err := getPin(ctx, tx, itemID)
		if err != nil || old == nil {
			return err
		}
		if err := old.CheckBy(v, owner); debrief.ErrorCode(err) == debrief.EFORBIDDEN {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM action_pins WHERE item_id = ?`, itemID); err != nil {
			return err
		}
		c := debrief.PinChange(itemID, old, nil, v.User, db.Now(), debrief.OriginOf(ctx).Source)
		c.Postmortem = pm
		return db.insertChanges(ctx, tx, []debrief.Change{c})
	})
}

const pinColumns = `item_id, team, direction, reason, pinned_by, pinned_at`

// pinDest returns the destinations of Scan for pinColumns.
func pinDest(p *debrief.Pin) []any {
	return []any{&p.ItemID, &p.Team, &p.Direction, &p.Reason, &p.By, timeScanner{&p.At}}
}

func getPin(ctx context.Context, tx *Tx, itemID string) (*debrief.Pin, error) {
	p := &debrief.Pin{}
	err := tx.QueryRow(ctx, `SELECT `+pinColumns+` FROM action_pins WHERE item_id = ?`, itemID).Scan(pinDest(p)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return p, err
}

// Claim records a reminder's key as sent, once: of two replicas that claim
// the same key, the primary key lets one insert it.
func (db *DB) Claim(ctx context.Context, key string, at time.Time) (bool, error) {
	var n int64
	err := db.WriteTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `INSERT INTO reminder_ledger (key, claimed_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
			key, db.d.Time(at.UTC()))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n == 1, err
}

// Release forgets a reminder's claim.
func (db *DB) Release(ctx context.Context, key string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM reminder_ledger WHERE key = ?`, key)
		return err
	})
}

// Seen reports whether a tracker's delivery was applied before.
func (db *DB) Seen(ctx context.Context, tracker, id string) (bool, error) {
	var n int
	err := db.ReadTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM tracker_deliveries WHERE tracker = ? AND delivery_id = ?`, tracker, id).Scan(&n)
	})
	return n > 0, err
}

// Record remembers a tracker's delivery as applied.
func (db *DB) Record(ctx context.Context, tracker, id string, at time.Time) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO tracker_deliveries (tracker, delivery_id, received_at) VALUES (?, ?, ?)
			ON CONFLICT (tracker, delivery_id) DO NOTHING`, tracker, id, db.d.Time(at.UTC()))
		return err
	})
}

// Lease gives the lease name to holder when it is free, expired or
// holder's already. The row's lock makes replicas that ask at the same
// time take turns, and the first one's lease stands.
func (db *DB) Lease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (bool, error) {
	var got string
	err := db.WriteTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
			WHERE leases.holder = excluded.holder OR leases.expires_at < ?`, name, holder, db.d.Time(now.Add(ttl).UTC()), db.d.Time(now.UTC())); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT holder FROM leases WHERE name = ?`, name).Scan(&got)
	})
	return err == nil && got == holder, err
}

// ReleaseLease frees a lease that holder has.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder)
		return err
	})
}
