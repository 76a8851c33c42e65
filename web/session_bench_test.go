package web

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sqlite"
)

// BenchmarkSession measures what the session costs a page: finding the
// browser's session, for 1,000 signed-in browsers at random, from parallel
// requests. "cached" is nearly every request; "reread" reads the session
// and its user from the archive on every request, which each session does
// once every userRecheck.
//
//	go test ./web -run '^$' -bench Session -cpu 1,2
func BenchmarkSession(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	srv := New(Config{Postmortems: db, Users: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	p := srv.pages
	var cookies []*http.Cookie
	for i := range 1000 {
		u := &debrief.User{Name: "user" + strconv.Itoa(i), Role: debrief.RoleViewer, Teams: []string{"payments"}}
		if err := db.CreateUser(ctx, u, ""); err != nil {
			b.Fatal(err)
		}
		id, err := p.startSession(ctx, u)
		if err != nil {
			b.Fatal(err)
		}
		cookies = append(cookies, &http.Cookie{Name: sessionCookie, Value: id})
	}
	h := p.withSession(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if userFrom(r.Context()) == nil {
			b.Error("no session")
		}
	}))
	run := func(b *testing.B, reread bool) {
		b.RunParallel(func(pb *testing.PB) {
			r := rand.New(rand.NewPCG(rand.Uint64(), 1))
			for pb.Next() {
				c := cookies[r.IntN(len(cookies))]
				if reread {
					p.sessions.remove(keyOf(c.Value))
				}
				req := httptest.NewRequest("GET", "/", nil)
				req.AddCookie(c)
				h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
	b.Run("cached", func(b *testing.B) { run(b, false) })
	b.Run("reread", func(b *testing.B) { run(b, true) })
}
