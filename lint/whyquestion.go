package lint

import (
	"fmt"
	"slices"
	"strings"
)

// blame.why-question: a question that asks a person to justify what they
// did ("why did you deploy on a Friday?") or asks who to point at ("who
// broke staging?"). Both invite defence instead of an account; "how" and
// "what" questions get the account (Allspaw, "The Infinite Hows"). A why
// about a system ("why did the alert not fire?") is fine.
var whyQuestionRule = &sentenceRule{
	info: RuleInfo{
		ID:          idWhyQuestion,
		Category:    Blame,
		Severity:    Warning,
		Description: "A question that asks a person to justify an action (why did you…, why didn't anyone…) or asks who to point at (who broke…, who did this, which genius scheduled…, who ran this against prod??, who on earth approved…, whose idea was it…) or why nobody acted (was nobody watching the dashboard?); also a sneering check on a person (did you even test this, is he even awake??) and who did something at a bad hour (who schedules a schema change during the lunch drop, who approves a purge at 8 pm on a Friday); whose fault is this; who exactly thought it a good idea, why would anyone hand-edit it, does anyone actually open the calendar, how does a senior engineer not know; who thought it was fine to, who decided that is okay; who did it, asked after a failure in the same line (lashing was not done, lorry moved. who signed the checklist?) or insisting on a name (who has approved this change without test? I want to know the name), who gave permission at a bad hour; which of you moved the insulin into the crash cart??, ugh who approved pushing the update at 6pm on a friday, who has approved this change on Friday evening?, who was it. Also a chat line that puts the incident to the person it tags (@lio was this you with the loading gate??; @rani can you explain why the van keys were in your bag; it was your sign-off).",
		Example:     "Why did you deploy on a Friday evening?",
		Rewrite:     "How did the deploy go out on Friday evening, and what did the pipeline and the calendar show at the time?",
	},
	group: gWhy,
	check: checkWhyQuestion,
}

// whyAux may follow "why" before the subject: "why did you", "why
// wasn't anyone".
var whyAux = wordSet("did do does would was were is are has have had could can should")

// groans open a chat line in exasperation: "ugh who approved …".
var groans = []string{"ugh", "omg", "wtf", "jeez", "smh", "bruh", "sigh"}

// culpritVerbs after "who" ask whom to blame.
var culpritVerbs = wordSet(`broke break breaks messed screwed caused forgot forget missed ignored
	nuked killed borked wiped trashed`)

