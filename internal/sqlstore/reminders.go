package sqlstore

import (
	"context"
	"strings"

	"github.com/debrief/debrief"
)

var _ debrief.ReminderService = (*DB)(nil)

// ReminderSettings lists the reminder settings, by team.
func (db *DB) ReminderSettings(ctx context.Context) ([]debrief.ReminderSetting, error) {
	var out []debrief.ReminderSetting
	err := db.ReadTx(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, `SELECT team, email, slack_env, slack_file, set_by, set_at FROM reminder_settings ORDER BY team`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s debrief.ReminderSetting
			if err := rows.Scan(&s.Team, db.d.ScanList(&s.Email), &s.SlackEnv, &s.SlackFile, &s.By, timeScanner{&s.At}); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}

// SetReminderSetting replaces a team's reminder setting.
func (db *DB) SetReminderSetting(ctx context.Context, v debrief.Viewer, s debrief.ReminderSetting) error {
	if !v.Admin {
		return debrief.Errorf(debrief.EFORBIDDEN, "only an admin sets where teams' reminders go")
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if s.At.IsZero() {
		s.At = db.Now()
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO reminder_settings (team, email, slack_env, slack_file, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (team) DO UPDATE SET email = excluded.email, slack_env = excluded.slack_env, slack_file = excluded.slack_file,
			set_by = excluded.set_by, set_at = excluded.set_at`,
			strings.ToLower(strings.TrimSpace(s.Team)), db.d.List(s.Email), s.SlackEnv, s.SlackFile, v.User, db.d.Time(s.At.UTC()))
		return err
	})
}

// DeleteReminderSetting removes a team's reminder setting.
func (db *DB) DeleteReminderSetting(ctx context.Context, v debrief.Viewer, team string) error {
	if !v.Admin {
		return debrief.Errorf(debrief.EFORBIDDEN, "only an admin sets where teams' reminders go")
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM reminder_settings WHERE team = ?`, strings.ToLower(strings.TrimSpace(team)))
		return err
	})
}
