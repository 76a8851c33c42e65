package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
	"github.com/spf13/cobra"
)

// auditStore is the archive of a command that changes users or tokens,
// with its token service and audit log.
type auditStore struct {
	g      *globals
	store  debrief.Store
	tokens debrief.TokenService
	audit  debrief.AuditService
}

// openAuditStore opens the archive for a command that changes users or
// tokens, and returns a function that closes it.
func openAuditStore(cmd *cobra.Command, g *globals) (*auditStore, func(), error) {
	s, err := openStore(cmd.Context(), g, storeOptions{})
	if err != nil {
		return nil, nil, err
	}
	tokens, ok1 := s.(debrief.TokenService)
	audit, ok2 := s.(debrief.AuditService)
	if !ok1 || !ok2 {
		s.Close()
		return nil, nil, fmt.Errorf("the archive %T keeps no audit log", s)
	}
	return &auditStore{g: g, store: s, tokens: tokens, audit: audit}, func() { s.Close() }, nil
}

// record writes what the operator did to the audit log. The change is
// made already, so a failure to record it is reported, not returned.
func (s *auditStore) record(cmd *cobra.Command, action, target, detail string) {
	e := &debrief.AuditEvent{Actor: "operator", Action: action, Target: target, Detail: detail, Origin: debrief.OriginCommandLine}
	if err := s.audit.RecordAudit(cmd.Context(), e); err != nil {
		s.g.log.Error("could not record the change in the audit log", "action", action, "target", target, "err", err)
	}
}

// recordUserChange writes a change to users made through users, an opened
// archive, to its audit log.
func recordUserChange(cmd *cobra.Command, g *globals, users debrief.UserService, action, target, detail string) {
	if a, ok := users.(debrief.AuditService); ok {
		s := &auditStore{g: g, audit: a}
		s.record(cmd, action, target, detail)
	}
}

// recordImport writes an import of the files and folders paths into s
// to its audit log, as one entry that counts what it did.
func recordImport(ctx context.Context, g *globals, s debrief.Store, paths []string, detail string) {
	a, ok := s.(debrief.AuditService)
	if !ok {
		return
	}
	e := &debrief.AuditEvent{Actor: "operator", Action: debrief.AuditPostmortemImport, Target: strings.Join(paths, " "), Detail: detail, Origin: debrief.OriginCommandLine}
	if err := a.RecordAudit(ctx, e); err != nil {
		g.log.Error("could not record the import in the audit log", "err", err)
	}
}