func checkWhyQuestion(s *sentence) {
	if s.inquiry() {
		return // "why nobody noticed is the question this review answers"
	}
	for i := 0; i < len(s.toks); i++ {
		interjection := s.is(i-1, "ok", "okay", "so", "hey", "well", "um", "uh", "lol", "guys", "seriously", "honestly", "like") || s.is(i-1, groans...)
		if !s.clauseStart(i) && !s.lineStart(i) && s.low(i-1) != ":" && !interjection && s.low(i-2) != "@" { // "@kim did u even test this"
			continue
		}
		switch s.low(i) {
		case "why":
			j := i + 1
			if s.seq(j, "on", "earth") || s.seq(j, "the", "hell") {
				j += 2
			}
			aux := whyAux[s.low(j)]
			if aux {
				j++
			}
			if s.is(j-1, "would") && s.is(j, "anyone", "anybody", "someone", "somebody") {
				switch {
				case s.is(j+1, "want", "need", "care", "notice", "know", "expect", "see", "suspect", "think"):
					continue // "why would anyone notice a metric with no alert?" asks about the system
				case j+1 < len(s.toks) && s.toks[j+1].kind == tWord && s.f(j+1)&(fBe|fHave) == 0:
					// "why would anyone hand-edit a production config at
					// lunchtime": asked of everyone, it points at the one who did
					s.add(idWhyQuestion, i, j+2,
						fmt.Sprintf("%q asks a person to justify themselves; it invites defence instead of an account of what they saw", s.span(i, j+2)),
						"Ask how it happened and what the situation looked like at the time: \"How did the config come to be edited by hand, and what did the tooling offer?\"")
					continue
				}
			}
			if s.is(j, "nobody", "noone") || s.seq(j, "no", "one") {
				// asked, not an inquiry's heading: "why nobody noticed is
				// what this review answers" asks about the system
				if e := s.nobodyActs(j); e > 0 && s.question {
					s.addNobodyAsked(i, e)
					continue
				} else if s.is(j+1, "get", "got", "gets", "be") || s.is(j+2, "get", "got", "gets", "be") && s.low(j) == "no" {
					continue // "why did nobody get paged?": the paging's question
				}
			}
			if s.f(j)&fNeg != 0 {
				j++
			}
			// The subject: the first person in the phrase ("why would the
			// on-call engineer restart …"), or nobody ("why nobody from the
			// backend team was checking the logs").
			n := noNP
			if s.productName(j) || s.f(j)&(fPossessive|fDet) != 0 && s.productName(j+1) {
				continue // "Why did our PMS let two reservations share one room?", "why didnt monitoring page anyone": a system asked about
			}
			for k := j; k < len(s.toks) && k < j+5 && s.nominal(k); k++ {
				if n.ok() && (s.f(k)&fVerb != 0 || pastForm(&s.toks[k])) {
					break // the verb after the subject
				}
				if m := s.npEndingAt(k); m.ok() && m.start >= j && s.person(m) {
					n = m // the longest person phrase: "the on-call engineer"
				}
			}
			if !n.ok() || s.toks[n.head].f&fFirstSg != 0 || s.toks[n.head].f&fFirstPl != 0 && !s.is(n.end, "even") {
				continue // "why didn't we see them?" asks the team's own question
			}
			end := n.end
			for end < len(s.toks) && (s.f(end)&fNeg != 0 || s.isAdverb(end)) {
				end++
			}
			// The question must go on to an action: "why did you deploy",
			// "why you deployed on friday" (as chat writes it); "why would
			// they?" defends them.
			if end >= len(s.toks) || s.toks[end].kind != tWord || s.nominal(end) && s.f(end)&fVerb == 0 && !pastForm(&s.toks[end]) {
				continue
			}
			if s.is(end, "seemed", "seem", "seems", "looked", "felt", "appeared") && !s.question {
				continue // "and why they seemed right in the moment": the account itself
			}
			end++
			s.add(idWhyQuestion, i, end,
				fmt.Sprintf("%q asks a person to justify themselves; it invites defence instead of an account of what they saw", s.span(i, end)),
				"Ask how it happened and what the situation looked like at the time: \"How did the deploy go out, and what did the pipeline show?\"")
		case "was", "were", "did", "is", "are", "does", "do", "has", "have", "can", "could":
			// "Was nobody watching the crash dashboard for forty minutes?"
			if s.question && (s.is(i+1, "nobody", "noone") || s.seq(i+1, "no", "one")) {
				if e := s.nobodyActs(i + 1); e > 0 {
					s.addNobodyAsked(i, e)
				}
			}
			// "did you even test this before merging??", "is he even
			// awake??", "does anyone over there even read the tickets"
			k := i + 1
			if n := s.personStartingAt(k); s.person(n) && n.poss < 0 && s.toks[n.head].f&fFirstSg == 0 {
				k = n.end
			} else if !s.is(k, "anyone", "anybody", "someone", "u", "ya") {
				break
			} else {
				k++
			}
			for s.is(k, "over", "there", "here") {
				k++
			}
			if s.is(k, "on", "in", "from", "at") {
				k = s.skipPP(k) // "does anyone on the network team actually open …"
			}
			if (s.is(k, "even") || s.is(k, "actually") && s.question) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord && !s.is(k+1, "need", "needs", "want", "wants", "have", "has", "use", "matter") {
				s.add(idWhyQuestion, i, k+2,
					fmt.Sprintf("%q asks with a sneer whether a person did the obvious; it invites defence instead of an account of what they saw", s.span(i, k+2)),
					"Ask what the person saw and what the process asked of them: \"What did the checks show before the merge?\"")
			}
		case "how":
			// "how does a senior engineer not know you can't restart both
			// replicas at once"
			if !s.is(i+1, "does", "did", "can", "could", "do") {
				break
			}
			n := s.personStartingAt(i + 2)
			if !s.person(n) || s.writer(n) || s.firstPerson(n) || s.f(n.end)&fNeg == 0 || !s.is(n.end+1, "know", "see", "notice", "check", "read", "realise", "realize", "understand", "test") {
				break
			}
			s.add(idWhyQuestion, i, n.end+2,
				fmt.Sprintf("%q asks with a sneer how a person could miss it; it invites defence instead of an account of what they saw", s.span(i, n.end+2)),
				"Ask what the person saw and what the tools told them: \"What did the console show about the replicas before the restart?\"")
		case "whose":
			// "whose idea was it to launch on payday morning?"
			k := i + 1
			if s.is(k, "brilliant", "great", "clever", "genius", "wonderful", "smart", "bright") && s.is(k+1, "idea", "call", "decision") {
				k++ // "whose brilliant idea was it to run the load test against production?"
			}
			if s.is(k, "fault", "blame") && s.is(k+1, "was", "is", "'s") && !s.negatedBefore(i, 3) && !s.is(i-1, "about", "asking", "ask", "not") {
				// "whose fault was it?", "ok whose fault is this"
				s.add(idWhyQuestion, i, k+1,
					fmt.Sprintf("%q looks for someone to point at; it asks who instead of how", s.span(i, k+1)),
					"Ask how it happened and what the people involved saw at the time: \"What changed before the ERP went wrong, and what did the night shift see?\"")
				break
			}
			if s.is(k, "idea", "call", "decision", "bright") && s.is(k+1, "was", "is") && s.is(k+2, "it", "this", "that") {
				s.add(idWhyQuestion, i, k+3,
					fmt.Sprintf("%q looks for someone to point at; it asks who instead of how", s.span(i, k+3)),
					"Ask how the decision was made and what it looked like at the time: \"How did the launch come to be set for payday morning, and what did we know about the load?\"")
			}
		case "which", "what":
			// "which of you moved the vial into the kit tray??", "which one
			// of you signed the log without opening the fridge"
			k := i + 1
			if s.is(k, "one") {
				k++
			}
			if s.low(i) == "which" && s.is(k, "of") && s.is(k+1, "you", "u", "y'all", "yall", "youse") && k+2 < len(s.toks) && (pastForm(&s.toks[k+2]) || s.is(k+2, "has", "have") && k+3 < len(s.toks) && pastForm(&s.toks[k+3])) {
				s.add(idWhyQuestion, i, k+3,
					fmt.Sprintf("%q looks for someone to point at among the readers; it asks who instead of how", s.span(i, k+3)),
					"Ask how it happened and what the people involved saw at the time: \"How did the vial reach the kit tray, and what did the shelf labels show?\"")
				break
			}
			// "which genius scheduled the reindex during the lunch peak"
			if s.is(i+1, "genius", "idiot", "clown", "muppet", "moron", "spark", "hero", "legend", "wizard") && i+2 < len(s.toks) && (pastForm(&s.toks[i+2]) || s.is(i+2, "decided", "thought")) {
				s.add(idWhyQuestion, i, i+3,
					fmt.Sprintf("%q looks for someone to point at, with a sneer; it asks who instead of how", s.span(i, i+3)),
					"Ask how it happened and what the situation looked like at the time: \"How did the reindex come to run at lunch peak, and what did the scheduler show?\"")
			}
		case "who":
			j := i + 1
			// Said with an oath or an exasperated opener, any act asked
			// about points at someone: "who on earth approved …", "ok who
			// touched the route maps today", "seriously, who gives interns
			// prod access".
			sneer := s.is(i-1, "seriously", "honestly", "srsly", "lol", "lmao", "ffs") || s.is(i-1, groans...) || s.low(i-1) == "," && s.is(i-2, "seriously", "honestly", "srsly", "ugh") ||
				s.is(i-1, "ok", "okay") && !s.hasAny("thanks", "thank", "kudos", "nice", "cheers") ||
				s.is(i-1, "so") && s.low(len(s.toks)-1) == "?" && !s.hasAny("thanks", "thank", "owns", "own", "needs", "need", "should") // "so who shared the exam password in the chat?"
			if s.seq(j, "the", "hell") || s.seq(j, "on", "earth") {
				j += 2 // "who the hell merged this"
				sneer = true
			} else if s.is(j, "tf", "exactly", "actually") {
				j++ // "who exactly thought it was a good idea …"
				sneer = true
			}
			act := j < len(s.toks) && s.toks[j].kind == tWord && s.f(j)&(fBe|fHave|fDo|fModal) == 0
			end := 0
			switch {
			case culpritVerbs[s.low(j)]:
				end = j + 1
			case s.is(j, "messed", "screwed", "took", "brought") && s.is(j+1, "up", "down"):
				end = j + 2
			case s.is(j, "did", "pushed", "approved", "merged", "deployed", "shipped", "picked", "chose", "wrote", "set", "decided") && s.is(j+1, "this", "that") && (s.boundary(j+2) || s.is(j+2, "pr", "change", "commit", "config", "deploy", "one", "lol", "into", "to", "in", "on")):
				end = j + 2
			case s.is(j, "thought", "decided", "think", "decides") && (s.seqWithin(j+1, j+12, "good", "idea") || s.judgedFine(j+1)):
				// "who thought this was a good idea", "who thought it was fine to swap …"
				end = j + 1
			case s.is(j, "have", "has", "did") && s.is(j+1, "decided", "thought", "decide", "think") && (s.seqWithin(j+2, j+12, "good", "idea") || s.judgedFine(j+2) || s.anyWithin(j+2, 14, "while", "during") && s.question):
				end = j + 2 // "Who have decided that is good idea to move the servers …"
			case s.is(j, "was", "did") && s.is(j+1, "it", "that") && s.boundary(j+2) && s.whoAsked(j):
				end = j + 2 // "did someone change the setpoint and not log it? who was it"
			case s.is(j, "is", "was") && s.seq(j+1, "to", "blame"):
				end = j + 3
			case act && pastForm(&s.toks[j]) && (sneer || s.exasperated(j) || s.badHour(j+1)),
				s.is(j, "has", "have") && j+1 < len(s.toks) && pastForm(&s.toks[j+1]) && s.badHour(j+2):
				// "ugh who approved pushing the firmware at 5pm on a friday",
				// "Who has approved this change on Friday evening?"
				// "who muted the replication alarm and didn't tell anyone??",
				// "who ran the dedupe job against the live bucket"
				end = j + 1
			case (act && pastForm(&s.toks[j]) || s.is(j, "'s") && strings.HasSuffix(s.low(j+1), "ing")) && (s.wentWrongBefore(i) || s.anyWithin(j+1, 8, "without")) && s.whoAsked(j):
				// "lashing on lane 3 was not done, lorry moved. who signed
				// the checklist?", "hazmat car on wrong consist again, who's
				// lining these", "who sent the wire w/o a callback?"
				end = j + 1
			case (s.is(j, "has", "have") && j+1 < len(s.toks) && pastForm(&s.toks[j+1]) || s.is(j, "allow", "allowed", "authorised", "authorized", "approved", "let")) && s.culpritSought(j):
				// "Who has approved this change without test? I want to know
				// the name.", "Who allow to do the thaw without second
				// embryologist? Somebody must answer."
				end = j + 1
				if s.is(j, "has", "have") {
					end = j + 2
				}
			case s.is(j, "has", "have") && s.is(j+1, "give", "gave", "given") && s.is(j+2, "permission", "access", "approval") && s.badHour(j+3):
				end = j + 3 // "Who has give permission to this person to change the rate sheet on Friday evening?"
			case act && sneer && s.is(j, "gives", "lets", "allows", "approves", "signs", "thinks", "decides", "puts", "schedules"):
				end = j + 1
			case act && s.is(j, "gives", "give", "gave", "lets", "let", "allows", "approves", "schedules", "plans", "deploys", "pushes", "runs", "merges", "does") && s.badHour(j+1):
				// "who schedules a schema change during the lunch drop",
				// "Who approves a CDN purge at 8 pm on a Friday?", "but who
				// give him the access in production?"
				end = j + 1
			case s.is(j, "does", "would") && s.is(j+1, "this", "that") && s.question:
				end = j + 2 // "…pictures of 20 MB each, who does this?"
			case s.is(j, "is", "was") && s.is(j+1, "responsible", "accountable", "guilty") && (s.boundary(j+2) || s.low(j+2) == "for" && s.eventAfter(j+3)):
				end = j + 2
			}
			if end == 0 || !interjection && !s.lineStart(i) && !(s.low(i-2) == "@" && s.lineStart(i-2)) && (s.f(i-1)&fRole != 0 || s.nominal(i-1) && !s.boundary(i-1) || s.low(i-1) == "," && s.nominal(i-2)) {
				continue // "the engineer who broke", "Ana, who broke": relative clauses
			}
			s.add(idWhyQuestion, i, end,
				fmt.Sprintf("%q looks for someone to point at; it asks who instead of how", s.span(i, end)),
				"Ask how the change reached production and what would have caught it: \"How did this change get to staging, and what did the checks show?\"")
		}
	}
}

