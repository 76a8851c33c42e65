package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/markdown"
	"github.com/yuin/goldmark/parser"
)

// Linter checks postmortems with one configuration. It is safe for
// concurrent use.
type Linter struct {
	levels map[string]Severity // rule id → severity; a rule that is off is absent
	lex    lexicon
	auto   *automaton
	// parser reads the Markdown body; nil is mdParser. Tests set a parser
	// that keeps no paragraph raw.
	parser parser.Parser
}

var (
	baseAutoOnce sync.Once
	baseAuto     *automaton
)

func defaultAutomaton() *automaton {
	baseAutoOnce.Do(func() {
		a, err := unmarshalAutomaton(triggersBin)
		if err != nil {
			panic("lint: the embedded trigger table: " + err.Error()) // TestTriggerTable guards it
		}
		baseAuto = a
	})
	return baseAuto
}

// New returns a Linter for the lint part of a .debrief.yaml: rules switched
// off or re-levelled by id or by category, extra role words, and accepted
// words or names that are never flagged. An unknown rule id or category is an
// error, so that a misspelt setting is not silently ignored.
func New(cfg config.Lint) (*Linter, error) {
	l := &Linter{levels: map[string]Severity{}, lex: baseLexicon.withRoles(cfg.Roles)}
	for _, r := range Rules() {
		l.levels[r.ID] = r.Severity
	}
	// Categories first, then single rules, so that a rule's own setting wins.
	keys := make([]string, 0, len(cfg.Rules))
	for k := range cfg.Rules {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ca, cb := isCategory(a), isCategory(b)
		switch {
		case ca && !cb:
			return -1
		case cb && !ca:
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		v := cfg.Rules[k]
		var ids []string
		if isCategory(k) {
			for _, r := range Rules() {
				if string(r.Category) == k {
					ids = append(ids, r.ID)
				}
			}
		} else if _, ok := ruleIndex[k]; ok {
			ids = []string{k}
		} else {
			return nil, fmt.Errorf("lint.rules: %q is not a rule or a category; run `debrief lint --list-rules` for the ids", k)
		}
		for _, id := range ids {
			if v == "off" {
				delete(l.levels, id)
				continue
			}
			sev, err := ParseSeverity(v)
			if err != nil {
				return nil, fmt.Errorf("lint.rules.%s: %v (or off)", k, err)
			}
			l.levels[id] = sev
		}
	}
	var accept []pattern
	for _, a := range cfg.Accept {
		if a = strings.TrimSpace(a); a != "" {
			accept = append(accept, pattern{strings.ToLower(a), gAccept})
		}
	}
	if len(accept) == 0 {
		l.auto = defaultAutomaton()
	} else {
		a, err := compile(append(triggers(), accept...))
		if err != nil {
			return nil, fmt.Errorf("lint.accept: %d phrases: %v", len(accept), err)
		}
		l.auto = a
	}
	return l, nil
}

func isCategory(k string) bool {
	for _, c := range Categories {
		if string(c) == k {
			return true
		}
	}
	return false
}

// Enabled reports whether a rule is on, and at which severity.
func (l *Linter) Enabled(rule string) (Severity, bool) {
	s, ok := l.levels[rule]
	return s, ok
}

// Lint checks one file's content and returns its findings in order of
// position. path is only copied into the findings. Files with front matter
// also get the structure checks.
func (l *Linter) Lint(path string, src []byte) []Finding {
	body := 0
	var c *docCheck
	var extra []seg
	if hasFrontMatterStart(src) {
		md, probs := markdown.ParseFrontMatter(src)
		if md.HasFrontMatter && md.BodyLine > 1 {
			c = &docCheck{md: md, pm: md.Postmortem, frontOK: len(probs) == 0}
			body = lineOffset(src, md.BodyLine)
			extra = frontMatterProse(src, md)
		}
	}
	p := l.parser
	if p == nil {
		p = mdParser()
	}
	d := segmentWith(p, src, body, extra...)
	slices.SortStableFunc(d.dirs, func(a, b directive) int { return cmp.Compare(a.start, b.start) })
	raws := l.lintProse(d)
	if c != nil {
		c.d = d
		for _, r := range docRules {
			if _, on := l.levels[r.info.ID]; on {
				r.check(c)
			}
		}
		raws = append(raws, c.out...)
	}
	slices.SortStableFunc(raws, func(a, b rawFinding) int { return cmp.Compare(a.start, b.start) })
	findings := make([]Finding, 0, len(raws))
	for _, r := range raws {
		sev, on := l.levels[r.rule]
		info := ruleIndex[r.rule]
		if !on || d.suppressed(r.rule, info.Category, r.start) {
			continue
		}
		if r.quoted {
			sev = Info
		}
		line, col := d.pos(r.start)
		eline, ecol := d.pos(r.end)
		findings = append(findings, Finding{
			Path: path, Line: line, Column: col, EndLine: eline, EndColumn: ecol,
			Rule: r.rule, Category: info.Category, Severity: sev,
			Message: r.msg, Suggestion: r.sugg,
		})
	}
	sortFindings(findings)
	return findings
}

func hasFrontMatterStart(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	return bytes.HasPrefix(src, []byte("---\n")) || bytes.HasPrefix(src, []byte("---\r\n")) || bytes.HasPrefix(src, []byte("--- "))
}

// lineOffset returns the offset of the start of a 1-based line.
func lineOffset(src []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// lessonTitles are headings under which "we should have …" is a lesson.
var lessonTitles = []string{"action item", "lesson", "follow-up", "follow up", "followup", "next step", "remediation", "what we'll do", "what we will", "what changes", "improvement", "prevention", "recommendation", "takeaway"}

// lintProse runs the trigger pass over the prose and the sentence rules over
// the sentences it flags.
func (l *Linter) lintProse(d *doc) []rawFinding {
	if len(d.sents) == 0 {
		return nil
	}
	lesson := make([]bool, len(d.heads))
	var open []int // the headings whose sections are open, outermost first
	for i, h := range d.heads {
		for len(open) > 0 && d.heads[open[len(open)-1]].level >= h.level {
			open = open[:len(open)-1]
		}
		for _, t := range lessonTitles {
			if strings.Contains(h.title, t) {
				lesson[i] = true
				break
			}
		}
		// A subsection inherits its section's leniency.
		if !lesson[i] && len(open) > 0 {
			lesson[i] = lesson[open[len(open)-1]]
		}
		open = append(open, i)
	}
	// A long document's sentences are analysed in parts at once.
	parts := 1
	if len(d.sents) >= minParallelSents {
		parts = max(1, min(runtime.GOMAXPROCS(0), 4))
	}
	outs := make([][]rawFinding, parts)
	var wg sync.WaitGroup
	for k := range parts {
		from, to := len(d.sents)*k/parts, len(d.sents)*(k+1)/parts
		wg.Go(func() { outs[k] = l.proseRange(d, lesson, from, to) })
	}
	wg.Wait()
	var out []rawFinding
	for _, o := range outs {
		out = append(out, o...)
	}
	return out
}

// minParallelSents is the number of sentences from which they are analysed
// in parts at once.
const minParallelSents = 2048

// proseRange runs the trigger pass and the sentence rules over sentences
// [from, to) of d.
func (l *Linter) proseRange(d *doc, lesson []bool, from, to int) []rawFinding {
	if from >= to {
		return nil
	}
	base := d.sents[from].start
	var hits []hit
	for si := from; si < to; {
		if d.sents[si].flags&sQuiet != 0 { // quiet paragraphs hold no trigger word
			si++
			continue
		}
		run := si
		for si < to && d.sents[si].flags&sQuiet == 0 {
			si++
		}
		a, b := d.sents[run].start, d.sents[si-1].end
		k := len(hits)
		hits = l.auto.scan(d.text[a:b], hits)
		for ; k < len(hits); k++ {
			hits[k].at += a - base
			hits[k].start += a - base
		}
	}
	var out []rawFinding
	a := analyzer{lex: l.lex}
	if _, on := l.levels[idReadsAsBlame]; on {
		a.model = defaultModel() // it reads every sentence, trigger word or not
	}
	if len(hits) == 0 && a.model == nil {
		return nil
	}
	if _, on := l.levels[idReadsAsOneCause]; on {
		a.causeModel = defaultCauseModel()
	}
	hi := 0
	for si := from; si < to; si++ {
		sn := &d.sents[si]
		start, end := sn.start-base, sn.end-base // in the scanned range
		for hi < len(hits) && hits[hi].at < start {
			hi++
		}
		var g group
		a.accepted = a.accepted[:0]
		for k := hi; k < len(hits) && hits[k].at < end; k++ {
			if hits[k].g == gAccept {
				if hits[k].start >= start {
					a.accepted = append(a.accepted, [2]int32{hits[k].start - start, hits[k].at + 1 - start})
				}
				continue
			}
			g |= hits[k].g
		}
		if g == 0 && a.model == nil { // the cause model needs a root-cause trigger
			continue
		}
		a.next = nil
		if si+1 < len(d.sents) && bytes.IndexByte(d.text[sn.end:d.sents[si+1].start], '\n') < 0 {
			a.next = d.text[d.sents[si+1].start:d.sents[si+1].end]
		}
		s := a.analyze(d.text[sn.start:sn.end], g, sn.flags, sn.head >= 0 && lesson[sn.head])
		for _, m := range s.matches {
			mstart := sn.start + s.toks[m.from].s
			mend := sn.start + s.toks[m.to-1].e - 1
			quoted := sn.flags&sQuote != 0
			out = append(out, rawFinding{rule: m.rule, start: d.srcStart(mstart), end: d.srcEnd(mend), msg: m.msg, sugg: m.sugg, quoted: quoted})
		}
	}
	return out
}

// mention reports whether a match is a term in quotes and nothing more: in
// `we no longer write "root cause"` the words are mentioned, not used.
func (s *sentence) mention(m match) bool {
	from := m.from
	if s.is(from, "the", "a", "an") {
		from++
	}
	return s.is(m.from-1, "\"") && s.is(m.to, "\"") || s.is(from-1, "\"") && s.is(m.to, "\"") && from > m.from
}

// quotesMessage reports whether the quotation that holds match m is a
// written message the sentence cites as a record ("the on-call wrote
// "…" in the channel", "a customer posted "…""), rather than what someone
// said in the review.
func (s *sentence) quotesMessage(m match) bool {
	k := m.from
	for k > 0 && s.toks[k-1].quote {
		k--
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if s.is(j, "wrote", "writes", "posted", "posts", "typed", "messaged", "tweeted", "emailed", "commented", "replied", "pasted") {
			return true
		}
	}
	return false
}

// vendorSays reports whether a quotation that holds match m is another
// company's word or a report's: "vendor's rca says \"root cause: power
// transient\"", "Vendor statement: \"…\"", "the vendor wrote in the report
// \"…\"".
func (s *sentence) vendorSays(m match) bool {
	k := m.from
	for k > 0 && s.toks[k-1].quote {
		k--
	}
	if !s.anyWithin(max(k-8, 0), k-max(k-8, 0), "vendor", "vendors", "provider", "supplier", "statement", "report", "rca", "rfo", "manufacturer", "carrier") {
		return false
	}
	// and the writer holds back from it: "but for us this is only a
	// symptom", "we're checking the UPS logs ourselves", "internal review
	// ongoing"
	return s.anyWithin(m.to, len(s.toks), "but", "however", "ourselves", "ongoing", "symptom", "checking", "verifying", "disagree", "pending", "unconfirmed")
}

// quotedSpeech reports whether a match lies inside quotation marks: the
// words of someone else ("a customer wrote \"your staff are
// incompetent\""), which the writer reports without adopting them.
func (s *sentence) quotedSpeech(m match) bool {
	for k := m.from; k < m.to; k++ {
		if !s.toks[k].quote {
			return false
		}
	}
	return true
}

// analyzer holds the buffers reused from one sentence to the next.
type analyzer struct {
	lex        lexicon
	model      *linearModel // nil when blame.reads-as-blame is off
	causeModel *linearModel // nil when root-cause.reads-as-one-cause is off
	hashes     modelHashes  // the models' scratch space
	toks       []token
	lowBuf     []byte
	accepted   [][2]int32
	s          sentence
	next       []byte // the next sentence of the paragraph, for the one being analysed
}

// analyze tokenises one sentence and runs the rules its triggers call for.
func (a *analyzer) analyze(text []byte, g group, flags sentFlag, lesson bool) *sentence {
	a.lowBuf = a.lowBuf[:0]
	for _, c := range text {
		a.lowBuf = append(a.lowBuf, lower(c))
	}
	a.toks = tokenize(text, string(a.lowBuf), a.lex, a.accepted, a.toks)
	for i := range a.toks {
		if a.toks[i].low == "w/o" { // chat's and notes' "without"
			a.toks[i].low, a.toks[i].f = "without", a.lex["without"]
		}
	}
	markBarePerfect(a.toks)
	s := &a.s
	*s = sentence{lex: a.lex, text: text, toks: a.toks, flags: flags, next: a.next, lesson: lesson, matches: s.matches[:0]}
	s.markInterjections()
	if n := len(s.toks); n > 0 {
		last := s.toks[n-1].low
		first := 0
		for first < n && (s.toks[first].kind == tNum || s.toks[first].kind == tPunct) {
			first++
		}
		s.question = last == "?" && (s.f(first)&fQuestion != 0 || s.seq(first, "in", "what") || s.f(first)&(fDo|fBe|fHave|fModal) != 0 && s.low(first) != "why")
		// "Action: …", "Action item: …", "Next steps: …", "TODO …"
		for k := first; k < n && k < first+4; k++ {
			if s.low(k) == ":" || s.low(k) == "—" || s.low(k) == "-" {
				s.forward = s.f(first)&fPlan != 0
				break
			}
		}
		if s.low(first) == "todo" {
			s.forward = true
		}
	}
	for _, r := range sentenceRules {
		if r.group&g != 0 || r == selfBlameRule && g&(gJudgement|gAccountability) != 0 {
			r.check(s)
		}
	}
	s.habitLapse() // told of people with a time span; no trigger word marks it
	if s.next != nil && !s.hasMatch(Blame) {
		s.actThenHarm() // the harm is in the next sentence, which no trigger sees
	}
	if g&gAccountability != 0 {
		s.pointing() // last: it flags only words no other blame rule explains
	}
	if bytes.IndexByte(text, '"') >= 0 || bytes.IndexByte(text, '\'') >= 0 || bytes.Contains(text, []byte("“")) || bytes.Contains(text, []byte("‘")) {
		s.scareQuoted() // a quote mark is no trigger word: checked wherever one is
		if !s.hasMatch(Blame) {
			s.quotedMinimiser()
		}
		if !s.hasMatch(Blame) && !s.question {
			s.quotedBack()
		}
		if !s.hasMatch(Blame) && !s.question {
			s.quotedReason()
		}
	}
	if bytes.IndexByte(text, '@') >= 0 && !s.hasMatch(Blame) && !s.forward {
		s.addressedCulprit() // a tag is no trigger word either
	}
	if bytes.IndexByte(text, '@') >= 0 && (bytes.Contains(text, []byte("??")) || bytes.Contains(text, []byte("?!")) || bytes.Contains(text, []byte("!?")) || bytes.Contains(text, []byte("why"))) {
		s.accusedInChat() // nor is "??" after what someone addressed did
	}
	if bytes.IndexByte(text, '@') >= 0 && bytes.Contains(text, []byte(" not ")) && !s.question && !s.forward {
		s.wrongOfTwo() // nor is ", not" after what someone addressed did
	}
	// Drop what the writer does not claim before overlapping matches are
	// weighed, so that a dropped match hides no other.
	// A match quoted from a message or disowned by the sentence sets its
	// category aside.
	kept := s.matches[:0]
	var blameAside, causeAside bool
	for _, m := range s.matches {
		q := s.quotedSpeech(m)
		// Single-cause framing in quotes is someone else's: "the vendor
		// wrote \"root cause is full disk\", but for us it is a symptom".
		aside := q && (s.quotesMessage(m) || ruleIndex[m.rule].Category == RootCause && s.vendorSays(m))
		if !s.mention(m) && !q && !s.disowned(m) {
			kept = append(kept, m)
		} else if !q && s.disowned(m) {
			aside = true
		}
		if aside {
			switch ruleIndex[m.rule].Category {
			case Blame:
				blameAside = true
			case RootCause:
				causeAside = true
			}
		}
	}
	s.matches = dedupe(kept)
	if !blameAside {
		s.personAfterOneCause()
	}
	// Framing that a rule found inside a quoted message is the message's,
	// and framing the sentence denies or sets aside is not the writer's:
	// the models, which weigh the whole sentence, would only find it again.
	a.hashes.done = false
	if a.model != nil && !blameAside {
		s.checkModel(a.model, &a.hashes)
	}
	// The cause model is asked only where a root-cause trigger word is:
	// asking it everywhere cost a tenth of the linter's time and found 8
	// more of the tuning splits' 4,333 root-cause sentences.
	if a.causeModel != nil && !causeAside && g&gRootCause != 0 {
		s.checkCauseModel(a.causeModel, &a.hashes)
	}
	return s
}

// markBarePerfect reads "has" or "have" followed by a bare verb and its
// object as the perfect that second-language writers mean: in "my colleague
// has upload the test file to production" and "the driver has not respect
// the signal", upload and respect are past forms.
func markBarePerfect(toks []token) {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].low != "has" && toks[i].low != "have" {
			continue
		}
		j := i + 1
		if toks[j].low == "not" || toks[j].low == "never" {
			j++
		}
		if j+1 >= len(toks) {
			continue
		}
		w, next := &toks[j], &toks[j+1]
		if w.kind != tWord || w.cap || w.upper || w.f&(fDet|fPrep|fPron|fPossessive|fPastPart|fRole|fName|fPlainName|fBe|fHave|fDo|fModal|fThing|fNeg) != 0 ||
			strings.HasSuffix(w.low, "ed") || strings.HasSuffix(w.low, "ing") || strings.HasSuffix(w.low, "en") || len(w.low) < 3 {
			continue
		}
		if next.kind == tWord && next.f&(fDet|fPossessive) != 0 && next.low != "that" {
			w.f |= fPastPart
		}
	}
}

