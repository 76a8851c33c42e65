package markdown

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/debrief/debrief"
	"go.yaml.in/yaml/v3"
)

// The front matter keys, in canonical order.
var (
	postmortemKeys = []string{
		"id", "title", "severity", "status", "customer_facing", "restricted",
		"teams", "services", "tags", "kinds", "related", "authors", "reviewers", "review_date",
		"approvals", "publish_override", "started", "detected", "mitigated", "resolved",
		"trigger", "contributing_factors", "action_items", "accepted_risks",
	}
	factorKeys   = []string{"category", "description"}
	actionKeys   = []string{"id", "title", "owner_team", "kind", "effort_days", "value", "due", "status", "reason", "link"}
	riskKeys     = []string{"id", "risk", "waiting_for", "until", "meanwhile", "owner_team", "review_by"}
	approvalKeys = []string{"by", "date"}
	overrideKeys = []string{"by", "date", "reason", "findings"}
)

// decoder fills a Document from the YAML tree, recording positions and
// collecting problems instead of stopping at the first one.
type decoder struct {
	d     *Document
	probs []Problem
}

func pos(n *yaml.Node) Pos { return Pos{n.Line + 1, n.Column} }

func (dc *decoder) problem(n *yaml.Node, format string, args ...any) {
	dc.probs = append(dc.probs, Problem{pos(n), fmt.Sprintf(format, args...)})
}

// fields walks a mapping node, reporting unknown and repeated keys, and calls
// set for each known key with its value node.
func (dc *decoder) fields(n *yaml.Node, what string, known []string, set func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		dc.problem(n, "%s must be a mapping of keys to values, found %s", what, kind(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		switch {
		case k.Kind != yaml.ScalarNode:
			dc.problem(k, "%s has a key that is not a plain word", what)
			continue
		case !slices.Contains(known, key):
			msg := fmt.Sprintf("unknown key %q in %s", key, what)
			if s := debrief.Suggest(key, known); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			dc.problem(k, "%s", msg)
			continue
		case seen[key]:
			dc.problem(k, "%q appears twice in %s", key, what)
			continue
		}
		seen[key] = true
		set(key, v)
	}
}

func (dc *decoder) document(n *yaml.Node) {
	p := dc.d.Postmortem
	dc.fields(n, "the front matter", postmortemKeys, func(key string, v *yaml.Node) {
		dc.d.pos[key] = pos(v)
		switch key {
		case "id":
			p.ID = dc.str(key, v)
		case "title":
			p.Title = dc.str(key, v)
		case "severity":
			p.Severity = debrief.Severity(dc.str(key, v))
		case "status":
			p.Status = debrief.Status(dc.str(key, v))
		case "customer_facing":
			p.CustomerFacing = dc.bool(key, v)
		case "restricted":
			p.Restricted = dc.bool(key, v)
		case "teams":
			p.Teams = dc.strs(key, v)
		case "services":
			p.Services = dc.strs(key, v)
		case "tags":
			p.Tags = dc.strs(key, v)
		case "kinds":
			p.Kinds = dc.strs(key, v)
		case "related":
			p.Related = dc.strs(key, v)
		case "authors":
			p.Authors = dc.strs(key, v)
		case "reviewers":
			p.Reviewers = dc.strs(key, v)
		case "review_date":
			p.ReviewDate = dc.date(key, v)
		case "approvals":
			dc.list(key, v, func(field string, item *yaml.Node) {
				var a debrief.Approval
				dc.fields(item, field, approvalKeys, func(k string, v *yaml.Node) {
					dc.d.pos[field+"."+k] = pos(v)
					switch k {
					case "by":
						a.By = dc.str(k, v)
					case "date":
						a.Date = dc.date(k, v)
					}
				})
				p.Approvals = append(p.Approvals, a)
			})
		case "publish_override":
			if isNull(v) {
				return
			}
			o := &debrief.PublishOverride{}
			dc.fields(v, key, overrideKeys, func(k string, v *yaml.Node) {
				dc.d.pos[key+"."+k] = pos(v)
				switch k {
				case "by":
					o.By = dc.str(k, v)
				case "date":
					o.Date = dc.date(k, v)
				case "reason":
					o.Reason = dc.str(k, v)
				case "findings":
					o.Findings = dc.integer(k, v)
				}
			})
			p.PublishOverride = o
		case "started":
			p.Started = dc.time(key, v)
		case "detected":
			p.Detected = dc.time(key, v)
		case "mitigated":
			p.Mitigated = dc.time(key, v)
		case "resolved":
			p.Resolved = dc.time(key, v)
		case "trigger":
			p.Trigger = dc.str(key, v)
		case "contributing_factors":
			dc.list(key, v, func(field string, item *yaml.Node) {
				var f debrief.ContributingFactor
				dc.fields(item, field, factorKeys, func(k string, v *yaml.Node) {
					dc.d.pos[field+"."+k] = pos(v)
					switch k {
					case "category":
						f.Category = dc.str(k, v)
					case "description":
						f.Description = dc.str(k, v)
					}
				})
				p.ContributingFactors = append(p.ContributingFactors, f)
			})
		case "action_items":
			dc.list(key, v, func(field string, item *yaml.Node) {
				p.ActionItems = append(p.ActionItems, dc.actionItem(field, item))
			})
		case "accepted_risks":
			dc.list(key, v, func(field string, item *yaml.Node) {
				p.AcceptedRisks = append(p.AcceptedRisks, dc.acceptedRisk(field, item))
			})
		}
	})
}

func (dc *decoder) actionItem(field string, n *yaml.Node) debrief.ActionItem {
	var a debrief.ActionItem
	dc.fields(n, field, actionKeys, func(k string, v *yaml.Node) {
		dc.d.pos[field+"."+k] = pos(v)
		switch k {
		case "id":
			a.ID = dc.str(k, v)
		case "title":
			a.Title = dc.str(k, v)
		case "owner_team":
			a.OwnerTeam = dc.str(k, v)
		case "kind":
			a.Kind = debrief.ActionKind(dc.str(k, v))
		case "effort_days":
			a.EffortDays = dc.number(k, v)
		case "value":
			a.Value = dc.integer(k, v)
		case "due":
			a.Due = dc.date(k, v)
		case "status":
			a.Status = debrief.ActionStatus(dc.str(k, v))
		case "reason":
			a.Reason = dc.str(k, v)
		case "link":
			a.Link = dc.str(k, v)
		}
	})
	return a
}

func (dc *decoder) acceptedRisk(field string, n *yaml.Node) debrief.AcceptedRisk {
	var r debrief.AcceptedRisk
	dc.fields(n, field, riskKeys, func(k string, v *yaml.Node) {
		dc.d.pos[field+"."+k] = pos(v)
		switch k {
		case "id":
			r.ID = dc.str(k, v)
		case "risk":
			r.Risk = dc.str(k, v)
		case "waiting_for":
			r.WaitingFor = dc.str(k, v)
		case "until":
			r.Until = dc.date(k, v)
		case "meanwhile":
			r.Meanwhile = dc.str(k, v)
		case "owner_team":
			r.OwnerTeam = dc.str(k, v)
		case "review_by":
			r.ReviewBy = dc.date(k, v)
		}
	})
	return r
}

// list calls each for every item of a sequence node, with the item's field
// path ("action_items[2]").
func (dc *decoder) list(key string, n *yaml.Node, each func(field string, item *yaml.Node)) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		dc.problem(n, "%s must be a list (items starting with -), found %s", key, kind(n))
		return
	}
	for i, item := range n.Content {
		field := fmt.Sprintf("%s[%d]", key, i)
		dc.d.pos[field] = pos(item)
		each(field, item)
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (dc *decoder) scalar(key string, n *yaml.Node, want string) (string, bool) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if isNull(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		dc.problem(n, "%s must be %s, found %s", key, want, kind(n))
		return "", false
	}
	return n.Value, true
}