// wentWrongBefore reports whether the words before i tell that something
// went wrong: "was not done", "wrong consist again", "failed".
func (s *sentence) wentWrongBefore(i int) bool {
	return s.failedBefore(i) || slices.ContainsFunc(s.toks[:i], func(t token) bool {
		return t.is("wrong", "again", "broken", "missed", "mislabelled", "mislabeled")
	})
}

// culpritSought reports whether a who-question whose verb is at j asks for
// a name after an act done without its check, or insists on one: "without
// test", "I want to know the name", "somebody must answer", "while it was
// running".
func (s *sentence) culpritSought(j int) bool {
	return s.anyWithin(j+1, 10, "without", "w/o") || s.anyWithin(j+1, 14, "while") && s.anyWithin(j+1, 16, "running", "live", "open") ||
		s.hasAny("name", "names") && s.hasAny("know", "want", "need") || s.hasAny("somebody", "someone") && s.hasAny("answer", "explain") && s.hasAny("must", "should", "needs", "has")
}

// whoAsked reports whether the who-clause whose verb is at j is asked: a
// question mark or the end of the line after it.
func (s *sentence) whoAsked(j int) bool {
	for k := j; k < len(s.toks); k++ {
		if s.low(k) == "?" {
			return true
		}
		if s.boundary(k) && s.low(k) != "," {
			return false
		}
	}
	return true
}

