package lint

import "strings"

// Single-cause framing without the words "root cause": a culprit found, a
// chain traced back to something, everything coming from one place, one
// reason and nothing else, a summary's "Cause: …" line. They belong to
// root-cause.single-cause; checkRootCause asks causalLink when none of its
// own cases decided on a token.

// causalLink decides on the token at i: the span of a single-cause claim,
// or (-1, 0).
func (s *sentence) causalLink(i int) (int, int) {
	t := &s.toks[i]
	switch {
	case t.is("culprit", "culprits"):
		return s.culpritNamed(i)
	case t.is("traced", "traces", "trace", "traceable"):
		return s.tracedTo(i)
	case t.low == "cause" && s.is(i-1, "the") && (s.seq(i+1, "is", "only", "one") || s.seq(i+1, "was", "only", "one") || s.seq(i+1, ",", "plain", "and", "simple")):
		// "the cause is only one: …", "the cause, plain and simple, was …"
		return i - 1, i + 1
	case t.is("cause", "reason") && (s.is(i-1, "the", "its", "our", "their") || s.is(i-1, "underlying", "real", "main", "actual", "true", "basic", "fundamental", "principal") && (s.is(i-2, "the", "its", "our", "their") || s.boundary(i-2))) && s.incidentCause(i):
		// "the cause was a memory leak in 4.8", "the reason for the
		// incident was the expiry of a signing key", "the underlying
		// reason for the degradation was a noisy neighbour"
		if !s.is(i-1, "the", "its", "our", "their") {
			return i - 2, i + 1
		}
		return i - 1, i + 1
	case t.low == "cause" && s.is(i-1, "the") && s.is(i-2, "as", "was", "is") && (s.low(i+1) == "of" && s.incidentAfter(i+2) || s.boundary(i+1)) && !s.negatedBefore(i-2, 10) && !s.is(i-3, "out", "excluded", "not"):
		// "named a single faulty line card as the cause of the outage",
		// "This was the cause."
		return i - 2, i + 1
	case t.is("put", "puts") && !s.negatedBefore(i, 3) && s.putDownTo(i) > 0:
		// "put all of the delays down to a single overhead line failure"
		return i, s.putDownTo(i)
	case t.is("reason", "trigger", "driver", "source", "origin", "explanation", "factor", "point") && s.oneReasonAt(i) || t.is("problem", "issue") && s.is(i+1, "behind") && s.oneReasonAt(i):
		return s.oneReason(i)
	case t.is("cause", "reason", "problem", "conclusion") && s.f(i+1)&fBe != 0 && (s.seq(i+2, "only", "one") || s.seq(i+2, "one", "only") || s.low(i+2) == "one" && s.is(i+3, ":", ",", "—", "-")):
		// "the reason for the failure is only one", "the conclusion is one:"
		return i, i + 4
	case t.is("cause", "reason", "origin", "source", "trigger", "explanation") && s.is(i-1, "one", "single") && s.is(i-2, "had", "has", "have", "for") && !s.negatedBefore(i-2, 3) && !s.seq(i+1, "of", "truth"):
		// "the dam's failure had one origin", "happened for one reason"
		return i - 2, i + 1
	case t.low == "cause" && s.causeLabelled(i):
		return i - 1, i + 1
	case t.low == "cause":
		return s.causeLabel(i)
	case t.low == "gun" && s.low(i-1) == "smoking" && !s.negatedBefore(i-1, 4) && !s.is(i-2, "no", "any"):
		// "found the smoking gun: the ulimit on the worker nodes"
		return i - 1, i + 1
	case t.low == "reason" && s.is(i-1, "the") && s.is(i-2, "was", "is") && s.is(i+1, "of", "for") && s.is(i+2, "everything", "all") && !s.negatedBefore(i-2, 4):
		// "the disk controller was the reason of everything"
		return i - 1, i + 3
	case t.is("line", "sentence") && s.seq(i-2, "in", "one") && s.is(i+1, ":") && s.wrongBefore(i-2):
		// "What went wrong, in one line: a time-zone mismatch"
		return i - 2, i + 1
	case t.low == "wrong" && s.seq(i-2, "what", "went") && s.is(i+1, ":") && s.oneAfter(i+2):
		// "We know what went wrong: one bad migration."
		return i - 2, i + 1
	case t.low == "problem" && s.is(i-1, "the") && s.f(i+1)&fBe != 0 && s.summaryLabel(i-1) && !s.negatedBefore(i+2, 2):
		// "Bottom line: the problem was the kernel upgrade."
		return i - 1, i + 2
	case t.low == "caused" && s.causedWhole(i):
		// "a bad configuration push caused the outage"
		return s.subjectOf(i).start, i + 1
	case t.is("attributed", "attributes", "attribute", "attributing") && !s.negatedBefore(i, 4) && s.toOneAfter(i):
		// "attributed the blackout to a single fault"
		return i, i + 1
	case t.is("origin", "source", "explanation", "reason", "cause") && s.oneBeforeStart(i) >= 0 && !s.seq(i+1, "of", "truth"):
		// "had only one origin", "has one underlying explanation", "from
		// one reason"
		return s.oneBeforeStart(i), i + 1
	case t.low == "reason" && s.is(i-1, "the") && (i == 1 || s.boundary(i-2) || s.linePrefix(i-1)) && s.reasonIsThat(i) && !s.negatedBefore(i, 3):
		// "The reason this happened is simply that the certificate expired"
		return i - 1, i + 1
	case t.low == "because" && s.is(i-1, "wrong", "bad", "down", "worse") && s.totalBefore(i-1) && !s.negatedBefore(i, 4):
		// "Everything went wrong because the reminder service …"
		return s.totalStart(i - 1), i + 1
	case t.low == "thing" && s.seq(i-1, "one") && s.is(i+1, "that") && s.is(i+2, "went", "broke", "failed", "caused") && !s.is(i+3, "well", "right", "smoothly") && !s.negatedBefore(i-1, 4):
		// "The one thing that went wrong was …"
		return i - 1, i + 1
	case t.low == "failure" && s.seq(i-3, "single", "point", "of") && s.is(i+1, "that") && s.is(i+2, "caused", "triggered", "explains"):
		// "The single point of failure that caused this incident was …"
		return i - 3, i + 3
	case t.low == "caused" && s.low(i+1) == "by" && s.wholeCausedBy(i):
		// "The outage was caused by a faulty storage update", "Issue was
		// caused by a misconfigured cron schedule": the whole incident put
		// down to one thing, not a symptom ("the 502s were caused by …")
		return s.subjectOf(i).start, i + 2
	case t.is("caused", "triggered") && s.is(i-1, "actually", "really", "ultimately") && s.is(i-2, "what") && s.incidentAfter(i+1) && !s.negatedBefore(i, 4):
		// "What actually caused the outage was a leap-second bug"
		return i - 2, i + 1
	case t.is("resulted", "stemmed", "arose", "originated") && s.low(i+1) == "from" && s.oneAfter(i+2) && !s.negatedBefore(i, 4) && !s.cascade():
		// "this incident resulted from a single design flaw"
		return i, i + 2
	case t.low == "responsible" && s.is(i+1, "for") && s.incidentAfter(i+2) && s.f(i-1)&fBe != 0 && s.oneSubject(i-1) && !s.negatedBefore(i-1, 3):
		// "a single faulty commit was responsible for the outage"
		return i - 1, i + 1
	case t.is("cause", "reason", "origin", "source") && s.is(i-2, "one", "single") && s.is(i-3, "had", "has", "have", "a") && s.is(i-1, "identifiable", "clear", "obvious", "simple", "identified", "known", "underlying") && !s.negatedBefore(i-2, 4) && !s.is(i-4, "no", "not"):
		// "this incident has a single identifiable cause"
		return i - 2, i + 1
	case t.is("caused", "explained") && s.low(i+1) == "by" && (s.oneAfter(i+2) || s.is(i-1, "fully", "entirely", "wholly", "completely") || s.closure()) && !s.negatedBefore(i, 4) && !s.cascade():
		// "outage caused by single faulty deployment", "fully explained by
		// one routing bug"
		return i, i + 2
	case t.is("caused", "brought", "took", "explains", "explained") && s.oneSubject(i) && s.totalAfter(i+1) && !s.negatedBefore(i, 4):
		// "a single faulty disk controller caused the entire disruption"
		return i, i + 1
	case (t.is("caused", "explains", "explained", "produced", "stopped") || t.is("brought", "took", "knocked") && s.is(i+1, "down", "out")) && !s.negatedBefore(i, 4) && s.f(i+1)&fNeg == 0 && s.oneCauses(i) >= 0:
		// the subject before a parenthesis: "one defect, in the rounding
		// of the new formula, produced every wrong payout"; a subject that
		// insists on one: "a single expired password stopped the pay runs"
		return s.oneCauses(i), i + 1
	case t.is("blames", "blamed", "blame", "pinned", "pins") && !s.negatedBefore(i, 4) && s.blamedSolely(i):
		// "the bank's report blames the outage squarely on a single
		// engineer", "the airline blamed the cancellations solely on a
		// faulty router"
		return i, i + 1
	case t.is("lay", "lies", "lie", "rests", "rested") && s.is(i+1, "entirely", "solely", "squarely", "wholly", "only") && s.is(i+2, "with", "on") && s.is(i-1, "fault", "blame", "cause", "problem") && !s.negatedBefore(i-1, 3):
		// "the fault lay entirely with a software patch"
		return i - 1, i + 3
	case t.low == "responsible" && s.is(i-1, "solely", "entirely", "wholly", "exclusively") && !s.negatedBefore(i-1, 4):
		return i - 1, i + 1
	case t.low == "fault" && s.is(i-1, "the") && s.is(i-2, "entirely", "solely", "wholly", "all") && s.low(i+1) == "of" && !s.negatedBefore(i-2, 3):
		// "the outage was entirely the fault of the operator's engineers"
		return i - 2, i + 1
	case t.low == "blame" && s.is(i-1, "to") && s.f(i-2)&fBe != 0 && !s.person(s.subjectOf(i-2)) && s.subjectOf(i-2).ok() && !s.negatedBefore(i-1, 3):
		// "a faulty pressure valve was to blame for the gas leak"
		return i - 2, i + 1
	case t.low == "because" && s.is(i-1, "only", "solely", "purely", "just") && s.is(i-2, "happened", "occurred", "failed", "crashed", "broke") && !s.negatedBefore(i-2, 3):
		return i - 1, i + 1
	case t.low == "because" && s.is(i-1, "simply") && s.f(i-2)&fBe != 0 && !s.negatedBefore(i-1, 3):
		// "the refund backlog is simply because …"
		return i - 1, i + 1
	case (t.low == "because" || t.low == "due" && s.is(i+1, "to")) && s.closure() && !s.negatedBefore(i, 4):
		// "the outage happened because the certificate expired, simple as
		// that", "… end of story"
		return i, i + 1
	case t.low == "down" && s.is(i+1, "to") && s.is(i-1, "entirely", "solely", "wholly", "purely", "squarely") && s.f(i-2)&fBe != 0 && !s.negatedBefore(i-1, 3):
		// "the outage is entirely down to the revoked key"
		return i - 1, i + 2
	case t.low == "caused" && s.is(i+1, "the") && s.is(i+2, "entire", "whole") && s.person(s.subjectOf(i)) && !s.negatedBefore(i, 4):
		// "the fleet analyst caused the entire pricing incident by …"
		return i, i + 3
	case t.low == "rca" && s.is(i+1, "tldr", "tl", "in", "summary", "=") && !s.negatedBefore(i, 3):
		// "rca tldr: human error", "rca in one line: …"
		return i, i + 1
	case t.low == "rc" && s.low(i+1) == "=" && !s.is(i-1, "the", "an", "a"):
		return i, i + 1
	case t.is("pinned", "pin", "pins", "pinning") && !s.negatedBefore(i, 4):
		// "we pinned the entire outage on the vendor's engineer"
		for j := i + 1; j < len(s.toks) && j <= i+6 && !s.boundary(j); j++ {
			if s.low(j) == "on" {
				if s.totalAfter(i+1) || s.oneAfter(j+1) || s.closure() || s.is(i+1, "the") && s.is(i+2, "failure", "outage", "incident", "disruption") && j == i+3 {
					return i, j + 1
				}
				break
			}
		}
	case t.is("nothing") && s.is(i+1, "else", "more"):
		return s.nothingElse(i)
	case t.is("whole", "entire"):
		return s.wholeStory(i)
	case t.low == "thing" && s.is(i-1, "one") && (s.low(i+1) == ":" || s.is(i+1, "crashed", "took", "brought", "killed", "made", "broke", "behind", "causing", "caused", "explains")) && !s.negatedBefore(i-1, 4):
		// "in the end it was one thing: …", "only one thing crashed the parser"
		from := i - 1
		if s.is(from-1, "the", "only", "just", "exactly") {
			from--
		}
		return from, i + 1
	case t.low == "bottom" && s.is(i-1, "at") && (s.lineStart(i-1) || s.boundary(i-2)) && s.low(i+1) == ",":
		// "At bottom, the failure was caused by …"
		return i - 1, i + 1
	case linkVerbs[t.low] != "":
		return s.linkedToOne(i)
	case (t.f&fBe != 0 || t.low == "=") && s.totalBefore(i) && s.oneAfter(i+1) && !s.negatedBefore(i+1, 3) && s.f(i+1)&fNeg == 0:
		// "the whole event is the one bad telemetry point"
		return s.totalStart(i), i + 1
	}
	return -1, 0
}

