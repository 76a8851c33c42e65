package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/debrief/debrief"
	msqlite "modernc.org/sqlite"
)

// Backup copies the archive in the database file dbPath to the new file
// dst, consistently, while other processes (a running `debrief serve`) go
// on reading and writing it: VACUUM INTO reads one snapshot in a read
// transaction, which in WAL mode never holds up a writer. The copy is
// written beside dst and renamed into place once checked, so dst is either
// a whole backup or absent. An existing dst is refused.
func Backup(ctx context.Context, dbPath, dst string) error {
	if _, err := os.Stat(dbPath); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return debrief.Errorf(debrief.ENOTFOUND, "there is no archive at %s: name its data folder with --data", dbPath)
		}
		return err
	}
	if _, err := os.Lstat(dst); err == nil {
		return debrief.Errorf(debrief.ECONFLICT, "%s exists already: back up to a new file, or remove it first", dst)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	// VACUUM INTO wants to create its file.
	os.Remove(tmpPath)
	defer os.Remove(tmpPath)

	src, err := sql.Open("sqlite", fileURI(dbPath)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return writeError(fmt.Errorf("back up %s: %w", dbPath, err))
	}
	if err := checkBackup(ctx, tmpPath); err != nil {
		return err
	}
	if err := syncFile(tmpPath); err != nil {
		return err
	}
	if err := os.Rename(tmpPath, dst); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	return nil
}

// Restore replaces the archive in the data folder dir with the backup in
// the file src, after checking that src is a whole debrief archive that
// this version of debrief can read, and migrates it. It copies src page by
// page with SQLite's backup API inside one write lock, so a reader sees
// either the old archive or the restored one; even so, stop `debrief
// serve` first, since its caches still hold what the old archive said.
// A missing archive in dir is created.
func Restore(ctx context.Context, src, dir string) error {
	if err := checkBackup(ctx, src); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("create the data folder: %w", err)
	}
	dst, err := sql.Open("sqlite", fileURI(filepath.Join(dir, FileName))+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	if err != nil {
		return err
	}
	defer dst.Close()
	conn, err := dst.Conn(ctx)
	if err != nil {
		return writeError(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*msqlite.Backup, error)
		})
		if !ok {
			return fmt.Errorf("the SQLite driver %T cannot restore", dc)
		}
		b, err := r.NewRestore(fileURI(src) + "?mode=ro")
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		return errors.Join(err, b.Finish())
	})
	if err != nil {
		return writeError(fmt.Errorf("restore %s from %s: %w", dir, src, err))
	}
	conn.Close()
	dst.Close()
	db, err := Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("open the restored archive: %w", err)
	}
	return db.Close()
}

// checkBackup makes sure the file path holds a whole debrief archive, no
// newer than this version of debrief.
func checkBackup(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return debrief.Errorf(debrief.ENOTFOUND, "there is no backup at %s", path)
		}
		return err
	}
	if !st.Mode().IsRegular() {
		return debrief.Errorf(debrief.EINVALID, "%s is not a file: name the backup file that debrief backup wrote", path)
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	notArchive := func(why string) error {
		return debrief.Errorf(debrief.EINVALID, "%s is not a debrief backup: %s", path, why)
	}
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&check); err != nil {
		return notArchive("SQLite cannot read it as a database")
	}
	if check != "ok" {
		return notArchive("it is damaged (" + check + ")")
	}
	var newest sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&newest); err != nil || !newest.Valid {
		return notArchive("it has no debrief schema")
	}
	ms, err := Migrations()
	if err != nil {
		return err
	}
	if known := ms[len(ms)-1].Version; int(newest.Int64) > known {
		return debrief.Errorf(debrief.EINVALID, "%s comes from a newer debrief (schema %d, this one knows up to %d): restore it with that version", path, newest.Int64, known)
	}
	return nil
}

func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file:" + (&url.URL{Path: abs}).EscapedPath()
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// writeError says what SQLite's refusal to write a backup or a restore
// means (dialect.WriteError).
func writeError(err error) error { return (*dialect)(nil).WriteError(err) }