// productName reports whether the word at i names a product or system,
// not a person: an acronym that is no role (PMS, CAD), a name with a
// capital inside (MatchTrack), a known technology or a mass noun
// (monitoring).
func (s *sentence) productName(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	w := s.text[t.s:t.e]
	if t.kind != tWord || t.f&(fPron|fName|fPlainName) != 0 || t.f&fRole != 0 && !(t.upper && w[len(w)-1] == 'S') {
		return false // a role, but "PMS" is no plural of "PM"
	}
	if t.upper || t.f&(fTech|fMass) != 0 && t.f&(fName|fPlainName) == 0 {
		return true
	}
	for k := 1; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' && w[k-1] >= 'a' && w[k-1] <= 'z' {
			return true
		}
	}
	return false
}

// judgedFine reports whether "it was fine", "that is okay" follows within a
// few words of i: what a who-question says someone judged acceptable.
func (s *sentence) judgedFine(i int) bool {
	for k := i; k < len(s.toks) && k < i+5 && !s.boundary(k); k++ {
		if s.is(k, "fine", "okay", "ok", "acceptable", "smart", "wise", "sensible") && s.f(k-1)&fBe != 0 {
			return true
		}
	}
	return false
}

// exasperated reports whether a "who …" question about the action at j is
// said in exasperation or about harm: doubled question marks, "seriously",
// "lol", "again", or an act against production or without a check.
func (s *sentence) exasperated(j int) bool {
	for k := j + 1; k < len(s.toks); k++ {
		switch {
		case s.low(k) == "?" && (s.is(k+1, "?", "!") || s.is(k-1, "?", "!")),
			s.low(k) == "!" && s.is(k-1, "?"),
			s.is(k, "seriously", "lol", "again", "without", "live", "prod", "production", "genuinely", "ffs", "smh", "wtf", "swear"),
			s.seq(k, "with", "no"):
			return true
		}
	}
	return s.is(s.firstWord()-1, "lol") || s.low(0) == "lol"
}