// nothingElse: "it was the replication lag, nothing else, that caused the
// duplicates", "and nothing else contributed", "caused by nothing more than
// a full disk". The sentence must name a cause; "nothing else was affected"
// does not.
func (s *sentence) nothingElse(i int) (int, int) {
	if s.is(i+2, "would", "will", "could", "of", "to", "changed", "moved", "happened", "was", "were", "is", "affected", "unusual", "stood", "seemed", "looked") || s.negatedBefore(i, 4) {
		if !s.is(i+2, "contributed", "explains", "explained", "mattered", "caused") {
			return -1, 0
		}
	}
	for k := range s.toks {
		if s.is(k, "cause", "caused", "causes", "causing", "contributed", "explains", "explained", "brought", "took", "broke", "crashed", "triggered", "reason", "because", "culprit", "led") ||
			s.is(k, "it", "this") && s.is(k+1, "'s", "was", "is") && s.is(k+2, "the", "a", "an", "our", "its", "one") {
			return i, i + 2
		}
	}
	return -1, 0
}

// wholeStory: "that's the whole bug", "one bad mapping change is literally
// the whole thing", "that's the entire outage".
func (s *sentence) wholeStory(i int) (int, int) {
	if !s.is(i+1, "story", "bug", "thing", "outage", "incident", "problem", "explanation", "issue") || !s.is(i-1, "the") {
		return -1, 0
	}
	b := i - 2
	for s.is(b, "literally", "really", "basically", "pretty", "much", "just") {
		b--
	}
	if s.f(b)&fBe == 0 && s.low(b) != "'s" || s.negatedBefore(b+1, 3) || s.f(b+1)&fNeg != 0 {
		return -1, 0
	}
	if s.low(i+1) == "thing" || s.low(i+1) == "outage" || s.low(i+1) == "incident" || s.low(i+1) == "problem" || s.low(i+1) == "issue" {
		// "X is the whole thing" claims only when X is counted as one or
		// the line closes: not "the hardest part was the whole thing".
		if !s.oneBefore(b) && !s.is(b-1, "that", "this", "it") {
			return -1, 0
		}
	}
	return i - 1, i + 2
}

