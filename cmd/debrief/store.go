package main

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/sqlite"
	"github.com/spf13/cobra"
)

// storeOptions are the flags of the commands that open the archive.
type storeOptions struct {
	// migrate applies PostgreSQL's pending migrations on open; SQLite
	// always migrates itself.
	migrate bool
}

// addStoreFlags adds the flags of storeOptions to cmd.
func addStoreFlags(cmd *cobra.Command, o *storeOptions) {
	cmd.Flags().BoolVar(&o.migrate, "migrate", false, "apply pending PostgreSQL migrations first (the embedded archive always migrates itself)")
}

// openStore opens the archive the global flags name: PostgreSQL when --db
// (or DEBRIEF_DB) is set, otherwise the SQLite file in --data, created and
// migrated when needed. Errors are ready to return from a command.
func openStore(ctx context.Context, g *globals, o storeOptions) (debrief.Store, error) {
	s, err := openStoreDefault(ctx, g, o)
	if err != nil {
		return nil, err
	}
	// The incident kinds of the .debrief.yaml in the working folder, if it
	// adds any, are the archive's.
	cfg, err := (&config.Finder{}).For(".")
	if err != nil {
		s.Close()
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	if ks := cfg.KindSet(); ks != debrief.DefaultKinds() {
		if err := s.UseKinds(ctx, ks); err != nil {
			s.Close()
			return nil, storeOpenError(err)
		}
	}
	return s, nil
}

func openStoreDefault(ctx context.Context, g *globals, o storeOptions) (debrief.Store, error) {
	if g.db != "" {
		db, err := postgres.Open(ctx, g.db, postgres.Options{Migrate: o.migrate})
		if err != nil {
			return nil, storeOpenError(err)
		}
		g.log.Debug("opened the archive", "store", "postgres")
		return db, nil
	}
	db, err := sqlite.Open(ctx, g.data)
	if err != nil {
		return nil, storeOpenError(fmt.Errorf("open the archive in %s: %w", g.data, err))
	}
	if n := db.Migrated(); n > 0 {
		g.log.Debug("migrated the archive", "path", db.Path(), "migrations", n)
	}
	return db, nil
}

// storeOpenError makes an error of opening the archive a usage or I/O
// error (exit status 2), with its user-facing message when it has one.
func storeOpenError(err error) error {
	if debrief.ErrorCode(err) != debrief.EINTERNAL {
		return &exitError{code: 2, msg: debrief.ErrorMessage(err)}
	}
	return &exitError{code: 2, msg: err.Error()}
}
