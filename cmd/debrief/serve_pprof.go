package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// startProfiling serves Go's profiles (net/http/pprof) on addr, a loopback
// address apart from the app's, until ctx ends. They show where a loaded
// server spends its time:
//
//	go tool pprof -http : http://127.0.0.1:6060/debug/pprof/profile?seconds=20
//
// Only loopback addresses are accepted: a profile reveals the server's
// code and data, and taking one costs CPU.
func startProfiling(ctx context.Context, log *slog.Logger, addr string) error {
	if !loopback(addr) {
		return usageErrorf("--pprof %s: profiles are only served on a loopback address, such as 127.0.0.1:6060", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return &exitError{code: 2, msg: fmt.Sprintf("--pprof: listen on %s: %v", addr, err)}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("serve profiles", "addr", addr, "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	return nil
}