// culpritNamed: "found the culprit", "culprit = the new middleware", "the
// culprit behind the delays was a nightly export". Not a culprit looked
// for or refused ("rather than look for a culprit", "no named culprits"),
// the usual or a possible one, or a compound ("the culprit query").
func (s *sentence) culpritNamed(i int) (int, int) {
	if s.negatedBefore(i, 6) || s.is(i-1, "a", "an", "any", "another", "usual", "likely", "possible", "suspected", "potential", "named", "no", "some") || s.is(i-1, "one") && s.othersToo(i) || s.is(i+1, "among") ||
		s.is(i+1, "hunt", "hunting", "search", "searching", "query", "queries") || s.is(i-2, "for") && s.is(i-1, "the") || s.low(i+1) == "?" {
		return -1, 0
	}
	if s.low(i) == "culprits" && !s.is(i-1, "the", "real", "true") {
		return -1, 0
	}
	from := i
	for j := i - 1; j >= 0 && j >= i-3 && s.is(j, "the", "real", "true", "main", "actual", "chief", "one", "only", "single", "sole", "big", "biggest"); j-- {
		from = j
	}
	return from, i + 1
}

// tracedTo: "everything traces back to the stale cache entry", "disruption
// traced to a full disk", "traceable to one protection relay". Not a path
// traced from one place to another, a trace as a noun, or "traced the logs
// to find …".
func (s *sentence) tracedTo(i int) (int, int) {
	if s.negatedBefore(i, 4) || s.is(i-1, "the", "a", "an", "each", "every", "stack") {
		return -1, 0
	}
	for j := i + 1; j < len(s.toks) && j <= i+10 && !s.boundary(j); j++ {
		if s.is(j, "from", "through", "via", "across") {
			return -1, 0
		}
		if s.low(j) == "to" {
			if s.is(j+1, "find", "see", "check", "confirm", "understand", "work", "figure", "identify", "determine", "learn", "show", "make", "get", "locate", "isolate") {
				return -1, 0
			}
			if !s.totalBefore(i) && !s.oneAfter(j+1) && !s.closure() && !s.markedOne() && !(s.is(i+1, "back") && s.eventSubject(i)) && !s.hasAny("underlying") {
				return -1, 0 // "latency traced to the upstream provider"; but "the discrepancy traces back to a data-entry mistake", "underlying fault traced to …"
			}
			return i, j + 1
		}
	}
	return -1, 0
}