// interjections open or close a chat line without being part of its
// clauses: "tbh the operator forgot", "ops forgot again lol".
var interjections = wordSet(`tbh ngl imo imho fwiw fyi btw lol lmao rofl ugh ok okay yeah yep
	hmm welp sigh smh jeez wow damn dang meh ffs tl;dr tldr pls plz anyway anyways`)

// markInterjections turns an interjection that opens the sentence (after a
// time or a speaker's label) or ends it into a mark, like a comma, so that
// it joins no phrase.
func (s *sentence) markInterjections() {
	n := len(s.toks)
	for i := 0; i < n && i < 8; i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		if interjections[t.low] && i+1 < n && (i == 0 || s.linePrefix(i) || s.boundary(i-1)) {
			t.kind = tPunct
			continue
		}
		break
	}
	for i := n - 1; i > 0; i-- {
		t := &s.toks[i]
		if t.kind == tPunct && !interjections[t.low] {
			continue
		}
		if t.kind == tWord && interjections[t.low] {
			t.kind = tPunct
			continue
		}
		break
	}
}

// dedupe keeps, among matches that overlap, the one of the rule that comes
// first in sentenceRules; matches of one rule never overlap.
func dedupe(ms []match) []match {
	if len(ms) < 2 {
		return ms
	}
	rank := func(id string) int {
		for i, r := range sentenceRules {
			if r.info.ID == id {
				return i
			}
		}
		return len(sentenceRules)
	}
	out := ms[:0]
	for i, m := range ms {
		keep := true
		for j, o := range ms {
			if i == j || o.to <= m.from || m.to <= o.from {
				continue
			}
			if ruleCategory(o.rule) != ruleCategory(m.rule) {
				continue
			}
			ro, rm := rank(o.rule), rank(m.rule)
			if ro < rm || ro == rm && j < i {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

func ruleCategory(id string) Category { return ruleIndex[id].Category }

var (
	defaultOnce   sync.Once
	defaultLinter *Linter
)

// Text lints Markdown with the default configuration, for callers that have
// no .debrief.yaml, such as live linting of a draft in the web app.
func Text(src []byte) []Finding {
	defaultOnce.Do(func() {
		// The default configuration has no settings that can fail.
		defaultLinter, _ = New(config.Lint{})
	})
	return defaultLinter.Lint("", src)
}
