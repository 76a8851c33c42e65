package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"go.yaml.in/yaml/v3"
)

// Write returns the canonical file for p: front matter keys in documented
// order, empty values left out, lists of plain values in flow style, and the
// body byte for byte. Parse(Write(p)) gives p back.
func Write(p *debrief.Postmortem) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(frontMatter(p))
	b.WriteString("---\n")
	b.WriteString(p.Body)
	return b.Bytes()
}

func frontMatter(p *debrief.Postmortem) []byte {
	m := &mapping{}
	m.str("id", p.ID, true)
	m.str("title", p.Title, true)
	m.str("severity", string(p.Severity), true)
	m.str("status", string(p.Status), true)
	m.bool("customer_facing", p.CustomerFacing, true)
	m.bool("restricted", p.Restricted, false)
	m.strs("teams", p.Teams)
	m.strs("services", p.Services)
	m.strs("tags", p.Tags)
	m.strs("kinds", p.Kinds)
	m.strs("related", p.Related)
	m.strs("authors", p.Authors)
	m.strs("reviewers", p.Reviewers)
	m.date("review_date", p.ReviewDate)
	if len(p.Approvals) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range p.Approvals {
			am := &mapping{}
			am.str("by", a.By, true)
			am.date("date", a.Date)
			seq.Content = append(seq.Content, am.node())
		}
		m.add("approvals", seq)
	}
	if o := p.PublishOverride; o != nil {
		om := &mapping{}
		om.str("by", o.By, true)
		om.date("date", o.Date)
		om.str("reason", o.Reason, true)
		if o.Findings != 0 {
			om.scalar("findings", strconv.Itoa(o.Findings), "!!int")
		}
		m.add("publish_override", om.node())
	}
	m.time("started", p.Started)
	m.time("detected", p.Detected)
	m.time("mitigated", p.Mitigated)
	m.time("resolved", p.Resolved)
	m.str("trigger", p.Trigger, false)
	if len(p.ContributingFactors) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, f := range p.ContributingFactors {
			fm := &mapping{}
			fm.str("category", f.Category, true)
			fm.str("description", f.Description, true)
			seq.Content = append(seq.Content, fm.node())
		}
		m.add("contributing_factors", seq)
	}
	if len(p.ActionItems) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range p.ActionItems {
			am := &mapping{}
			am.str("id", a.ID, true)
			am.str("title", a.Title, true)
			am.str("owner_team", a.OwnerTeam, false)
			am.str("kind", string(a.Kind), false)
			if a.EffortDays != 0 {
				// A whole number is written as one (effort_days: 5), not
				// as "!!float 5", which is what a !!float tag on "5" gives.
				v, tag := strconv.FormatFloat(a.EffortDays, 'f', -1, 64), "!!float"
				if !strings.ContainsAny(v, ".eE") {
					tag = "!!int"
				}
				am.scalar("effort_days", v, tag)
			}
			if a.Value != 0 {
				am.scalar("value", strconv.Itoa(a.Value), "!!int")
			}
			am.date("due", a.Due)
			am.str("status", string(a.Status), false)
			am.str("reason", a.Reason, false)
			am.str("link", a.Link, false)
			seq.Content = append(seq.Content, am.node())
		}
		m.add("action_items", seq)
	}
	if len(p.AcceptedRisks) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range p.AcceptedRisks {
			rm := &mapping{}
			rm.str("id", r.ID, true)
			rm.str("risk", r.Risk, true)
			rm.str("waiting_for", r.WaitingFor, false)
			rm.date("until", r.Until)
			rm.str("meanwhile", r.Meanwhile, false)
			rm.str("owner_team", r.OwnerTeam, false)
			rm.date("review_by", r.ReviewBy)
			seq.Content = append(seq.Content, rm.node())
		}
		m.add("accepted_risks", seq)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	// Encoding a tree of plain scalars cannot fail.
	_ = enc.Encode(m.node())
	_ = enc.Close()
	return b.Bytes()
}

// mapping builds a YAML mapping node key by key.
type mapping struct{ content []*yaml.Node }

func (m *mapping) node() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: m.content} }

func (m *mapping) add(key string, v *yaml.Node) {
	m.content = append(m.content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

func (m *mapping) scalar(key, value, tag string) {
	m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value})
}

func (m *mapping) str(key, value string, always bool) {
	if value != "" || always {
		m.scalar(key, value, "!!str")
	}
}

func (m *mapping) bool(key string, value, always bool) {
	if value || always {
		m.scalar(key, strconv.FormatBool(value), "!!bool")
	}
}

func (m *mapping) strs(key string, values []string) {
	if len(values) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, v := range values {
		seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	m.add(key, seq)
}

func (m *mapping) date(key string, d debrief.Date) {
	if !d.IsZero() {
		m.scalar(key, d.String(), "!!timestamp")
	}
}

func (m *mapping) time(key string, t time.Time) {
	if !t.IsZero() {
		m.scalar(key, t.Format(time.RFC3339Nano), "!!timestamp")
	}
}