// markedOne reports whether the sentence counts its cause as one or as all
// there is: "one", "single", "sole", "only", "entire", "whole", "root",
// "squarely", "ultimately".
func (s *sentence) markedOne() bool {
	for k := range s.toks {
		if s.is(k, "one", "single", "sole", "entire", "whole", "everything", "root", "squarely", "ultimately", "solely", "entirely") || s.low(k) == "all" && !s.seq(k+1, "of", "us") {
			return true
		}
	}
	return false
}

// oneReason: "the sole trigger was", "the one and only trigger:", "had a
// single source: …", "sole contributing factor: …", "the unique reason of
// the outage". Not one among others ("One contributing factor was"), none
// ("no single factor"), a reason for what we did ("the only reason we
// noticed"), or a single source of truth.
func (s *sentence) oneReason(i int) (int, int) {
	if s.low(i) == "point" && !s.is(i-1, "starting") {
		return -1, 0
	}
	j := i - 1
	for s.is(j, "contributing", "starting", "technical", "real", "true", "actual", "underlying", "immediate") {
		j--
	}
	one := false
	switch {
	case s.is(j, "sole", "single", "unique", "decisive", "lone"):
		one = !s.is(j-1, "biggest", "largest", "greatest")
	case s.is(j, "only") && (s.is(j-1, "the", "its", "our", "their", "this", "and") || s.lineStart(j)):
		one = !s.is(i+1, "we", "i", "you", "they", "anyone", "anybody", "someone") || s.brokeAfter(i+1) || s.is(i+2, "'re", "are", "were") && s.is(i+3, "down", "out", "offline")
	case s.is(j, "one") && (s.is(j-1, "the", "its", "our", "their") || s.seq(j-1, "and") || s.is(j-1, "only") && s.is(j-2, "the")) && !s.is(i+1, "among", "of"):
		one = true
	case s.is(j, "primary", "main", "chief", "principal", "biggest") && s.low(i) == "driver" && s.is(j-1, "the") && (s.f(i+1)&fBe != 0 || s.is(i+1, "of", "behind", ":")):
		one = true // "the primary driver of the incident was …"
	case s.is(j, "primary", "main") && s.low(i) == "trigger" && s.low(i+1) == ":" && (s.lineStart(j) || s.linePrefix(j)):
		one = true // "Primary trigger: …"
	case s.is(j, "the") && s.is(i, "origin", "source", "reason", "trigger") && s.is(i+1, "of", "for", "behind") && s.f(j-1)&fBe != 0 && s.oneSubject(j-1):
		// "a single misconfigured setting was the origin of the lost
		// messages"
		one, j = true, j+1
	}
	if s.low(i) == "origin" && s.is(j, "single") && !s.is(i+1, "of", "for", "behind", ":") && s.f(i+1)&fBe == 0 {
		return -1, 0 // "our Huila single origin": a coffee, not a cause
	}
	if !one || s.negatedBefore(j, 4) || s.disclaimsOneCause(j) || s.seq(i+1, "of", "truth") || s.is(j-1, "one", "another") {
		return -1, 0
	}
	if s.low(i) == "factor" && s.is(j, "single", "lone") && !s.is(j-1, "the") {
		return -1, 0 // "a single factor would not have …"
	}
	from := j
	for from > 0 && s.is(from-1, "the", "a", "its", "our", "their", "this", "one", "and", "main") {
		from--
	}
	return from, i + 1
}

// causeLabel: a summary line that opens with "Cause:" or "Cause
// identified:" and names it: "Cause: single corroded junction box", "Cause
// of the outage isolated to one line card". Not a cause still under
// investigation or unknown.
func (s *sentence) causeLabel(i int) (int, int) {
	if !s.lineStart(i) && !s.linePrefix(i) && !(s.is(i-1, "primary", "main", "probable", "likely") && (s.lineStart(i-1) || s.linePrefix(i-1))) {
		return -1, 0
	}
	j := i + 1
	if s.low(j) == "of" {
		for j++; j < len(s.toks) && j <= i+6 && !s.is(j, ":", "=", "identified", "established", "isolated", "determined", "confirmed", "found", "pinpointed", "narrowed") && (s.nominal(j) || s.is(j, "the", "this", "our", "an", "a")); j++ {
		}
	}
	switch {
	case s.is(j, ":", "="):
	case s.is(j, "identified", "established", "isolated", "determined", "confirmed", "found", "pinpointed", "narrowed"):
	case s.is(j, "was", "is") && j > i+1:
		// "Cause of incident was expired SSL certificate on auth endpoint."
	default:
		return -1, 0
	}
	for k := j + 1; k < len(s.toks) && k <= j+4; k++ {
		if s.is(k, "unknown", "unclear", "investigation", "investigating", "tbd", "pending", "undetermined", "unconfirmed") || s.f(k)&fNeg != 0 || s.is(k, "still", "yet") {
			return -1, 0
		}
	}
	return i, j + 1
}