func (dc *decoder) str(key string, n *yaml.Node) string {
	s, _ := dc.scalar(key, n, "text")
	return s
}

func (dc *decoder) bool(key string, n *yaml.Node) bool {
	s, ok := dc.scalar(key, n, "true or false")
	if !ok {
		return false
	}
	if n.Tag != "!!bool" {
		dc.problem(n, "%s must be true or false, found %q", key, s)
		return false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		dc.problem(n, "%s must be true or false, found %q", key, s)
	}
	return b
}

func (dc *decoder) number(key string, n *yaml.Node) float64 {
	s, ok := dc.scalar(key, n, "a number")
	if !ok {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || (n.Tag != "!!int" && n.Tag != "!!float") {
		dc.problem(n, "%s must be a number, found %q", key, s)
		return 0
	}
	return f
}

func (dc *decoder) integer(key string, n *yaml.Node) int {
	s, ok := dc.scalar(key, n, "a whole number")
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" {
		dc.problem(n, "%s must be a whole number, found %q", key, s)
		return 0
	}
	return i
}

func (dc *decoder) date(key string, n *yaml.Node) debrief.Date {
	s, ok := dc.scalar(key, n, "a date (YYYY-MM-DD)")
	if !ok {
		return debrief.Date{}
	}
	d, err := debrief.ParseDate(s)
	if err != nil {
		dc.problem(n, "%s: %v", key, err)
	}
	return d
}

func (dc *decoder) time(key string, n *yaml.Node) time.Time {
	s, ok := dc.scalar(key, n, "a time (RFC 3339, such as 2026-03-03T02:14:00Z)")
	if !ok {
		return time.Time{}
	}
	t, err := debrief.ParseTime(s)
	if err != nil {
		dc.problem(n, "%s: %v", key, err)
	}
	return t
}

func (dc *decoder) strs(key string, n *yaml.Node) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		dc.problem(n, "%s must be a list such as [a, b], found %s", key, kind(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, item := range n.Content {
		dc.d.pos[fmt.Sprintf("%s[%d]", key, i)] = pos(item)
		if s, ok := dc.scalar(key, item, "a list of text values"); ok {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if isNull(n) {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}
