package lint

import "fmt"

// blame.human-error: "human error", "operator error", "user error" or
// "pilot error" named as a cause. It names a person's action as the cause and
// stops the inquiry there, where the useful questions begin.
var humanErrorRule = &sentenceRule{
	info: RuleInfo{
		ID:          idHumanError,
		Category:    Blame,
		Severity:    Warning,
		Description: "\"Human error\", \"operator error\", \"user error\" or \"pilot error\" as a cause; not user errors as a metric.",
		Example:     "The outage was caused by human error during the failover.",
		Rewrite:     "During the failover the runbook's step 4 pointed at the old primary; the console accepted the command without showing which host it would hit.",
	},
	group: gHumanError,
	check: checkHumanError,
}

var errorOwners = map[string]bool{
	"human": true, "operator": true, "user": true, "pilot": true, "engineer": true, "engineering": true,
	"developer": true, "admin": true, "administrator": true, "personnel": true, "staff": true,
}

// metricNouns after "user error" make it a thing the system counts or shows:
// "the user error rate", "the user error message".
var metricNouns = map[string]bool{
	"rate": true, "rates": true, "budget": true, "budgets": true, "count": true, "counts": true,
	"ratio": true, "message": true, "messages": true, "code": true, "codes": true, "page": true,
	"pages": true, "log": true, "logs": true, "response": true, "responses": true, "handling": true,
	"handler": true, "path": true, "screen": true, "dialog": true, "banner": true, "text": true,
	"field": true, "class": true, "type": true, "types": true, "metric": true, "metrics": true,
	"percentage": true, "spike": true, "spikes": true, "dashboard": true, "panel": true,
	"alert": true, "alerts": true, "reporting": true, "tracking": true, "toast": true,
}

func checkHumanError(s *sentence) {
	for i := 0; i+1 < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		end := 0
		switch {
		case t.low == "human-error" || t.low == "pebkac" || t.low == "pebcak":
			end = i + 1
		case t.low == "finger" && s.low(i+1) == "trouble", t.low == "manual" && s.is(i+1, "error", "mistake"):
			end = i + 2
		case (t.low == "error" || t.low == "errors" || t.low == "mistake") && s.is(i+1, "by", "made") && !s.negatedBefore(i, 2):
			// "an error by the on-call engineer", "an error made by the operator"
			k := i + 2
			if s.low(i+1) == "made" && s.low(k) == "by" {
				k++
			}
			if n := s.npStartingAt(k); s.person(n) && n.poss < 0 {
				end = n.end
			}
		case (t.low == "error" || t.low == "errors") && s.seq(i+1, "on", "the", "part", "of"):
			if n := s.npStartingAt(i + 5); s.person(n) {
				end = n.end
			}
		case errorOwners[t.low] || t.low == "operators'" || t.f&fRole != 0 && t.f&(fAmbig|fThing|fPossessive) == 0 && s.is(i+1, "error", "mistake"):
			// and any role: "analyst error", "DBA mistake"
			nx := s.low(i + 1)
			switch {
			case nx == "error" || nx == "mistake" || t.low == "human" && (nx == "failure" || nx == "failures" || nx == "factor" && s.causeContext(i)):
				end = i + 2
			case nx == "errors" || nx == "mistakes":
				// "user errors such as invalid postcodes" are a metric.
				if t.low != "user" {
					end = i + 2
				}
			}
		}
		if end == 0 || metricNouns[s.low(end)] || s.low(i-1) == "-" {
			continue
		}
		if s.negatedBefore(i, 3) || s.negatedAfter(end) {
			continue
		}
		phrase := s.span(i, end)
		s.add(idHumanError, i, end,
			fmt.Sprintf("%q names a person's action as the cause and stops the inquiry where it should begin", phrase),
			"Describe the action and the conditions that made it reasonable: what the person saw, what the tool offered, and which safeguard was missing.")
		i = end - 1
	}
}

// causeContext reports whether "human factor" at i is named as a cause: "the
// human factor was the cause", "due to the human factor", not "human
// factors research".
func (s *sentence) causeContext(i int) bool {
	if s.is(i+2, "factors") || s.is(i+2, "research", "engineering", "review", "study", "studies") {
		return false
	}
	for j := max(i-4, 0); j < len(s.toks) && j < i+7; j++ {
		if s.is(j, "cause", "caused", "due", "because", "reason", "blame", "responsible", "led", "resulted") {
			return true
		}
	}
	return false
}
