package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageTemplates lists each page's template files without ".html": the
// layout, the partials the page uses, and the page itself last. A test
// checks that every file in templates/ is used by some page.
var pageTemplates = map[string][]string{
	"archive":    {"layout", "badges", "result", "archive"},
	"postmortem": {"layout", "badges", "similar", "findings", "review_panel", "postmortem"},
	"review":     {"layout", "badges", "review"},
	"editor":     {"layout", "badges", "problems", "gate", "facts_form", "editor"},
	"new":        {"layout", "new"},
	"families":   {"layout", "families"},
	"family":     {"layout", "badges", "family"},
	"doc":        {"layout", "doc"},
	"conflict":   {"layout", "problems", "conflict"},
	"signin":     {"layout", "signin"},
	"error":      {"layout", "error"},
	"admin":      {"layout", "admin"},
	"audit":      {"layout", "audit"},
	"actions":    {"layout", "action_row", "actions"},
	"action":     {"layout", "action_row", "history", "action"},
	"risks":      {"layout", "history", "risks"},
	"figures":    {"layout", "figures"},
	"outbox":     {"layout", "outbox"},
	"reminders":  {"layout", "reminders"},
	"insights":   {"layout", "insights"},
	"team":       {"layout", "team"},
}

// parseTemplates parses every page with its partials.
func parseTemplates(funcs template.FuncMap) (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for name, files := range pageTemplates {
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = "templates/" + f + ".html"
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, paths...)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// staticFile is one embedded asset with its content hash, which versions
// its URL so that browsers may cache it for good.
type staticFile struct {
	data  []byte
	hash  string
	ctype string
}

func loadStatic() (map[string]staticFile, error) {
	files := map[string]staticFile{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		files[name] = staticFile{data: b, hash: hex.EncodeToString(sum[:6]), ctype: mime.TypeByExtension(path.Ext(name))}
		return nil
	})
	return files, err
}

// serveStatic serves a file of static/, cached for good when the URL
// names its hash.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := s.pages.static[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}

// templateFuncs are the helpers the templates use.
func (p *pages) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"static": func(name string) string {
			return "/static/" + name + "?v=" + p.static[name].hash
		},
		"lower": func(s any) string { return strings.ToLower(fmt.Sprint(s)) },
		"join":  strings.Join,
		"date":  formatDate,
		"time":  formatTime,
		"isoTime": func(t time.Time) string {
			return t.UTC().Format(time.RFC3339)
		},
		"duration": formatDuration,
		"snippet":  func(s debrief.Snippet) template.HTML { return template.HTML(snippetHTML(s)) },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"add":          func(a, b int) int { return a + b },
		"contains":     slices.Contains[[]string],
		"severityText": severityText,
		"statusText":   func(s debrief.Status) string { return strings.ReplaceAll(string(s), "-", " ") },
		"actionStatus": func(s debrief.ActionStatus) string {
			if s == "" {
				return "open"
			}
			return string(s)
		},
		"etag": debrief.ActionETag,
		"list": func(xs ...string) []string { return xs },
		"row": func(a *debrief.RankedAction, canEdit bool, back string) actionRow {
			return actionRow{A: a, CanEdit: canEdit, Back: back}
		},
		"days": debrief.Days,
		"has":  func(q map[string][]string, k, v string) bool { return slices.Contains(q[k], v) },
		"first": func(q map[string][]string, k string) string {
			if len(q[k]) > 0 {
				return q[k][0]
			}
			return ""
		},
	}
}

func formatDate(d debrief.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 Jan 2006")
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006 15:04 UTC")
}

// formatDuration writes a duration the way people say it: "51 min",
// "2 h 30 min", "3 d 4 h".
func formatDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 1:
		return "under a minute"
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m < 48*60:
		if m%60 == 0 {
			return fmt.Sprintf("%d h", m/60)
		}
		return fmt.Sprintf("%d h %d min", m/60, m%60)
	}
	h := m / 60
	if h%24 == 0 {
		return fmt.Sprintf("%d d", h/24)
	}
	return fmt.Sprintf("%d d %d h", h/24, h%24)
}

func severityText(s debrief.Severity) string {
	switch s {
	case debrief.SEV1:
		return "SEV1 · critical"
	case debrief.SEV2:
		return "SEV2 · major"
	case debrief.SEV3:
		return "SEV3 · minor"
	case debrief.SEV4:
		return "SEV4 · low"
	}
	return string(s)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer and sends it with status, so that a
// template error becomes a clean error page rather than half a page.
func (p *pages) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := p.tmpl[name].ExecuteTemplate(buf, "layout", data); err != nil {
		p.log.ErrorContext(r.Context(), "render page", "page", name, "err", err)
		if name != "error" {
			p.errorPage(w, r, fmt.Errorf("render %s: %w", name, err))
		} else {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