// linkVerbs lead from a consequence to its source; the value names the
// word that must follow.
var linkVerbs = map[string]string{
	"comes": "back from", "come": "back from", "came": "back from", "coming": "back from",
	"stems": "from", "stem": "from", "stemmed": "from", "stemming": "from",
	"flows": "from", "flow": "from", "flowed": "from", "flowing": "from",
	"follows": "from", "followed": "from", "follow": "from",
	"originated": "with from in", "originates": "with from in", "originate": "with from in",
	"hinged": "on", "hinges": "on", "hinge": "on",
	"boils": "down", "boiled": "down", "boil": "down", "boiling": "down",
	"goes": "back", "went": "back", "go": "back", "going": "back",
	"down": "to", "because": "of", "explains": "*", "explained": "*",
	"responsible": "for", "brought": "down", "took": "down out",
}

// linkedToOne: a link verb whose claim covers everything or lands on one
// thing: "all the delays are coming back to one single problem",
// "everything stems from the consumer's memory growth", "all of the impact
// flowed from one misconfigured rule", "the outage hinged on one thing",
// "a corrupted index, and nothing else, brought down the catalogue".
func (s *sentence) linkedToOne(i int) (int, int) {
	want := linkVerbs[s.low(i)]
	j := i + 1
	for s.is(j, "entirely", "solely", "wholly", "purely", "directly", "squarely", "only", "all", "ultimately", "really") {
		j++
	}
	ok := want == "*"
	for _, w := range strings.Fields(want) {
		if s.low(j) == w {
			ok = true
			j++
			break
		}
	}
	if !ok {
		return -1, 0
	}
	if s.is(i, "comes", "come", "came", "coming") && s.is(j-1, "back") && !s.is(j, "to", "from") {
		return -1, 0 // "terminals coming back one by one"
	}
	if s.is(j, "to", "from", "on") {
		j++
	}
	if s.is(j, "one", "a", "the") && s.is(j+1, "question", "questions", "point", "lesson") {
		return -1, 0 // "I keep coming back to one question: what made …"
	}
	switch s.low(i) {
	case "down":
		if s.is(j, "normal", "baseline", "zero", "nothing", "green") || s.toks[min(j, len(s.toks)-1)].kind == tNum {
			return -1, 0 // "after the rollback it came down to normal"
		}
		if s.f(i-1)&fBe == 0 && !s.is(i-1, "ultimately", "all", "squarely", "entirely", "largely", "boils", "boiled", "comes", "came") || !s.troubleBefore(i) {
			return -1, 0 // "narrowed down to", "the cluster is down to one node"
		}
	case "because":
		if !s.is(i-1, "all", "happen", "happened", "is") {
			return -1, 0
		}
	}
	if s.negatedBefore(i, 4) || s.negatedComeDown() {
		return -1, 0
	}
	switch s.low(i) {
	case "responsible", "brought", "took", "explains", "explained":
		// "a single failed switch was responsible for the entire outage",
		// "that one change explains all of it"
		if !s.closure() && !(s.oneSubject(i) && s.totalAfter(i+1)) {
			return -1, 0
		}
	default:
		if !s.totalBefore(i) && !s.oneAfter(j) && !s.closure() {
			return -1, 0
		}
	}
	from := i
	if k := s.totalStart(i); k >= 0 {
		from = k
	}
	return from, j
}

// troubleBefore reports whether the clause before i speaks of the incident
// or what went wrong: "the disappearance was ultimately down to …", "it was
// all down to …". Not "whenever the cluster is down to one node".
func (s *sentence) troubleBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-10 && !s.boundary(j); j-- {
		if s.f(j)&fEvent != 0 || s.is(j, "it", "this", "that", "everything", "all", "problem", "problems", "issue", "issues", "failure", "failures",
			"disappearance", "breach", "loss", "delay", "delays", "errors", "crash", "mess", "meltdown", "fiasco", "chaos", "blackout", "disruption") {
			return true
		}
	}
	return false
}

// oneSubject reports whether the clause before i counts its subject as
// one: "a single failed network switch in the mill was responsible".
func (s *sentence) oneSubject(i int) bool {
	for j := i - 1; j >= 0 && j >= i-10 && !s.boundary(j); j-- {
		if s.is(j, "one", "single", "lone", "sole") && !s.is(j+1, "of") {
			return true
		}
	}
	return false
}

// subjectStart returns the index after which the subject of the verb at i
// begins (-1: the sentence's start): the start of its clause or, when a
// parenthesis between commas stands before the verb, of the clause before
// it. ok is false when the words before i hold a conjunction or a relative
// word, so that they are no plain subject, or run past twelve words.
func (s *sentence) subjectStart(i int) (k int, ok bool) {
	j := i - 1
	if s.is(j, ",") {
		for j--; j >= 0 && j >= i-14 && !s.is(j, ","); j-- {
			if s.boundary(j) {
				return 0, false
			}
		}
		if !s.is(j, ",") {
			return 0, false
		}
		j--
	}
	for ; j >= 0; j-- {
		if s.boundary(j) {
			return j, true
		}
		if s.is(j, "that", "because", "when", "while", "after", "before", "if", "so") {
			return j, true // a clause's opener: "the short version is that one cron job …"
		}
		if j < i-12 || s.is(j, "and", "but", "which", "who") {
			return 0, false
		}
	}
	return -1, true
}

