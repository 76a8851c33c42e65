package web

import (
	"net/http"

	"github.com/debrief/debrief"
)

// kindJSON is an incident kind of a postmortem: confirmed by its authors or
// inferred, with its share of the evidence and the phrases that carried it.
type kindJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Score     float64  `json:"score"`
	Confirmed bool     `json:"confirmed"`
	Evidence  []string `json:"evidence"`
}

func toKindsJSON(ms []debrief.KindMatch) []kindJSON {
	out := []kindJSON{}
	for _, m := range ms {
		ev := m.Evidence
		if ev == nil {
			ev = []string{}
		}
		out = append(out, kindJSON{ID: m.ID, Name: m.Name, Score: m.Score, Confirmed: m.Confirmed, Evidence: ev})
	}
	return out
}

// sharedKindJSON is a kind two similar postmortems share, with the
// evidence on each side.
type sharedKindJSON struct {
	ID   string   `json:"id"`
	Name string   `json:"name"`
	This []string `json:"this"`
	That []string `json:"that"`
}

// recurrenceJSON says that an incident came after a fix of an earlier one
// of the same kind was done.
type recurrenceJSON struct {
	Kind     string `json:"kind"`
	KindName string `json:"kind_name"`
	Earlier  string `json:"earlier"`
	Later    string `json:"later"`
	Fix      string `json:"fix"`
	FixTitle string `json:"fix_title"`
	DoneBy   string `json:"done_by"`
	Text     string `json:"text"`
}

func toRecurrencesJSON(rs []debrief.Recurrence) []recurrenceJSON {
	out := []recurrenceJSON{}
	for _, r := range rs {
		out = append(out, recurrenceJSON{Kind: r.Kind, KindName: r.KindName, Earlier: r.Earlier.ID, Later: r.Later.ID,
			Fix: r.Fix.ID, FixTitle: r.Fix.Title, DoneBy: r.DoneBy.String(), Text: r.String()})
	}
	return out
}

// kindDefJSON is a kind of the taxonomy.
type kindDefJSON struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Definition string `json:"definition"`
}

// listKinds answers GET /api/v1/kinds: the taxonomy of incident kinds.
func (s *Server) listKinds(w http.ResponseWriter, r *http.Request) {
	items := []kindDefJSON{}
	for _, k := range s.cfg.Taxonomy.Kinds().Kinds() {
		items = append(items, kindDefJSON{k.ID, k.Name, k.Definition})
	}
	writeJSON(w, http.StatusOK, listJSON{Items: items})
}

// familySummaryJSON is a family in the list of families.
type familySummaryJSON struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Incidents int    `json:"incidents"`
	First     string `json:"first"`
	Last      string `json:"last"`
}

// listFamilies answers GET /api/v1/families.
func (s *Server) listFamilies(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Families == nil {
		writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "this server does not group families", 0)
		return
	}
	fams, err := s.cfg.Families.Families(r.Context(), userFrom(r.Context()).Viewer())
	if err != nil {
		writeError(w, r, err)
		return
	}
	items := []familySummaryJSON{}
	for _, f := range fams {
		items = append(items, familySummaryJSON{f.Kind.ID, f.Kind.Name, f.Incidents, f.First.String(), f.Last.String()})
	}
	writeJSON(w, http.StatusOK, listJSON{Items: items})
}

// familyJSON is one family with its incidents over time.
type familyJSON struct {
	Kind        string               `json:"kind"`
	Name        string               `json:"name"`
	Definition  string               `json:"definition"`
	Incidents   []familyIncidentJSON `json:"incidents"`
	Recurrences []recurrenceJSON     `json:"recurrences"`
	Open        []actionJSON         `json:"open_action_items"`
}

type familyIncidentJSON struct {
	summaryJSON
	Kind        kindJSON     `json:"kind"`
	FixedBefore []actionJSON `json:"done_before_it"`
}

func toActionJSON(a debrief.ActionItem) actionJSON {
	return actionJSON{ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Kind: string(a.Kind), EffortDays: a.EffortDays,
		Value: a.Value, Due: a.Due.String(), Status: string(a.Status), Reason: a.Reason, Link: a.Link}
}

// getFamily answers GET /api/v1/families/{kind}.
func (s *Server) getFamily(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Families == nil {
		writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "this server does not group families", 0)
		return
	}
	f, err := s.cfg.Families.Family(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("kind"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	j := familyJSON{Kind: f.Kind.ID, Name: f.Kind.Name, Definition: f.Kind.Definition,
		Incidents: []familyIncidentJSON{}, Recurrences: toRecurrencesJSON(f.Recurrences), Open: []actionJSON{}}
	for _, in := range f.Incidents {
		fi := familyIncidentJSON{summaryJSON: toSummaryJSON(in.PostmortemSummary), FixedBefore: []actionJSON{}}
		if ks := toKindsJSON([]debrief.KindMatch{in.Match}); len(ks) == 1 {
			fi.Kind = ks[0]
		}
		for _, a := range in.FixedBefore {
			fi.FixedBefore = append(fi.FixedBefore, toActionJSON(a))
		}
		j.Incidents = append(j.Incidents, fi)
	}
	for _, a := range f.Open {
		j.Open = append(j.Open, toActionJSON(a))
	}
	writeJSON(w, http.StatusOK, j)
}

// postmortemKindsJSON is a postmortem's kinds and recurrences.
type postmortemKindsJSON struct {
	ID          string           `json:"id"`
	Kinds       []kindJSON       `json:"kinds"`
	Recurrences []recurrenceJSON `json:"recurrences"`
}

// postmortemKinds answers GET /api/v1/postmortems/{id}/kinds: the kinds of
// a stored postmortem, and the recurrences that involve it.
func (s *Server) postmortemKinds(w http.ResponseWriter, r *http.Request) {
	v := userFrom(r.Context()).Viewer()
	pm, err := s.cfg.Postmortems.FindByID(r.Context(), v, r.PathValue("id"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	j := postmortemKindsJSON{ID: pm.ID, Recurrences: []recurrenceJSON{}}
	if s.cfg.Families == nil {
		j.Kinds = toKindsJSON(s.cfg.Taxonomy.Kinds().Infer(pm))
	} else {
		kinds, err := s.cfg.Families.KindsOf(r.Context(), pm)
		if err != nil {
			writeError(w, r, err)
			return
		}
		j.Kinds = toKindsJSON(kinds)
		rs, err := s.cfg.Families.Recurrences(r.Context(), v, pm)
		if err != nil {
			writeError(w, r, err)
			return
		}
		j.Recurrences = toRecurrencesJSON(rs)
	}
	writeJSON(w, http.StatusOK, j)
}
