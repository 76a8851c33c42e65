package web

import (
	"mime"
	"net/http"
)

// markdownFile answers a postmortem's canonical Markdown file as plain
// text, for reading in the browser: the page links to it when the body is
// too large to render in full (render_limits.go).
func (s *Server) markdownFile(w http.ResponseWriter, r *http.Request) {
	pm, err := s.cfg.Postmortems.FindByID(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("id"))
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": pm.ID + ".md"}))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(fileOf(pm))
}