// oneCauses returns where the subject of the causal verb at i begins when
// it is one thing that brought about all of the incident, or one it
// insists on that brought about the incident; -1 otherwise.
func (s *sentence) oneCauses(i int) int {
	k, ok := s.subjectStart(i)
	if ok && (s.countsOne(k) && (s.totalAfter(i+1) || s.is(i+1, "every")) || s.insistsOnOne(k) && s.incidentAfter(i+1)) {
		return k + 1
	}
	return -1
}

// countsOne reports whether the subject after k opens by counting one:
// "one defect", "a single rule". Not "one of the disks".
func (s *sentence) countsOne(k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
		if s.is(j, "one", "single", "lone", "sole") {
			return !s.is(j+1, "of", "or", "more", "another")
		}
	}
	return false
}

// insistsOnOne reports whether the subject after k counts one and insists
// on it: "a single expired password", "that one setting", "just one
// cron job", "one and only one disk". Not a bare "one disk".
func (s *sentence) insistsOnOne(k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
		if s.is(j, "single", "lone", "sole") && !s.is(j+1, "of") {
			return true
		}
		if s.low(j) == "one" && s.is(j-1, "that", "this", "just", "only") && !s.is(j+1, "of") {
			return true
		}
	}
	return false
}

// totalStart returns where a word that claims the whole incident stands in
// the clause before i ("everything", "all the delays", "the entire
// cascade", "every part of"), or -1.
func (s *sentence) totalStart(i int) int {
	for j := i - 1; j >= 0 && j >= i-10 && !s.boundary(j); j-- {
		if s.is(j, "everything", "entire", "whole") || s.low(j) == "every" && s.everyTrouble(j) || s.low(j) == "all" && s.allTheTrouble(j) {
			return j
		}
	}
	return -1
}

func (s *sentence) totalBefore(i int) bool { return s.totalStart(i) >= 0 }

// everyTrouble reports whether "every" at j counts the incident's parts:
// "every part of", "every failed payment", "every alert". Not "every
// decision he made was one most of us would have made".
func (s *sentence) everyTrouble(j int) bool {
	for k := j + 1; k <= j+2; k++ {
		if s.f(k)&fEvent != 0 || s.is(k, everyTroubles...) {
			return true
		}
	}
	return false
}

var everyTroubles = []string{"part", "bit", "piece", "symptom", "symptoms", "alert", "error", "failure", "problem", "delay", "timeout", "page", "one", "single", "payment", "request", "order", "job", "minute", "thing", "consequence", "effect"}

// allTheTrouble reports whether "all" at j stands for the whole incident:
// "it all", "all is coming from", "all the delays", "all of the impact".
// Not "all the traffic came from our own clients".
func (s *sentence) allTheTrouble(j int) bool {
	if s.is(j-1, "it", "this", "that") || s.f(j+1)&(fBe|fVerb) != 0 && !s.is(j+1, "the") {
		return true
	}
	k := j + 1
	if s.seq(k, "of", "the") || s.seq(k, "of", "this") {
		k += 2
	} else if s.is(k, "the", "these", "this", "our") {
		k++
	}
	return k > j+1 && (s.f(k)&fEvent != 0 || s.is(k, "problem", "problems", "issue", "issues", "delays", "impact", "errors", "failures", "trouble", "symptoms", "damage", "chaos", "disruption", "pain", "alerts"))
}

// totalAfter reports whether the object at j claims the whole incident:
// "the entire outage", "everything", "all of it".
func (s *sentence) totalAfter(j int) bool {
	for k := j; k < len(s.toks) && k <= j+2; k++ {
		if s.is(k, "everything", "entire", "whole", "all") {
			return true
		}
	}
	return false
}

// oneAfter reports whether the object at j is counted as one: "one
// misconfigured rule", "the single resolver", "exactly one thing". Not one
// of several.
func (s *sentence) oneAfter(j int) bool {
	for k := j; k < len(s.toks) && k <= j+3 && !s.boundary(k); k++ {
		if s.is(k, "one", "single", "lone", "sole") {
			return !s.is(k+1, "of", "or", "more", "another") && !s.is(k-1, "than", "least")
		}
		if !s.is(k, "the", "a", "just", "only", "exactly", "this", "that", "its", "our", "their") {
			return false
		}
	}
	return false
}

// toOneAfter reports whether a "to" within a few words of i names one
// thing: "attributed the blackout across the island to a single fault".
func (s *sentence) toOneAfter(i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+8 && !s.boundary(j); j++ {
		if s.is(j, "to") {
			return s.oneAfter(j + 1)
		}
	}
	return false
}

// oneBeforeStart returns where "had one", "has only one" or "from one"
// starts before the cause noun at i, maybe with an adjective between, or
// -1: "had only one origin", "has one underlying explanation", "happened
// from one reason".
func (s *sentence) oneBeforeStart(i int) int {
	k := i - 1
	if s.is(k, "underlying", "real", "true", "single", "clear", "simple") && s.is(k-1, "one", "single") {
		k--
	}
	if !s.is(k, "one", "single") {
		return -1
	}
	k--
	if s.is(k, "only", "just", "exactly") {
		k--
	}
	if !s.is(k, "had", "has", "have", "from") || s.negatedBefore(k, 3) || s.is(k-1, "no", "not") {
		return -1
	}
	return k
}