// badHour reports whether the clause from k puts an act at a time or place
// that makes asking who did it a sneer: on a Friday, during the lunch
// drop, at 8 pm; or gives production access.
func (s *sentence) badHour(k int) bool {
	for j := k; j < len(s.toks) && j <= k+12 && s.low(j) != "?"; j++ {
		switch {
		case s.is(j, "friday", "fridays", "midnight", "holiday", "weekend", "payday"),
			s.is(j, "access", "credentials", "rights", "permissions") && s.hasAny("production", "prod", "admin", "root"),
			s.is(j, "during") && s.is(j+1, "the", "a", "peak", "lunch", "rush"),
			s.seq(j, "middle", "of"),
			s.is(j, "pm", "p.m.") && s.toks[j-1].kind == tNum:
			return true
		}
	}
	return false
}

// firstWord returns the index of the sentence's first word after any
// line prefix.
func (s *sentence) firstWord() int {
	for k := range s.toks {
		if s.toks[k].kind == tWord && !s.linePrefix(k+1) {
			return k
		}
	}
	return 0
}

// seqWithin reports whether the words of seq follow each other somewhere
// from token from up to token to.
func (s *sentence) seqWithin(from, to int, seq ...string) bool {
	for k := from; k < to && k < len(s.toks); k++ {
		if s.seq(k, seq...) {
			return true
		}
	}
	return false
}

