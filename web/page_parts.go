package web

import (
	"hash/fnv"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/debrief/debrief"
)

// pageParts are the parts of a postmortem page that are the same for every
// reader who may see the same postmortems, as long as the archive does
// not change: the head (title, kinds, recurrences, the same title) and the
// similar incidents. Finding them costs most of a page (the stored similar
// list, the recurrences of its families, the postmortems of the same
// title) and rendering them a good part of the rest, so a server keeps
// them per count of the archive's changes (Config.Changes), per day, per
// what the reader may see and per similar list this server stored for the
// postmortem (listGenerations). Any write to a postmortem, by any replica,
// moves the count on, so that nothing kept outlives the archive it was
// found in: a postmortem restricted since is never shown from a part
// kept before. A stored similar list out of date is shown, as the page
// shows it anyway, until the list is found again. The reader's own parts — the header, the edit buttons, the
// review panel with its comments, the paging of the incident's week — are
// rendered for every request.
type pageParts struct {
	Head, Similar template.HTML
}

// keptPage is a page's parts kept, with its postmortem as the reader's
// parts need it (leanPostmortem).
type keptPage struct {
	pm    *debrief.Postmortem
	parts pageParts
}

// The parts of pages are kept for as many pages as fit in maxKeptPageBytes
// (a page's parts take 2–8 KB): tens of thousands of pages.
const (
	maxKeptPages     = 100_000
	maxKeptPageBytes = 96 << 20
)

// size is about how many bytes k keeps in memory.
func (k keptPage) size() int {
	n := len(k.parts.Head) + len(k.parts.Similar) + 512
	for _, a := range k.pm.ActionItems {
		n += len(a.Title) + len(a.Reason) + 128
	}
	for _, f := range k.pm.ContributingFactors {
		n += len(f.Description) + 32
	}
	return n + len(k.pm.Title) + len(k.pm.Trigger)
}

// listGenerations count, per postmortem, the similar lists this server
// stored: a page's parts kept with an out-of-date list give way once the
// list is found again. The ids share a fixed number of counters, so that
// the count takes no memory per postmortem; ids that share one only cost
// each other a page gathered anew.
type listGenerations [4096]atomic.Uint64

func (g *listGenerations) of(id string) uint64 { return g.slot(id).Load() }

// stored records that id's similar list was stored again.
func (g *listGenerations) stored(id string) { g.slot(id).Add(1) }

// slot is the counter id shares.
func (g *listGenerations) slot(id string) *atomic.Uint64 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return &g[h.Sum32()%uint32(len(g))]
}

// leanPostmortem returns pm without its body and file, which the reader's
// parts of the page do not need, so that a kept page stays small.
func leanPostmortem(pm *debrief.Postmortem) *debrief.Postmortem {
	c := *pm
	c.Body, c.File = "", nil
	return &c
}

// keptKey returns the key of id's page parts as v sees them now, or ""
// when they are not kept: the server has no count of changes, the page is
// asked to wait for its similar incidents, or the count cannot be read.
func (s *Server) keptKey(r *http.Request, v debrief.Viewer, id string) string {
	if s.cfg.Changes == nil || r.URL.Query().Get("similar") == "wait" {
		return ""
	}
	n, err := s.cfg.Changes(r.Context())
	if err != nil {
		s.pages.log.WarnContext(r.Context(), "read the archive's count of changes", "err", err)
		return ""
	}
	today := debrief.DateOf(s.pages.now().UTC())
	return id + "\x00" + strconv.FormatInt(n, 10) + "\x00" + strconv.FormatUint(s.pages.lists.of(id), 10) + "\x00" + today.String() + "\x00" + visibility(v)
}

// visibility names what v may see: every postmortem for an admin, else
// the open ones and those restricted to v's teams. Viewers with the same
// name see the same postmortems.
func visibility(v debrief.Viewer) string {
	if v.Admin {
		return "admin"
	}
	return "teams:" + strings.Join(v.TeamKeys(), "\x1f")
}

// keptView returns the page of k as u sees it, with the reader's parts
// rendered now. When the rendered document was evicted and the parts were
// not, it renders the document alone from the postmortem read now; ok is
// false when that is no longer the version the parts were kept with, and
// the page is gathered anew.
func (s *Server) keptView(r *http.Request, u *debrief.User, k keptPage) (v postmortemView, ok bool, err error) {
	doc, ok := s.pages.docs.get(docKey(k.pm, debrief.DateOf(s.pages.now().UTC())))
	if !ok {
		pm, err := s.cfg.Postmortems.FindByID(r.Context(), u.Viewer(), k.pm.ID)
		if err != nil || pm.Version != k.pm.Version {
			return v, false, err
		}
		if doc, err = s.pages.postmortemDoc(r.Context(), u.Viewer(), pm); err != nil {
			return v, false, err
		}
	}
	if v, err = s.readersView(r, u, k.pm); err != nil {
		return v, false, err
	}
	v.Doc, v.Parts = doc, k.parts
	return v, true, nil
}