// reasonIsThat reports whether "the reason" at i is followed, after what
// it is the reason of, by "is that" or "was that": "the reason this
// happened is simply that …".
func (s *sentence) reasonIsThat(i int) bool {
	whole := false
	for j := i + 1; j < len(s.toks) && j <= i+10; j++ {
		if s.is(j, "happened", "occurred", "broke", "failed", "crashed", "happen") || wholeIncident[s.low(j)] {
			whole = true // "the reason this happened", not "the reason the fix took a day"
		}
		if s.is(j, "is", "was") && !s.is(j+1, "not") && whole {
			k := j + 1
			if s.is(k, "simply", "just", "only", "basically", "really") {
				k++
			}
			if s.is(k, "that", ":") && j > i+2 {
				return true
			}
		}
		if s.is(j, ";", ".") {
			return false
		}
	}
	return false
}

// wrongBefore reports whether a "what went wrong" or the cause is named
// before i: "What went wrong, in one line: …", "The cause, in one line: …".
func (s *sentence) wrongBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if s.is(j, "wrong", "cause", "reason", "happened", "problem") {
			return true
		}
	}
	return false
}

// summaryLabel reports whether the words before i open a summary's
// verdict: "Bottom line:", "TL;DR:", "In short,", "Long story short,".
func (s *sentence) summaryLabel(i int) bool {
	k := i - 1
	if s.is(k, ":", ",", "—", "-") {
		k--
	}
	return s.seq(k-1, "bottom", "line") || s.is(k, "tldr", "tl;dr") || s.seq(k-1, "in", "short") || s.seq(k-1, "story", "short") || s.seq(k-2, "in", "a", "nutshell")
}

// wholeIncident are the nouns that name an incident as a whole.
var wholeIncident = wordSet(`outage outages incident issue disruption downtime event breach interruption
	chaos shutdown stoppage`)

// effectNouns, as what "the cause of" names, make it the cause of the
// incident: "the cause of the gateway slowdown was …".
var effectNouns = wordSet(`slowdown backlog blackout`)

// wholeCausedBy reports whether "caused by" at i puts the whole incident
// down to one thing: its subject is the incident ("the outage", "this
// issue", or a headline's "Black Friday outage caused by …"), nothing says
// there were more causes, and no chain is told.
func (s *sentence) wholeCausedBy(i int) bool {
	if s.negatedBefore(i, 4) || s.cascade() {
		return false
	}
	n := s.subjectOf(i)
	if !s.passive(i) {
		n = s.npEndingAt(i - 1) // "Black Friday outage caused by …"
	}
	if !n.ok() || !wholeIncident[s.low(n.head)] || s.is(n.start, "a", "an", "one", "each", "every", "another") {
		return false
	}
	for k := n.end; k < i; k++ {
		if s.is(k, "partly", "partially", "largely", "mainly", "mostly", "primarily", "initially", "in") {
			return false // "caused in part by", "partly caused by"
		}
	}
	return !s.manyAfter(i + 2)
}

// manyAfter reports whether the words from k on tell more than one cause
// or a chain: "a combination of", "and a missing alert", "among others".
func (s *sentence) manyAfter(k int) bool {
	for ; k < len(s.toks); k++ {
		if s.is(k, "combination", "several", "multiple", "number", "interplay", "series", "chain", "mix", "both", "also", "among", "together", "alongside", "compounded", "contributing", "factors", "and", "plus", "as", "well") {
			return true
		}
	}
	return false
}

// causedWhole reports whether an active "caused" at i has the whole
// incident as its object and one thing as its subject: "a bad
// configuration push caused the outage", "a misconfigured CDN rule caused
// all the 404 errors".
func (s *sentence) causedWhole(i int) bool {
	if s.negatedBefore(i, 4) || s.cascade() || s.passive(i) || s.is(i-1, "have", "has", "had", "could", "would", "might", "may", "can") {
		return false
	}
	j := i + 1
	if s.is(j, "all", "the", "this", "that", "our", "its", "their") {
		j++
	}
	if s.is(j, "the", "whole", "entire") {
		j++
	}
	if s.is(j, "whole", "entire") {
		j++
	}
	n := s.npStartingAt(j)
	if !n.ok() || !(wholeIncident[s.low(n.head)] || s.is(i+1, "all") || s.is(j-1, "whole", "entire")) {
		return false
	}
	sub := s.subjectOf(i)
	if !sub.ok() || s.person(sub) || s.is(sub.head, "which", "that", "it", "this", "what") || s.manyAfter(n.end) {
		return false
	}
	// The whole clause before the verb: "a bug, a missing fallback and a
	// slow rollback together caused the outage" counts several.
	for k := i - 1; k >= 0 && !s.is(k, ";", ":", "."); k-- {
		if s.is(k, "and", "or", "several", "multiple", "two", "three", "both", "together", "jointly", "combined", "plus") {
			return false
		}
	}
	return true
}

