package postgres

import (
	"context"
	"strings"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

var _ debrief.ReminderService = (*DB)(nil)

// ReminderSettings lists the reminder settings, by team.
func (db *DB) ReminderSettings(ctx context.Context) ([]debrief.ReminderSetting, error) {
	var out []debrief.ReminderSetting
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT team, email, slack_env, slack_file, set_by, set_at FROM reminder_settings ORDER BY team`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s debrief.ReminderSetting
			if err := rows.Scan(&s.Team, &s.Email, &s.SlackEnv, &s.SlackFile, &s.By, &s.At); err != nil {
				return err
			}
			s.At = s.At.UTC()
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
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO reminder_settings (team, email, slack_env, slack_file, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (team) DO UPDATE SET email = excluded.email, slack_env = excluded.slack_env, slack_file = excluded.slack_file,
			set_by = excluded.set_by, set_at = excluded.set_at`,
			strings.ToLower(strings.TrimSpace(s.Team)), nonNil(s.Email), s.SlackEnv, s.SlackFile, v.User, s.At.UTC())
		return err
	})
}

// DeleteReminderSetting removes a team's reminder setting.
func (db *DB) DeleteReminderSetting(ctx context.Context, v debrief.Viewer, team string) error {
	if !v.Admin {
		return debrief.Errorf(debrief.EFORBIDDEN, "only an admin sets where teams' reminders go")
	}
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM reminder_settings WHERE team = $1`, strings.ToLower(strings.TrimSpace(team)))
		return err
	})
}