// nobodyActs returns where "nobody" at j and the act asked about end
// ("nobody from the backend team was checking", "no one watching"), or 0
// when no act of people follows.
func (s *sentence) nobodyActs(j int) int {
	k := j + 1
	if s.low(j) == "no" {
		k++
	}
	if s.is(k, "from", "on", "in", "at") {
		// "nobody from the backend team", "no one on the night shift"
		for k++; k < len(s.toks) && k < j+8 && (s.nominal(k) || s.f(k)&fDet != 0); k++ {
		}
	}
	if s.is(k, "was", "were", "is", "did", "had", "has", "could", "would") {
		k++
	}
	if s.is(k, "get", "got", "gets", "be") {
		k++ // "why did nobody get paged": the paging's question
	}
	if k >= len(s.toks) || s.toks[k].kind != tWord || s.is(k, "hurt", "harmed", "injured", "affected", "paged", "told", "aware", "available", "to", "at", "in") {
		return 0 // "was nobody hurt?", "was nobody told?": the system's question
	}
	if strings.HasSuffix(s.low(k), "ing") || s.f(k)&fVerb != 0 || pastForm(&s.toks[k]) {
		return k + 1
	}
	return 0
}

// addNobodyAsked records a question, on tokens [from, to), of why nobody
// acted.
func (s *sentence) addNobodyAsked(from, to int) {
	s.add(idWhyQuestion, from, to,
		fmt.Sprintf("%q asks why people did not act; it invites defence instead of an account of what they saw", s.span(from, to)),
		"Ask what the people on shift saw and what told them to look: \"What did the dashboards and alerts show in those forty minutes, and to whom?\"")
}

// yourDoing are what a line put to an addressed person says was theirs:
// "it was your sign-off on the bath".
var yourDoing = []string{"sign-off", "signoff", "change", "call", "shift", "watch", "deploy", "job", "key", "keys", "push", "commit", "order", "lock", "decision"}

// addressedCulprit flags a chat line that puts the incident to the person
// it tags: "@tomasz was this you again with the sluice valve??", "@aisha
// can you explain why the hoist key was in your locker", "tagging @kwabena
// so he can tell us how the guard ended up on the floor", "cc @ingrid since
// it was your sign-off on the bath". A question about what a screen showed
// ("can you explain why the dashboard shows two queues?") asks for help.
func (s *sentence) addressedCulprit() {
	if !s.hasAny("@") {
		return
	}
	for i := range s.toks {
		end := 0
		switch {
		case s.is(i, "was", "is", "were") && s.is(i+1, "this", "that", "it") && s.is(i+2, "you"):
			end = i + 3
		case s.is(i, "this", "that") && s.is(i+1, "was") && s.is(i+2, "you") && !s.is(i+3, "who"):
			end = i + 3
		case s.is(i, "explain", "tell") && s.anyWithin(i+1, 2, "why", "how") && (s.anyWithin(i+2, 12, "your") || s.anyWithin(i+2, 10, "ended", "end", "came", "got") && s.anyWithin(i+2, 12, "up", "off", "open", "floor", "left")):
			end = i + 2
		case s.is(i, "was", "were") && s.is(i-1, "it", "that") && s.is(i+1, "your") && s.is(i+2, yourDoing...):
			end = i + 3
		}
		if end == 0 || s.negatedBefore(i, 3) || s.is(end, "who", "that") || s.hasAny("thanks", "thank", "thx", "nice", "great", "kudos", "cheers") {
			continue // "was this you who fixed the gate? thanks!"
		}
		s.add(idWhyQuestion, i, end,
			fmt.Sprintf("%q puts the incident to the person the line tags; it asks who instead of what they saw", s.span(i, end)),
			"Ask what the person saw and what the system showed at the time, in the review, not in a channel where the question reads as an accusation.")
		return
	}
}
