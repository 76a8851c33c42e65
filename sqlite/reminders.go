package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.ReminderService = (*DB)(nil)

// ReminderSettings lists the reminder settings, by team.
func (db *DB) ReminderSettings(ctx context.Context) ([]debrief.ReminderSetting, error) {
	var out []debrief.ReminderSetting
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT team, email, slack_env, slack_file, set_by, set_at FROM reminder_settings ORDER BY team`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s debrief.ReminderSetting
			var email, at string
			if err := rows.Scan(&s.Team, &email, &s.SlackEnv, &s.SlackFile, &s.By, &at); err != nil {
				return err
			}
			s.Email = jsonStrings(email)
			s.At, _ = time.Parse(time.RFC3339Nano, at)
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
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := db.exec(ctx, tx, `INSERT INTO reminder_settings (team, email, slack_env, slack_file, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (team) DO UPDATE SET email = excluded.email, slack_env = excluded.slack_env, slack_file = excluded.slack_file,
			set_by = excluded.set_by, set_at = excluded.set_at`,
			strings.ToLower(strings.TrimSpace(s.Team)), jsonArray(s.Email), s.SlackEnv, s.SlackFile, v.User, s.At.UTC().Format(time.RFC3339Nano))
		return err
	})
}

// DeleteReminderSetting removes a team's reminder setting.
func (db *DB) DeleteReminderSetting(ctx context.Context, v debrief.Viewer, team string) error {
	if !v.Admin {
		return debrief.Errorf(debrief.EFORBIDDEN, "only an admin sets where teams' reminders go")
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := db.exec(ctx, tx, `DELETE FROM reminder_settings WHERE team = ?`, strings.ToLower(strings.TrimSpace(team)))
		return err
	})
}
