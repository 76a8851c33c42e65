package lint

import "fmt"

// harmSaid are the words that tell harm in a terse line: "Pump seal failed.", "Two lots
// recalled.", "Complaint upheld.", "Rider sustained minor injuries."
var harmSaid = wordSet(`failed failure lost spilled spill damaged damage recalled rejected injured injury
	injuries unwell complaint complaints missing offline flooded quarantined leaked leak degraded
	broke broken cracked burns burned misfired refused delayed overflowed contaminated exposed
	upheld sustained collapsed derailed capsized grounded drifted scrapped wasted destroyed
	overdosed furious obstructed aborted cancelled canceled stranded evacuated wrong`)

// harmAlone reports whether a sentence tells harm and nothing of its
// cause, tersely: "Pump seal failed.", "12 t of scalpings spilled on the
// public road.", "Two lots recalled." It reads the words in place, without
// allocating.
func harmAlone(text []byte) bool {
	if len(text) > 120 {
		return false
	}
	var buf [24]byte
	words, harm := 0, false
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) || text[j] == '-') {
			j++
		}
		words++
		if words > 16 {
			return false
		}
		if j-i <= len(buf) {
			w := buf[:j-i]
			for k := range w {
				w[k] = lower(text[i+k])
			}
			switch string(w) {
			case "no", "not", "none", "zero", "without", "nothing", "nobody", "avoided", "prevented", "averted", "because", "due", "since", "caused", "owing", "result":
				return false // "No injuries.", "Seal failed due to corrosion."
			}
			harm = harm || harmSaid[string(w)]
		}
		i = j
	}
	return harm
}

// responderActs are what people do in answer to an incident: told before
// harm, they are the response, not its cause.
var responderActs = wordSet(`paged escalated reported noticed found detected alerted called notified raised
	opened investigated restored fixed mitigated declared contacted informed warned flagged
	spotted caught stopped halted isolated evacuated triaged confirmed checked rolled reverted`)

// actThenHarm flags a terse line that tells what a person did, with
// nothing of why, when the next sentence of its paragraph tells harm
// alone: "Pumpman started cargo pump against closed discharge valve. Pump
// seal failed." Told that way, the act reads as the whole cause. A
// responder's act ("Kim paged the DBA. Data lost.") and an act told with
// its reason ("…, as the runbook says") are not flagged.
func (s *sentence) actThenHarm() {
	if s.question || s.forward || s.lesson || len(s.toks) > 30 {
		return
	}
	i := s.firstWord()
	if i < 0 || i >= len(s.toks) {
		return
	}
	n := s.personStartingAt(i)
	if !n.ok() || n.start != i || !s.person(n) || s.firstPersonPlural(n) || s.writer(n) && s.toks[n.head].f&fFirstSg == 0 {
		return
	}
	v := n.end
	for v < len(s.toks) && (s.isAdverb(v) || s.f(v)&fNeg != 0 || s.is(v, "did", "had", "has", "was")) {
		v++
	}
	if v >= len(s.toks) || s.toks[v].kind != tWord || !pastForm(&s.toks[v]) || responderActs[s.low(v)] || s.f(v)&fBe != 0 || !harmAlone(s.next) {
		return
	}
	for k := range s.toks {
		if s.is(k, "because", "since", "as", "per", "following", "instructed", "runbook", "planned", "requested", "agreed", "approved", "asked", "told", "scheduled", "procedure", "correctly", "safely", "successfully", "emergency") && !s.is(k-1, "without", "no") {
			return // an act told with its reason: "…, as the runbook says"
		}
	}
	for k := v; k < len(s.toks); k++ {
		if s.is(k, "after", "when", "on") && s.anyWithin(k+1, 6, "alarm", "alarms", "alert", "alerts", "warning", "loss", "failure", "fault", "trip", "call", "request", "instruction", "instructions", "order", "orders") {
			return // "restarted the sorter after the jam alarm cleared", "lowered the ramp on a radio call"
		}
	}
	end := v + 1
	for end < len(s.toks) && end < v+5 && !s.boundary(end) {
		end++
	}
	s.add(idAccident, n.start, end,
		fmt.Sprintf("%q is told and then the harm, with nothing between: the act reads as the whole cause", s.span(n.start, end)),
		fmt.Sprintf("Say what %s saw and why the act made sense at that moment, and what the system offered or left out that let it lead to the harm.", s.who(n)))
}