// closure reports whether the sentence shuts the inquiry: "and nothing
// else", "nothing more", "that's it", "that's the whole story", "plain and
// simple", "no other causes".
func (s *sentence) closure() bool {
	for k := range s.toks {
		switch {
		case s.is(k, "nothing") && s.is(k+1, "else", "more") && !s.is(k+2, "would", "will", "could", "of", "was", "is", "to", "changed", "moved", "happened"):
			return true
		case s.is(k, "no") && s.is(k+1, "other") && s.is(k+2, "cause", "causes", "factor", "factors", "reason", "reasons", "contributor", "contributors"):
			return true
		case s.is(k, "that", "this", "it") && s.is(k+1, "'s", "is", "was") && s.is(k+2, "it", "all") && s.boundary(k+3):
			return true
		case (s.is(k, "whole", "entire") && s.is(k+1, "story", "bug", "explanation") || s.seq(k, "whole", "thing") && s.is(k-1, "the") && s.f(k-2)&fBe != 0) && !s.negatedBefore(k, 3):
			return true
		case s.seq(k, "plain", "and", "simple"), s.seq(k, "full", "stop"), s.seq(k, "nothing", "more", "to", "it"), s.seq(k, "simple", "as", "that"), s.seq(k, "end", "of", "story"),
			s.seq(k, "nothing", "but") && s.is(k-1, "by", "to", "of"), s.seq(k, "one", "cause", "only"), s.seq(k, "one", "reason", "only"):
			return true
		case s.seq(k, "only", "this") && (k+2 == len(s.toks) || s.boundary(k+2)), s.is(k, "period") && s.is(k-1, ",") && (k+1 == len(s.toks) || s.boundary(k+1)):
			return true
		}
	}
	return false
}

// incidentCause reports whether "the cause" at i names the cause of the
// whole incident and says what it was: "the cause was a memory leak", "the
// cause of the incident was an employee's error", "the reason for all of
// this is the old driver". Not the cause of one symptom ("the cause of the
// latency was GC pressure"), a combination, or one still under
// investigation.
func (s *sentence) incidentCause(i int) bool {
	if s.negatedBefore(i-1, 3) || s.is(i-2, "a", "one") {
		return false
	}
	j := i + 1
	if s.is(j, "of", "for", "behind") {
		j++
		whole := false
		for ; j < len(s.toks) && j <= i+6 && (s.f(j)&fBe == 0 || s.low(j) == "'s") && !s.boundary(j); j++ {
			if s.f(j)&fEvent != 0 && !s.is(j, "loss", "latency") || s.is(j, "everything", "all", "failure", "failures", "problem", "problems", "trouble", "crash", "leak", "delays", "delay") || wholeIncident[s.low(j)] || effectNouns[s.low(j)] {
				whole = true
			}
		}
		if !whole {
			return false
		}
	}
	if s.f(j)&fBe == 0 && !s.is(j, ":", "=") {
		return false
	}
	for k := j + 1; k < len(s.toks) && k <= j+4; k++ {
		if s.is(k, "combination", "mix", "several", "multiple", "unknown", "unclear", "still", "not", "under", "being", "twofold", "many", "various", "both") {
			return false
		}
	}
	for k := j + 1; k < len(s.toks); k++ {
		if s.is(k, "still") && s.is(k+1, "open", "unknown", "unclear", "under", "being") {
			return false // "…, why the volume filled is still open"
		}
	}
	return true
}

// causeLabelled reports whether "cause" at i opens a label with an
// adjective that settles it: "Definitive cause: memory exhaustion", "Origin
// of incident: …".
func (s *sentence) causeLabelled(i int) bool {
	return s.is(i-1, "definitive", "definite", "confirmed", "actual", "final", "established", "proven", "exact") &&
		(s.lineStart(i-1) || s.linePrefix(i-1)) && s.is(i+1, ":", "=", "identified", "was", "is")
}

// blamedSolely reports whether the blame at i falls on one thing or wholly:
// "blames the outage squarely on a single engineer", "blamed the
// cancellations solely on a faulty router", "pinned it on one thing".
func (s *sentence) blamedSolely(i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+10 && !s.boundary(j); j++ {
		if s.is(j, "on") {
			return s.is(j-1, "squarely", "solely", "entirely", "wholly", "only", "exclusively") || s.oneAfter(j+1) || s.is(j+1, "nothing") && s.is(j+2, "but")
		}
	}
	return false
}

// cascade reports whether the sentence tells a chain rather than one
// cause: "a single sensor failure cascading through dependent alarms".
func (s *sentence) cascade() bool {
	for k := range s.toks {
		if s.is(k, "cascading", "cascaded", "cascade", "cascades", "propagating", "propagated", "snowballed") {
			return true
		}
	}
	return false
}

func (s *sentence) oneReasonAt(i int) bool {
	_, end := s.oneReason(i)
	return end > 0
}

// incidentAfter reports whether the noun phrase at j is the incident as a
// whole: "the outage", "the launch-day outage", "all the delays".
func (s *sentence) incidentAfter(j int) bool {
	for k := j; k < len(s.toks) && k <= j+4 && !s.boundary(k); k++ {
		if s.f(k)&fEvent != 0 && !s.is(k, "loss", "latency") || s.is(k, "incident", "outage", "disruption", "everything", "all", "failure", "breach", "crash", "delays") {
			return true
		}
	}
	return false
}

// putDownTo returns where "put … down to" at i ends when it puts the whole
// incident, or all of it, down to one thing, or 0.
func (s *sentence) putDownTo(i int) int {
	for j := i + 1; j < len(s.toks) && j <= i+8 && !s.boundary(j); j++ {
		if s.seq(j, "down", "to") {
			if s.totalAfter(i+1) || s.oneAfter(j+2) {
				return j + 2
			}
			return 0
		}
	}
	return 0
}

// eventSubject reports whether the verb at i tells of the incident itself:
// its subject is a bad event or the incident's problem ("the outage", "the
// discrepancy", "the misrouting").
func (s *sentence) eventSubject(i int) bool {
	n := s.subjectOf(i)
	if !n.ok() || n.implicit {
		return false
	}
	return s.f(n.head)&fEvent != 0 || s.is(n.head, "discrepancy", "problem", "issue", "incident", "failure", "fault", "error", "errors", "misrouting", "mix-up", "delay", "delays", "damage", "loss", "contamination", "overbilling", "overcharge", "breach")
}
