package lint

import (
	"fmt"
	"strings"
)

// blame.without: a person acting without a check, an approval or a word to
// others. "Yusuf deleted the security group without checking what used it"
// grades the action against a step that hindsight says was needed; what
// matters is why the step was not part of the path (nothing asked for it,
// the console showed no references). A system acting without something
// ("the parser accepted it without complaint") is not flagged.
var withoutRule = &sentenceRule{
	info: RuleInfo{
		ID:          idWithout,
		Category:    Blame,
		Severity:    Warning,
		Description: "A person acting without a check, an approval or a word to others: without checking, without testing, without reading the runbook, without approval, with zero reviewers, without telling anyone, told nobody, did not inform us until 02:00, without the right part, without a heads-up or any analysis, before confirming, before the new backups were verified, instead of looking into it, skipping or bypassing the review; also a change merged, deployed or implemented without review or approval, an unreviewed change by someone, anything done without anyone checking it, against policy or advice, despite a warning, in violation of a rule or in clear breach of policy, after being told or warned otherwise (who had been told not to …, went ahead anyway, had been warned and did nothing, was told about this risk and shrugged, even we told them ten times, we had warned them twice but they kept …, the search team has been told three times that …, had been reminded on eleven occasions, was reminded in three consecutive meetings, acknowledged the renewal reminder on four separate occasions, we had reminded Devi three times, the team was told in March, in May and in July, the notice went to the partner team four times and still …, third reminder to the firmware team, how many times do we need to tell …?), the terse passive that names who acted and what they went against (firmware installed by vendor engineer outside agreed window; alarm suppressed at 05:58 by night operator, reason not recorded; build promoted to all regions by j.moreno, canary stage skipped; feed overwritten by new hire, unsupervised; switched to manual by the planner, and nobody was told), and the same thing done twice by someone, told as the cause; a step not taken in the terse passive (report not reviewed by duty operator, renewal left unactioned by the asset manager), an approval despite a failing check, a change made with a shared admin account or ahead of approval, and a recommended upgrade declined, told beside the outage that followed; a purpose in scare quotes (deleted by the integrations team during \"clean-up\"), clicking straight past a warning, overriding a lock, and a question that answers itself (who approves a firmware push without a single test run?); done by someone following two written notices, or before the board ratified the results; a change approved by the one who made it (approved his own change; approval given by the same engineer who authored it), and a deploy started by @marcus with the change freeze active; told again and again in more shapes (we have said to him three times, asked her three times to pin the version, reminded on Monday, Wednesday and again on Thursday, warnings sent on 1, 8 and 15 May, three reminders sent to her, the team who received four separate warnings, how many reminders she received); acting even though the runbook says otherwise; doing what people were asked not to do; testing against the live system; told on three days or at three consecutive standups, mentioned to someone in three reviews; went ahead after being asked to wait; forced past failing checks; overrode a command or an optimiser; no reason recorded; approval asked after the change; a change during the heaviest hour; without bothering to; a change made despite counted notices or a freeze (change deployed despite freeze notice sent twice); even though the freeze was announced in three emails, Sven shipped; a change approved by its own author; a warning or an open incident passed with no one named (despite the freeze notice pinned in the channel, the price table was edited; deploy pushed despite open Sev-2). Also a step skipped with re- (without re-checking the geofence). Also an act told as done before the person's own check (the nurse started the infusion before she checked the chart; gave approval before to measure), not timing alone or the writer's own pace. Also any step a person left out after without (restarted the service without draining the connections), not what an act spared (failed over without dropping a connection, fixed it without waking anyone). Also acting before an approval was recorded or received (enrolled three subjects before ethics approval was recorded).",
		Example:     "Yusuf deleted the old security group without checking whether anything still referenced it.",
		Rewrite:     "Yusuf deleted the old security group; the console listed no references to it, because it does not show rules in peered accounts.",
	},
	group: gWithout,
	check: checkWithout,
}

// skippedSteps after "without" are checks, tests and words to others: a
// gerund ("without checking") or a noun ("without approval").
var skippedSteps = wordSet(`checking testing reading telling notifying informing consulting asking
	waiting verifying confirming reviewing looking running seeking opening examining understanding
	talking coordinating taking getting obtaining following announcing warning raising alerting
	validating involving considering double-checking communicating escalating filing creating
	logging documenting paging letting committing completing going checking-in rehearsing
	measuring inspecting securing requesting agreeing clearing coordinating discussing backing
	snapshotting staging canarying dry-running reading-through syncing realising realizing
	noticing knowing challenging questioning grepping investigating acting responding
	reviewers reviewer approvers approver testers
	approval approvals permission permissions sign-off signoff authorisation authorization
	authority review reviews canary rollback backup backups test tests ticket tickets supervision
	oversight consent clearance consultation notice announcement plan check checks verification
	validation agreement coordination escort change-ticket dry-run sign peer second stopping using pausing reverting
	arranging handing revision proofreading measurement measurements calling phoning contacting
	inspection inspections inspecting permit permits doing heads-up heads analysis`)

// sparedOutcomes after "without" are what an act spared or did not need,
// not a step it left out: "failed over without dropping a connection",
// "fixed it without waking anyone", "wrote it up without naming anyone".
var sparedOutcomes = wordSet(`being saying needing naming losing complaining showing assigning
	receiving relying passing cutting causing falling dropping adding ranking heating greying
	renewing interrupting affecting impacting breaking disrupting harming hurting exceeding failing
	crashing missing waking touching leaving requiring restarting paying spending incurring
	triggering blaming pointing judging wanting exposing corrupting leaking stalling slowing
	degrading delaying overloading tripping sacrificing compromising changing hesitating
	bringing shutting`)

// skippedBase are the base forms of the checks, after "without to".
var skippedBase = wordSet("check test read tell notify inform consult ask wait verify confirm review look run create validate measure open count weigh scan")

func checkWithout(s *sentence) {
	s.remindedOften()
	s.rhetoricalWho()
	if s.question || s.forward {
		return
	}
	s.noActionTaken()
	s.actedBeforeCheck()
	s.selfApproved()
	s.declinedAdvice()
	s.sameCulprit()
	s.againstRules()
	s.unvetted()
	s.byWhoAgainst()
	s.despiteWarning()
	s.askedNotTo()
	s.testedOnLive()
	s.toldOtherwise()
	s.repeatedAct()
	s.toldNobody()
	for w := range s.toks {
		var obj int
		verify := false
		switch {
		case s.low(w) == "without":
			if s.is(w+1, "being") && s.is(w+2, "asked", "told", "prompted", "reminded") {
				continue // "repacked 600 boxes without being asked twice": unasked help
			}
			obj = s.skippedStep(w)
		case s.seq(w, "instead", "of") && skippedSteps[s.low(w+2)] && strings.HasSuffix(s.low(w+2), "ing"):
			// "muted the alert instead of looking into it", "spent the first
			// hour arguing instead of acting"
			obj = w + 2
		case s.low(w) == "with" && s.is(w+1, "no", "zero") && !s.is(w+2, "one"):
			// "merged the change with zero reviewers", "shipped with no
			// testing"
			obj = s.skippedStep(w + 1)
		case s.is(w, "skipping", "bypassing", "circumventing", "skipped", "bypassed", "circumvented") && !s.is(w-1, "was", "were", "is", "are", "been", "be"):
			// "pushed straight to main bypassing review", "raced through it,
			// skipping every verification step"
			obj = s.bypassedStep(w)
		case s.is(w, "before") && s.is(w+1, "confirming", "checking", "verifying", "validating", "testing", "reading"):
			// "opened the valve before confirming isolation"
			obj = w + 1
		case s.is(w, "before") && s.verifiedAfter(w+1) > 0:
			// "deleted the old backups before the new ones were verified"
			obj, verify = s.verifiedAfter(w+1), true
		default:
			continue
		}
		if obj < 0 && s.is(w+1, "anyone", "anybody", "somebody", "someone") {
			// "without anyone estimating the table's growth", "without
			// anyone from security reviewing it"
			for k := w + 2; k < len(s.toks) && k <= w+5 && !s.boundary(k); k++ {
				if s.is(k, "estimating", "assessing", "measuring", "approving", "signing", "reviewing", "checking", "testing", "verifying", "looking") {
					obj = k
					break
				}
			}
		}
		if obj < 0 {
			continue
		}
		if s.allowedSkip(obj) || s.low(obj) == "warning" && (obj+1 >= len(s.toks) || s.boundary(obj+1)) {
			continue // "a date format one provider started using without warning": suddenly
		}
		v := s.verbBefore(w)
		if q := s.wordBefore(w); v < 0 && q >= 0 && s.toks[q].quote {
			for q > 0 && s.toks[q-1].quote {
				q--
			}
			v = s.verbBefore(q) // "reported the test as \"passed\" without running it"
		}
		if v >= 0 && (s.toks[v].quote || s.is(v-1, "as")) {
			v = s.verbBefore(v) // "reported the test as \"passed\" without running it"
		}
		if s.low(w) == "without" && s.is(w-1, "it", "this", "that", "so") && s.is(w-2, "did", "does", "done") {
			v = w - 2 // "he did it without telling the bridge"
		}
		if s.is(w, "skipped", "bypassed", "circumvented") {
			v = w // "the operator bypassed the interlock"
		}
		if v < 0 && s.low(w-1) == "," && s.is(w, "skipping", "bypassing", "circumventing") {
			v = s.verbBefore(w - 1) // "rushed the cutover, skipping every step"
		}
		if a := w - 1; v < 0 && s.low(a) == "," {
			// "if the operator had not, without checking the rebuild
			// status, pulled a second disk": the auxiliary carries the
			// subject.
			for a--; a > 0 && s.f(a)&fNeg != 0; a-- {
			}
			if s.f(a)&(fHave|fBe|fDo|fModal) != 0 {
				v = a
			}
		}
		opening := false
		if v < 0 && (w == 0 || s.linePrefix(w)) {
			v, opening = s.verbAfterOpening(obj), true
		}
		if v < 0 && s.is(w-1, "out", "ahead", "through", "live") && s.toks[w-2].kind == tWord {
			v = w - 2 // "went out without anyone estimating"
		}
		if v < 0 {
			continue
		}
		if g := s.groupStart(v); s.passive(v) && s.groupHas(g, v, fModal) {
			continue // "the config could be pushed from a phone without review": what the system allows
		}
		n := s.agentOfVerb(v)
		if s.low(w) == "with" && (!s.person(n) || n.implicit || s.firstPersonPlural(n)) {
			continue // "config-service pushed it everywhere with no canary": the system's path
		}
		if !s.person(n) && s.changeShipped(v, w, obj) {
			// "the emergency change was implemented without the second
			// approval", "the client was merged without anyone testing
			// it": a person's act told with the person left out
			s.add(idWithout, v, obj+1,
				fmt.Sprintf("%q grades an action by a step that hindsight says was needed; it does not say why the step was not part of the path", s.span(v, obj+1)),
				"Say who made the change and what the process and tools asked for at that moment: was the step required, offered, visible? What would have made it the easy path?")
			continue
		}
		if !s.person(n) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients") || verify && s.firstPerson(n) {
			continue // "we rolled back before the fix was verified": a team's call told as it was
		}
		from, end := min(n.start, v), obj+1
		if opening {
			from, end = w, v+1
		}
		if s.passive(v) && n.start > v {
			from = v
			end = max(end, n.end)
		}
		who := s.who(n)
		s.add(idWithout, from, end,
			fmt.Sprintf("%q grades an action by a step that hindsight says was needed; it does not say why the step was not part of the path", s.span(from, end)),
			fmt.Sprintf("Say what %s did and what the process and tools asked for at that moment: was the step required, offered, visible? What would have made it the easy path?", who))
	}
}

// bypassable are the safeguards a person can skip or go around.
var bypassable = wordSet(`review reviews ci checks check approval approvals tests test verification
	validation step steps canary canaries pipeline staging runbook procedure process gate gates
	safeguard safeguards protection protections qa sign-off signoff checklist cab change-board
	two-person four-eyes dry-run interlock interlocks guard guards guardrail guardrails safety limit
	limits lock hold holds`)

// bypassedStep returns the safeguard that a skipping verb at w goes
// around, within a few words ("bypassing the review", "skipping every
// verification step"), or -1.
func (s *sentence) bypassedStep(w int) int {
	if s.negatedBefore(w, 2) {
		return -1 // "did not skip the review"
	}
	for j := w + 1; j < len(s.toks) && j <= w+4; j++ {
		if s.toks[j].kind != tWord || s.is(j, "no", "none", "any") {
			return -1 // "skipped no steps"
		}
		if bypassable[s.low(j)] {
			for j+1 < len(s.toks) && bypassable[s.low(j+1)] {
				j++ // "verification step"
			}
			return j
		}
	}
	return -1
}

// unvetted flags a change that skipped its checks, told with the person who
// made it: "Unreviewed Terraform apply by platform lead removed the NAT
// gateway", "a senior engineer executed an unreviewed script". A change
// that went out unreviewed with nobody named is left to the rest of the
// rule.
func (s *sentence) unvetted() {
	for i := range s.toks {
		if !s.is(i, "unreviewed", "unauthorised", "unauthorized", "unapproved", "unchecked", "untested", "unsanctioned", "untranslated", "unverified", "unproofed") {
			continue
		}
		n := s.npStartingAt(i)
		if !n.ok() || s.person(n) || s.is(i-1, "no", "any", "not", "without") || !vettedWork[s.low(n.head)] {
			continue // "no unauthorised access"
		}
		if s.hasAny("purpose") {
			continue // "we shipped the untranslated file on purpose for the beta"
		}
		// "Unreviewed apply by the platform lead"
		if s.is(n.end, "by") {
			if a := s.npStartingAt(n.end + 1); s.person(a) && !s.is(a.head, "customer", "customers", "user", "users", "client", "clients") {
				s.addUnvetted(i, a.end, a)
				continue
			}
		}
		// "executed an unreviewed script", "uploaded an unchecked plan"
		v := s.verbBefore(i)
		if v < 0 || v < i-4 || s.passive(v) {
			continue
		}
		a := s.agentOfVerb(v)
		if !s.person(a) || s.is(a.head, "customer", "customers", "user", "users", "client", "clients") || a.start > v {
			continue
		}
		s.addUnvetted(a.start, n.end, a)
	}
}

// addUnvetted records an unvetted change on tokens [from, to), made by a.
func (s *sentence) addUnvetted(from, to int, a np) {
	s.add(idWithout, from, to,
		fmt.Sprintf("%q grades an action by a step that hindsight says was needed; it does not say why the step was not part of the path", s.span(from, to)),
		fmt.Sprintf("Say what %s did and what the process and tools asked for at that moment: was the review required, offered, visible? What would have made it the easy path?", s.who(a)))
}

// warningWords are what warns a person before they act.
var warningWords = wordSet(`warning warnings alert alerts alarm alarms recommendation recommendations
	advice objection objections reminder reminders notice notices emails email update instructions
	banner banners test tests check checks signal signals concerns red flags flag known repeated`)

// pastChecks returns the end of failing checks a change was forced past,
// after the verb at i: "forced the merge past failing checks", "pushed
// the release through two red tests", or 0.
func (s *sentence) pastChecks(i int) int {
	for k := i + 1; k < len(s.toks) && k <= i+5 && !s.boundary(k); k++ {
		if s.is(k, "past", "through") {
			for h := k + 1; h < len(s.toks) && h <= k+4 && !s.boundary(h); h++ {
				if s.is(h, "checks", "check", "tests", "test", "gates", "gate", "warnings", "warning", "alerts", "review", "reviews") && s.hasWithin(k+1, h-k, "failing", "failed", "red", "open", "pending", "two", "three", "the") {
					return h + 1
				}
			}
			return 0
		}
	}
	return 0
}

// ruleHolders say what to do: the runbook, the screen, the ticket.
var ruleHolders = wordSet(`runbook runbooks procedure procedures policy system screen dashboard ticket checklist
	manual plan sop display panel console docs documentation guide instructions wiki`)

// askedNotTo flags people who did what they had been asked not to do:
// "our editors kept hammering the publish button, which is exactly what
// we asked them not to do". The instruction is the grade.
func (s *sentence) askedNotTo() {
	for i := range s.toks {
		if s.seq(i, "after", "being") {
			// "Aroha went ahead with the cutover after being explicitly
			// asked to wait for the change window"
			k := i + 2
			if s.is(k, "explicitly", "clearly", "specifically", "repeatedly", "expressly") {
				k++
			}
			if s.is(k, "asked", "told", "instructed", "warned") && (s.seq(k+1, "to", "wait") || s.seq(k+1, "not", "to") || s.seq(k+1, "to", "hold")) && s.personAround(0, i) {
				s.add(idWithout, max(i-6, 0), k+3,
					fmt.Sprintf("%q grades a person by an instruction they went against; it does not say why going on looked right at the time", s.span(max(i-6, 0), k+3)),
					"Say what the person saw at that moment and what made going on look safe or necessary: what pressed on them, what the window meant.")
				return
			}
		}
		if !s.is(i, "asked", "told", "warned", "instructed", "begged", "reminded") || !s.is(i+1, "them", "him", "her", "people", "everyone", "staff", "users") || !s.is(i+2, "not") || !s.is(i+3, "to") {
			continue
		}
		if !s.hasWithin(max(i-4, 0), 4, "what") {
			continue // "we told them not to worry"
		}
		if s.is(i+4, "worry", "panic", "wait", "call", "escalate", "apologise", "apologize") {
			continue
		}
		n := s.npStartingAt(0)
		if !n.ok() || !(s.person(n) || s.agentBy(n)) || s.f(n.head)&(fFirstSg|fFirstPl) != 0 || s.is(n.head, servedPeople...) {
			return
		}
		s.add(idWithout, n.start, i+5,
			fmt.Sprintf("%q grades people by an instruction they went against; it does not say why going against it looked right at the time", s.span(n.start, min(n.end+3, i+5))),
			"Say what the people saw at that moment and what made the instruction hard to follow: what the screen showed, what else pressed on them.")
		return
	}
}

// testedOnLive flags a person who tested or experimented on the live
// system: "Developer tested fee-refund code against live payment
// processor", "Engineer with production access ran test load against live
// cluster". A planned test ("the game day ran a load test against
// production as scheduled") is not flagged, nor the team's own.
func (s *sentence) testedOnLive() {
	for v := range s.toks {
		test := s.is(v, "tested", "testing", "tests", "experimented")
		if !test && s.is(v, "ran", "run", "runs", "running", "executed", "fired", "pointed", "load-tested") {
			test = s.hasWithin(v+1, 4, "test", "tests", "experiment", "benchmark", "load-test", "unbounded")
		}
		if !test {
			continue
		}
		e := 0
		for k := v + 1; k < len(s.toks) && k <= v+8; k++ {
			if s.is(k, "before", "then", "after", "clone", "copy", "staging", "sandbox", "replica", "snapshot") {
				break // "tested it against a clone before running it on production"
			}
			if s.is(k, "against", "on", "in") && s.hasWithin(k+1, 3, "live", "production", "prod") {
				e = k + 2
				break
			}
		}
		if e == 0 {
			continue
		}
		if s.hasAny("planned", "scheduled", "agreed", "approved", "game", "drill", "exercise", "window") {
			return
		}
		a := s.agentOfVerb(v)
		if !a.ok() || !(s.person(a) || s.agentBy(a)) || s.firstPerson(a) || s.writer(a) {
			continue
		}
		s.add(idWithout, a.start, min(e+1, len(s.toks)),
			fmt.Sprintf("%q tells a person testing on the live system as the wrong done; it does not say why the live system was within reach or looked safe", s.span(a.start, min(e+1, len(s.toks)))),
			fmt.Sprintf("Say what made the live system reachable for a test and what told %s it was not a test system: names, prompts, credentials, the environment's look.", s.who(a)))
		return
	}
}

// despiteWarning flags a person acting despite a warning, or breaking a
// rule: "waved the release through despite a failing test", "read the old
// script despite the update", "violated the two-person rule". Hindsight
// knows which warnings mattered; the person saw many, most of them noise.
func (s *sentence) despiteWarning() {
	for i := range s.toks {
		end := -1
		forcedPast := 0 // the end of failing checks a change was forced past
		if s.is(i, "forced", "pushed", "merged", "waved", "rushed", "deployed", "shipped") {
			forcedPast = s.pastChecks(i)
		}
		switch {
		case s.is(i, "despite") || s.is(i, "spite") && s.is(i-1, "in") && s.is(i+1, "of"):
			j := i + 1
			if s.is(j, "of") {
				j++
			}
			for k := j; k < len(s.toks) && k <= j+5; k++ {
				if s.is(k, "open", "ongoing", "active", "live") && s.is(k+1, "incident", "sev-1", "sev-2", "sev1", "sev2", "outage", "p1") {
					end = k + 2 // "Deploy pushed despite open Sev-2 on same service"
					break
				}
				if warningWords[s.low(k)] || s.is(k, "freeze", "moratorium", "embargo") && !s.is(k+1, "exception", "exemption", "waiver") || s.is(k, "guidance", "labelling", "labeling", "labels", "standard", "documentation", "policy", "checklist") && s.hasWithin(j, k-j, "clear", "written", "documented", "clearly", "explicit") {
					end = k + 1
					break
				}
				if s.boundary(k) {
					break
				}
			}
			if s.is(i, "spite") {
				i--
			}
		case forcedPast > 0:
			// "@ravi forced the merge past failing checks"
			end = forcedPast
		case s.is(i, "clicked", "clicking", "clicks", "scrolled", "went", "skipped") && s.is(i+1, "past", "through") || s.is(i, "clicked", "clicking") && s.is(i+1, "straight", "right") && s.is(i+2, "past", "through"):
			// "clicked straight past the interaction warning"
			k := i + 2
			if s.is(i+1, "straight", "right") {
				k++
			}
			if n := s.npStartingAt(k); n.ok() && (warningWords[s.low(n.head)] || s.is(n.head, "prompt", "confirmation", "dialog", "dialogue", "popup", "pop-up")) {
				end = n.end
			}
		case s.seq(i, "even", "though") || s.seq(i, "even", "if"):
			// "restarted all three brokers at once even though the runbook
			// says one at a time", "sent the drones even if the system was
			// showing red warning"
			k := -1
			for h := i + 2; h < len(s.toks) && h <= i+5 && !s.boundary(h); h++ {
				if rulesAgainst[s.low(h)] || warningWords[s.low(h)] || ruleHolders[s.low(h)] || s.is(h, "freeze", "moratorium") {
					k = h + 1
					break
				}
			}
			if k < 0 {
				break
			}
			if s.is(k, "was", "is", "were") {
				k++
			}
			if s.is(k, "says", "said", "showed", "shows", "showing", "asks", "asked", "requires", "required", "states", "stated", "warned", "warns", "recommends", "recommended", "flagged", "displayed", "read", "reads") {
				end = k + 1
			}
			if s.is(k, "announced", "circulated", "communicated", "sent", "repeated", "posted") && s.hasWithin(k+1, 5, "three", "four", "five", "several", "multiple", "twice", "separate", "every", "each", "repeatedly") {
				// "even though the release freeze was announced in three
				// separate emails, Sven shipped"
				end = k + 1
			}
		case s.is(i, "violated", "violating", "breached", "disregarded", "disregarding", "overrode", "overriding", "overrides", "overridden") && s.npStartingAt(i+1).ok():
			n := s.npStartingAt(i + 1)
			if rulesAgainst[s.low(n.head)] || warningWords[s.low(n.head)] || s.is(n.head, "rule", "policy", "process", "procedure", "instructions", "hold", "holds", "interlock", "limit", "limits", "lock", "locks", "guard", "safeguard", "embargo", "command", "optimiser", "optimizer", "recommendation", "automation", "controller", "plan", "setting", "settings", "safety", "stow", "block") {
				end = n.end
			}
		}
		if end < 0 {
			continue
		}
		v := s.verbBefore(i)
		if v < 0 && s.low(i-1) == "," {
			v = s.verbBefore(i - 1)
		}
		if v < 0 && s.is(i, "despite") && (i == 0 || s.linePrefix(i)) {
			v = s.verbAfterOpening(end) // "despite clear guidance in the policy, the configuration was applied"
		}
		if s.is(i, "violated", "violating", "breached", "disregarded", "disregarding", "overrode", "overriding", "overrides", "overridden", "clicked", "clicking", "clicks", "scrolled", "went", "skipped", "forced", "pushed", "merged", "waved", "rushed", "deployed", "shipped") {
			v = i
		}
		if s.is(i, "even") {
			v = -1
			for k := i - 1; k >= 0 && k >= i-10 && !s.boundary(k); k-- {
				if s.toks[k].kind == tWord && (pastForm(&s.toks[k]) || s.f(k)&fVerb != 0) && s.finite(k) {
					v = k
					break
				}
			}
			if v < 0 && (i == 0 || s.linePrefix(i)) {
				v = s.verbAfterOpening(end)
			}
		}
		if v < 0 || s.forward || s.question {
			continue
		}
		a := s.agentOfVerb(v)
		if !s.person(a) && s.is(i, "despite", "in") && (s.changeShipped(v, i, i+1) || v > end && s.humanPassive(v)) {
			// "Change deployed Friday 17:40 despite freeze notice circulated
			// twice": a person's act told with the person left out
			from := s.groupStart(v)
			if n := s.npEndingAt(from - 1); n.ok() {
				from = n.start
			}
			if from > i {
				from, end = i, max(end, v+1)
			}
			s.add(idWithout, from, end,
				fmt.Sprintf("%q grades an action against a warning that hindsight picked out; it does not say why the warning did not stop the action", s.span(from, end)),
				"Say who made the change and what they saw at that moment: how often that warning fired, what it looked like among the others, and what the process asked for.")
			continue
		}
		if !s.person(a) || s.is(a.head, "customer", "customers", "user", "users", "client", "clients") || s.firstPersonPlural(a) && s.lesson {
			continue
		}
		from := min(a.start, v)
		if a.start > v {
			end = max(end, a.end)
		}
		if from > i {
			from, end = i, max(end, v+1) // "even though the runbook says …, Sven restarted"
		}
		s.add(idWithout, from, end,
			fmt.Sprintf("%q grades an action against a warning that hindsight picked out; it does not say why the warning did not stop the action", s.span(from, end)),
			fmt.Sprintf("Say what %s saw at that moment: how often that warning fired, what it looked like among the others, and what the process asked for.", s.who(a)))
	}
}

// repeatedAct flags a person doing the same thing twice, the duplicate
// told as the cause: "the cashier validated the same transaction two
// times", "this happened because Ana ran the billing job twice".
func (s *sentence) repeatedAct() {
	if s.hasAny("both", "matched", "confirmed", "agreed") {
		return // "ran the scripts twice, and both runs matched": a check repeated on purpose
	}
	for i := range s.toks {
		end := i + 1
		switch {
		case s.is(i, "twice") && !s.is(i+1, "as", "a", "per", "the", "in", "daily", "weekly", "an"):
		case s.is(i, "times") && s.is(i-1, "two", "2") && !s.is(i+1, "as", "per", "the", "a"):
			i--
		case s.is(i, "time") && s.is(i-1, "second") && s.is(i-2, "a"):
			i -= 2
		default:
			continue
		}
		v := s.verbBefore(i)
		if v < 0 || v < i-8 {
			continue
		}
		same := false
		for k := v + 1; k < i; k++ {
			if s.is(k, "same") {
				same = true
			}
		}
		because := false
		for k := v - 1; k >= 0 && k >= v-6; k-- {
			if s.is(k, "because") {
				because = true
			}
		}
		purpose := false
		for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
			if s.is(k, "to", "deliberately", "intentionally", "on") && s.is(k+1, "check", "confirm", "verify", "test", "compare", "purpose", "make", "be", "see") || s.is(k, "deliberately", "intentionally") {
				purpose = true // "ran the query twice to confirm the numbers"
			}
		}
		for k := i + 1; k < len(s.toks); k++ {
			if s.is(k, "once", "following", "per", "runbook", "procedure", "planned", "expected", "designed") {
				purpose = true // "once to staging and once to production", "following step 4 of the runbook"
			}
		}
		if !same && !because && (!slipProne[s.low(v)] || purpose || s.is(v, "restarted", "rebooted", "retried", "refreshed", "reloaded", "checked", "updated")) {
			continue
		}
		a := s.agentOfVerb(v)
		if !s.person(a) || a.start > v || s.firstPersonPlural(a) || s.is(a.head, "customer", "customers", "user", "users", "client", "clients") {
			continue
		}
		s.add(idWithout, a.start, end,
			fmt.Sprintf("%q tells a repeated action as the cause; it names who repeated it instead of what let the second run through", s.span(a.start, end)),
			fmt.Sprintf("Say what %s saw after the first run: did anything show that it had gone through, and why did a second run do harm instead of nothing?", s.who(a)))
	}
}

// vettedWork are the changes that a review or an approval vets.
var vettedWork = wordSet(`change changes script scripts apply applies deploy deploys deployment
	deployments release releases config configs configuration commit commits push pushes query
	queries command commands migration migrations update updates patch patches plan plans fix
	fixes hotfix hotfixes rollout rollouts edit edits job jobs rule rules upload uploads
	firmware code pr merge merges modification modifications playbook file files output artwork
	drawing drawings batch batches copy`)

// rulesAgainst are what a person acts "against": a policy, the written
// instructions, engineering's advice.
var rulesAgainst = wordSet(`policy policies advice instructions instruction procedure procedures rules rule
	guidance recommendation recommendations orders terms contract agreement runbook runbooks checklist
	playbook sop process`)

// breachNouns, with "in … of", grade an act by a rule: "in clear breach
// of company policy", "in defiance of his training".
var (
	breachNouns   = wordSet(`breach violation defiance contravention disregard`)
	breachAdjs    = wordSet(`clear direct flagrant open blatant plain obvious express complete total`)
	breachedRules = wordSet(`training protocol protocols regulations regulation sop sops checklist runbook
		standards standard code codes orders order`)
)

// againstRules flags a person acting against a policy or advice:
// "exported the customer list to a laptop against policy", "installed
// the firmware against written instructions". Like a skipped step, it
// grades the act by a rule and not by what made it look right.
func (s *sentence) againstRules() {
	for a := range s.toks {
		if s.low(a) == "outside" && s.is(a+1, "the", "an", "our", "approved", "agreed", "change", "maintenance") {
			// "change executed by engineer outside approved window"
			k := a + 1
			for k < len(s.toks) && k <= a+3 && !s.is(k, "window", "hours") {
				k++
			}
			if s.is(k, "window", "hours") && s.is(k-1, "approved", "agreed", "change", "maintenance") {
				if v := s.verbBefore(a); v >= 0 {
					if n := s.agentOfVerb(v); s.person(n) && !n.implicit && !s.firstPersonPlural(n) {
						from := min(n.start, v)
						s.add(idWithout, from, k+1,
							fmt.Sprintf("%q grades an action by a rule that hindsight says applied; it does not say why acting otherwise made sense then", s.span(from, k+1)),
							fmt.Sprintf("Say what %s did and what they knew and were under at that moment: was the window known, workable, in the way of the job?", s.who(n)))
					}
				}
			}
			continue
		}
		breach := s.low(a) == "in" && breachNouns[s.low(a+1)] && s.low(a+2) == "of" ||
			s.low(a) == "in" && breachAdjs[s.low(a+1)] && breachNouns[s.low(a+2)] && s.low(a+3) == "of"
		if s.low(a) != "against" && !(s.low(a) == "contrary" && s.low(a+1) == "to") && !breach {
			continue
		}
		obj := -1
		for j := a + 1; j < len(s.toks) && j <= a+5; j++ {
			if rulesAgainst[s.low(j)] || breach && breachedRules[s.low(j)] {
				obj = j
				break
			}
			if s.boundary(j) {
				break
			}
		}
		if obj < 0 || s.negatedBefore(a, 2) {
			continue
		}
		v := s.verbBefore(a)
		for k := 0; k < 2 && v > 0 && strings.HasSuffix(s.low(v), "ing") && s.f(v-1)&fPrep != 0; k++ {
			v = s.verbBefore(v - 1) // "insisted on launching on a Friday against advice"
		}
		if s.low(a-1) == "," && s.low(a) == "contrary" {
			// "…, contrary to the runbook" grades the main clause: its
			// first verb ("The upgrade was started before …, contrary to")
			for k := 1; k < a-1; k++ {
				if s.boundary(k) {
					break
				}
				if pastForm(&s.toks[k]) && s.f(k-1)&fBe != 0 {
					v = k
					break
				}
			}
		}
		if v < 0 {
			continue
		}
		n := s.agentOfVerb(v)
		if !s.person(n) && s.passive(v) && !s.agentOf(v).ok() && shippedActs[s.low(v)] {
			// "the upgrade was started before the backup was verified,
			// contrary to the runbook": a person's act with the person
			// left out
			if m := s.npEndingAt(s.groupStart(v) - 1); m.ok() && changeNouns[s.low(m.head)] {
				from := m.start
				s.add(idWithout, from, obj+1,
					fmt.Sprintf("%q grades an action by a rule that hindsight says applied; it does not say why acting otherwise made sense then", s.span(from, obj+1)),
					"Say who acted and what they knew and were under at that moment: was the rule known, workable, in the way of the job? What would have made it the easy path?")
			}
			continue
		}
		if !s.person(n) || s.firstPersonPlural(n) {
			continue
		}
		from := min(n.start, v)
		s.add(idWithout, from, obj+1,
			fmt.Sprintf("%q grades an action by a rule that hindsight says applied; it does not say why acting otherwise made sense then", s.span(from, obj+1)),
			fmt.Sprintf("Say what %s did and what they knew and were under at that moment: was the rule known, workable, in the way of the job? What would have made it the easy path?", s.who(n)))
	}
}

// shippedActs are what people do to a change: a passive of one names no
// system that could have acted alone.
var shippedActs = wordSet(`merged deployed shipped pushed implemented released applied published approved
	rolled launched enabled executed carried performed made done signed started run ran`)

// changeShipped reports whether verb v is a person's act on a change told
// in the passive with no agent ("was merged without review", "Deploy
// pushed without required approvals"), or whether the skipped step is
// anyone's ("went out without anyone estimating its effect").
func (s *sentence) changeShipped(v, w, obj int) bool {
	if s.is(w+1, "anyone", "anybody", "somebody", "someone") && strings.HasSuffix(s.low(obj), "ing") && !s.is(obj, "noticing", "knowing", "realising", "realizing") {
		return true
	}
	if !shippedActs[s.low(v)] || strings.HasSuffix(s.low(obj), "ing") && s.low(obj) != "testing" {
		return false
	}
	g := s.groupStart(v)
	n := s.npEndingAt(g - 1)
	if !n.ok() || !changeNouns[s.low(n.head)] {
		return false // "prices are published without review" is the design of a pipeline
	}
	if s.passive(v) && !s.agentOf(v).ok() {
		return true
	}
	// a headline's passive without "was": "Deploy pushed without approval"
	return g == v && (n.start == 0 || s.linePrefix(n.start))
}

// humanPassive reports whether the verb at v is a person's act told in the
// passive with no one named: "the pricing table was edited on Thursday
// night", "the humidifier got switched off anyway", "the filing cut-off
// was missed".
func (s *sentence) humanPassive(v int) bool {
	return s.is(v, "edited", "changed", "switched", "turned", "missed", "deleted", "removed", "disabled", "overwritten", "skipped",
		"ignored", "applied", "pushed", "released", "published", "run", "deployed", "shipped", "merged", "sent", "opened", "left", "unplugged", "restarted") &&
		(s.f(v-1)&fBe != 0 || s.is(v-1, "got", "get", "gets")) && !s.agentOf(v).ok()
}

// changeNouns are the changes people make and ship.
var changeNouns = wordSet(`change changes deploy deploys deployment deployments release releases hotfix
	hotfixes fix fixes patch patches migration migrations code pr prs commit commits update updates
	upgrade upgrades build builds config configuration feature features refactor rollout script
	scripts query queries rule rules`)

// skippedStep returns the index of the check or approval after "without"
// at w ("without first taking the backup", "without the sign-off of the
// officer"), or -1.
func (s *sentence) skippedStep(w int) int {
	for j := w + 1; j < len(s.toks) && j <= w+5; j++ {
		t := &s.toks[j]
		if t.kind != tWord && t.low == "-" && j <= w+2 {
			continue // a command-line flag: "without --dry-run"
		}
		if t.kind != tWord {
			return -1
		}
		if j == w+1 && skippedBase[t.low] && (s.is(j+1, "it", "them", "the", "this", "that", "any", "anything", "anybody", "anyone", "somebody", "someone", "us", "him", "her") || s.boundary(j+1)) {
			return j // "closed the ticket without read it", as second-language writers put it
		}
		if j == w+1 && s.is(j, "even") && strings.HasSuffix(s.low(j+1), "ing") && skippedBase[strings.TrimSuffix(s.low(j+1), "ing")] {
			return j + 1 // "signed off the batch w/o even opening the flagged ones"
		}
		if j == w+1 && s.is(j, "bothering", "caring") && s.is(j+1, "to") {
			return j // "approved the override without bothering to call the ward"
		}
		if j == w+1 && len(t.low) > 6 && strings.HasSuffix(t.low, "ing") && isLetters(t.low) && !sparedOutcomes[t.low] && !s.is(j+1, "anyone", "anybody", "any", "a", "an") {
			return j // "restarted the service without draining the connections": any step a person left out
		}
		if t.low == "to" && j == w+1 && skippedBase[s.low(j+1)] {
			return j + 1 // "without to test it", as non-native writers put it
		}
		if s.is(j, "right", "correct", "proper", "required", "necessary") && j > w+1 && s.nominal(j+1) && s.toks[j+1].kind == tWord {
			return j + 1 // "arrived without the right replacement part"
		}
		if rest, ok := strings.CutPrefix(t.low, "re-"); ok && (skippedSteps[rest] || skippedBase[strings.TrimSuffix(rest, "ing")] || skippedBase[strings.TrimSuffix(rest, "ning")]) {
			return j // "without re-running weight and balance", "without re-checking the geofence"
		}
		if skippedSteps[t.low] || t.low == "dry" && s.is(j+1, "run", "-") {
			if t.low == "second" && !s.is(j+1, "approval", "person", "pair", "review", "reviewer", "check", "opinion", "sign-off", "signature", "signatory", "approver") {
				return -1
			}
			return j
		}
		if s.is(j, "work", "change", "maintenance", "feature", "rollback") && s.is(j+1, "order", "ticket", "window", "flag", "plan", "request") {
			return j + 1
		}
		// Words that may come before the step: "without first", "without
		// a proper", "without the customer's".
		if t.f&(fDet|fPossessive|fAdv) == 0 && t.low != "'s" && !s.nominal(j+1) || t.f&fPrep != 0 {
			return -1
		}
	}
	return -1
}

// allowedSkip reports whether the sentence says the skipped step was
// optional: "without the canary stage, which the pipeline marks as
// optional".
func (s *sentence) allowedSkip(obj int) bool {
	for j := obj + 1; j < len(s.toks); j++ {
		if s.is(j, "optional", "allowed", "allows", "permitted", "permits", "exempt", "exempts", "waived") ||
			s.is(j, "per", "as") && s.is(j+1, "the", "our") && s.is(j+2, "runbook", "runbooks", "plan", "procedure", "policy", "playbook") ||
			s.is(j, "as") && s.is(j+1, "planned", "agreed", "documented", "designed", "intended") {
			return true
		}
	}
	return false
}

// verbAfterOpening returns the main verb of a sentence that opens with a
// phrase ending after i ("Without consulting anyone, the architect
// switched …"): the first past-tense verb after the phrase's comma and the
// subject, or -1.
func (s *sentence) verbAfterOpening(i int) int {
	j := i + 1
	for j < len(s.toks) && j < i+8 && s.low(j) != "," {
		j++
	}
	for j++; j < len(s.toks) && j < i+18; j++ {
		if s.boundary(j) && s.low(j) != "," {
			return -1
		}
		if t := &s.toks[j]; t.kind == tWord && pastForm(t) && s.f(j)&(fBe|fHave|fDo|fModal|fDet) == 0 && s.f(j-1)&(fDet|fPossessive) == 0 {
			return j
		}
	}
	return -1
}

// instructedVerbs, in the passive, tell people what to do or not to do.
var instructedVerbs = wordSet("told warned asked instructed reminded advised")

// toldOtherwise flags people who acted against what they had been told:
// "the PACS team, who had been told not to apply the patch until the
// weekend, applied it on Wednesday", "site management had been warned
// twice and did nothing", "booked surgeries into the calendars, as they
// were told not to", "I told them on Thursday this would break and they
// shipped anyway".
func (s *sentence) toldOtherwise() {
	if s.forward || s.question {
		return
	}
	for i := range s.toks {
		if s.acknowledgedOften(i) || !instructedVerbs[s.low(i)] {
			continue
		}
		if s.seq(i+1, "not", "to") && s.is(i-1, "were", "was") && s.is(i-2, "they", "he", "she") && s.is(i-3, "as", "like") {
			// "…, as they were told not to"
			v := s.verbBefore(i - 3)
			if v < 0 && s.low(i-4) == "," {
				v = s.verbBefore(i - 4)
			}
			if v >= 0 {
				if a := s.agentOfVerb(v); s.person(a) && !s.firstPerson(a) {
					s.addToldOtherwise(min(a.start, v), i+3)
				}
			}
			continue
		}
		if e := s.toldAgain(i); e > 0 {
			s.addToldOtherwise(i, e)
			continue
		}
		after := i + 1
		if s.low(after) == "by" {
			// "had been reminded by the automated system on eleven
			// occasions": the count after the one who told
			if a := s.npStartingAt(after + 1); a.ok() && s.toldHowOften(a.end) > 0 {
				after = a.end
			}
		}
		if s.low(after) == "by" || !s.passive(i) {
			continue // "was told by the alert"
		}
		n := s.subjectOf(i)
		if n.ok() && s.is(n.head, "who") {
			n = s.npEndingAt(n.head - 2) // "the PACS team, who had been told"
		}
		if !s.person(n) || s.writer(n) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients") {
			continue // "our team was told … and shrugged" is the writer's team, not the writer
		}
		if e := s.defiedAfter(i + 1); e > 0 {
			s.addToldOtherwise(n.start, e)
		} else if e := s.toldHowOften(after); e > 0 && !s.negatedBefore(i, 3) && !s.is(n.head, "we", "i", "us") && !s.is(e, "by") {
			// "the search team has been told three times that …", "the
			// radio shop has been told for months to label the bridges"
			s.addToldOtherwise(n.start, e)
		}
	}
}

// toldHowOften returns the end of a count of tellings at k ("three times",
// "again and again", "for months", "repeatedly"), or 0.
func (s *sentence) toldHowOften(k int) int {
	switch {
	case s.is(k, "repeatedly"), s.seq(k, "over", "and", "over"), s.seq(k, "again", "and", "again"):
		return k + 1
	case s.is(k+1, "times") && (s.countWord(k) || s.is(k, "so", "how")):
		return k + 2
	case s.is(k, "for") && s.is(k+1, "months", "weeks", "years", "ages"):
		return k + 2
	case s.seq(k, "more", "than", "once"):
		return k + 3
	case s.is(k, "twice", "thrice"):
		return k + 1
	case s.seq(k, "for", "the") && s.is(k+2, "second", "third", "fourth", "fifth", "sixth", "umpteenth", "nth") && s.is(k+3, "time"):
		return k + 4 // "briefed, for the fourth time, on how to …"
	case s.is(k, "on", "in", "at") && s.countWord(k+1):
		// "on eleven occasions", "in three consecutive weekly meetings"
		for j := k + 2; j < len(s.toks) && j <= k+5; j++ {
			if tellingOccasions[s.low(j)] {
				return j + 1
			}
			if s.toks[j].kind != tWord || s.boundary(j) {
				break
			}
		}
	}
	return 0
}

// tellingOccasions are where people are told something again and again.
var tellingOccasions = wordSet(`occasions meetings reviews standups stand-ups emails messages tickets syncs
	calls retros retrospectives reports briefings audits`)

// countWord reports whether the token at k counts more than one: "3",
// "three", "several".
func (s *sentence) countWord(k int) bool {
	return k >= 0 && k < len(s.toks) && (s.toks[k].kind == tNum && s.low(k) != "1" || s.is(k, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several", "multiple", "many", "numerous", "countless", "repeated"))
}

// acknowledgedOften flags a person who acknowledged a reminder or a warning
// again and again, with "reminder" at i or after an acknowledging verb: "the
// data team leader had personally acknowledged the renewal reminder on
// four separate occasions". The count is the judgement: it says the person
// knew and did nothing, not what made the reminder easy to set aside.
func (s *sentence) acknowledgedOften(i int) bool {
	if !s.is(i, "acknowledged", "dismissed", "snoozed", "closed", "ignored", "cleared", "silenced") {
		return false
	}
	o := s.npStartingAt(i + 1)
	if !o.ok() || !s.is(o.head, "reminder", "reminders", "warning", "warnings", "notice", "notices", "alert", "alerts", "alarm", "alarms", "email", "emails") {
		return false
	}
	e := s.toldHowOften(o.end)
	if e == 0 || s.negatedBefore(i, 3) {
		return false
	}
	n := s.subjectOf(i)
	if !s.person(n) || s.writer(n) || s.firstPerson(n) {
		return false
	}
	s.addToldOtherwise(n.start, e)
	return true
}

// toldAgain returns the end of the writer's telling people something again
// and again in vain at i, or 0: "even we told them ten times", "even after
// we told them three times", "we had warned the helpdesk twice, but they
// kept telling shops to reboot". A plain account of what the writer told
// ("we told the customers twice that the window had moved") is left alone.
func (s *sentence) toldAgain(i int) int {
	if !s.writer(s.subjectOf(i)) && !s.is(i-1, "we", "i") {
		return 0
	}
	k := i + 1
	if s.is(k, "them", "him", "her") {
		k++
	} else if n := s.personStartingAt(k); s.person(n) && !s.writer(n) {
		k = n.end
	} else {
		return 0
	}
	end := 0
	switch {
	case s.is(k, "twice", "repeatedly") || s.seq(k, "again", "and", "again"):
		end = k + 1
	case s.is(k+1, "times") && (s.toks[k].kind == tNum || s.is(k, "many", "several", "multiple", "three", "four", "five", "ten", "countless", "numerous")):
		end = k + 2
	}
	if end == 0 {
		return 0
	}
	if s.is(i-1, "even", "after") || s.is(i-2, "even", "after") || s.hasAny("kept", "still", "continued", "continue", "anyway", "ignored") {
		return end
	}
	return 0
}

// defiedAfter returns the end of what says that people went against what
// they were told, after i: "went ahead", "anyway", "did nothing", "brushed
// it off", "kept reading the old file", or 0.
func (s *sentence) defiedAfter(i int) int {
	for j := i; j < len(s.toks); j++ {
		switch {
		case s.is(j, "anyway", "regardless", "nonetheless", "nevertheless"):
			return j + 1
		case s.seq(j, "went", "ahead"), s.is(j, "did", "done") && s.is(j+1, "nothing"):
			return j + 2
		case s.is(j, "brushed", "shrugged", "waved", "laughed") && s.is(j+2, "off"), s.is(j, "never") && s.is(j+1, "found", "got", "bothered", "acted"):
			return j + 2
		case s.is(j, "shrugged") && (j+1 == len(s.toks) || s.boundary(j+1)):
			return j + 1 // "was told about this risk in January and shrugged"
		case s.is(j, "ignored", "disregarded", "admitted"):
			return j + 1
		case s.is(j, "kept", "continued") && j+1 < len(s.toks) && strings.HasSuffix(s.low(j+1), "ing"):
			return j + 2
		}
	}
	return 0
}

func (s *sentence) addToldOtherwise(from, end int) {
	s.add(idWithout, from, end,
		fmt.Sprintf("%q grades people by an instruction that hindsight picked out; it does not say why going against it looked right at the time", s.span(from, end)),
		"Say what the people saw and what pressed on them at that moment: how the instruction reached them, what else it competed with, and what would have made following it the easy path.")
}

// approvalNouns name the go-ahead an act may come before.
var approvalNouns = wordSet(`approval sign-off signoff permit authorisation authorization consent clearance`)

// verifiedAfter returns the check in a clause at i that tells a step was
// not yet done: "the new ones were verified", "the restore had been
// tested", "ethics approval was recorded", "they received the approval",
// or 0.
func (s *sentence) verifiedAfter(i int) int {
	approval := false // "before ethics approval was recorded", "before they received the approval"
	for j := i; j < len(s.toks) && j <= i+6 && !s.boundary(j); j++ {
		if approvalNouns[s.low(j)] {
			approval = true
		}
		if approval && s.is(j, "was", "were") {
			k := j + 1
			if s.is(k, "even", "actually", "formally", "properly") {
				k++
			}
			if s.is(k, "recorded", "given", "granted", "issued", "received", "signed", "logged", "obtained", "in") {
				return k
			}
		}
		if s.is(j, "received", "receiving", "obtained", "obtaining", "got", "getting") {
			for k := j + 1; k < len(s.toks) && k <= j+3; k++ {
				if approvalNouns[s.low(k)] {
					return k
				}
			}
		}
		if s.is(j, "was", "were", "had", "been") && s.is(j+1, "verified", "confirmed", "checked", "tested", "validated", "approved", "reviewed") {
			return j + 1
		}
		if s.is(j, "had", "was", "were") && s.is(j+1, "been") && s.is(j+2, "verified", "confirmed", "checked", "tested", "validated", "approved", "reviewed") {
			return j + 2
		}
	}
	return 0
}

// tellVerbs pass word on to others.
var tellVerbs = wordSet(`told tell tells telling informed inform informs informing warned warn
	notified notify notifying`)

// toldNobody flags people who acted and told nobody: "the platform team
// changed the load balancer defaults and told nobody", "they change the API
// and not tell anybody", "did not inform us until 02:00". Not the writer:
// "we told nobody outside the bridge until the cause was known" is a
// choice the review can explain.
func (s *sentence) toldNobody() {
	for w := range s.toks {
		if !tellVerbs[s.low(w)] {
			continue
		}
		k := w + 1
		neg := s.f(w-1)&fNeg != 0 || s.f(w-2)&fNeg != 0 && s.f(w-1)&(fDo|fModal) != 0
		end := 0
		switch {
		case s.is(k, "nobody", "noone") && !neg:
			end = k + 1
		case s.seq(k, "no", "one") && !neg:
			end = k + 2
		case neg && s.is(k, "anybody", "anyone", "nobody", "us", "them", "the", "our"):
			// "did not inform us until 02:00", "not tell anybody"
			end = k + 1
			if !s.is(k, "anybody", "anyone", "nobody") && !s.hasAny("until", "about") {
				end = 0 // "did not tell us the password" is not a word withheld
			}
		}
		if end == 0 {
			continue
		}
		n := s.clauseSubject(w)
		for j := w - 1; !n.ok() && j > 0 && j >= w-4; j-- {
			// "they change the API and not tell anybody", "Contractor
			// underestimated scope, did not inform us": the subject of
			// the verb before
			if s.is(j, "and", ",") {
				if v := s.verbBefore(j); v >= 0 {
					n = s.subjectOf(v)
				}
				break
			}
		}
		if !n.ok() {
			n = s.openingActor(w)
		}
		if !s.personish(n) && !s.organisation(n) || s.writer(n) {
			continue
		}
		from := w
		for neg && s.f(from-1)&(fNeg|fDo|fModal|fBe) != 0 {
			from-- // "did not inform us until 02:00": the negation is the finding's
		}
		phrase := s.span(from, end)
		s.add(idWithout, from, end,
			fmt.Sprintf("%q grades people for keeping quiet; it asks nothing about what would have carried the news to those who needed it", phrase),
			fmt.Sprintf("Describe what %s changed, who needed to know, and what channel, checklist or notice would have told them.", s.who(n)))
	}
}

// byWhoAgainst flags the terse passive of public summaries and timelines
// that names who did it and what they went against: "Gate firmware
// installed by vendor engineer outside agreed window, no notice to
// terminal", "DAG dependencies rewritten by senior engineer on eve of
// storm; unreviewed, no ticket", "alarm cleared by duty technician without
// inspection". The same act told with what the process asked for at that
// moment is not flagged: "Rollback performed by on-call engineer at 02:10;
// no customer impact".
func (s *sentence) byWhoAgainst() {
	if s.forward || s.question {
		return
	}
	for b := 1; b < len(s.toks); b++ {
		if !s.is(b, "by") {
			continue
		}
		a := s.npStartingAt(b + 1)
		if h := s.handleAt(b + 1); h.ok() {
			a = h // "started by @marcus"
		}
		if a.ok() && s.is(a.head, "outside", "ahead", "despite", "using") && a.head > a.start {
			// "by vendor engineer outside agreed window": the phrase ran
			// on into the preposition
			a = np{start: a.start, head: a.head - 1, end: a.head, poss: -1}
		}
		if !a.ok() || !(s.agentBy(a) || s.low(a.start) == "@") || s.firstPerson(a) || s.writer(a) || s.is(a.head, "customer", "customers", "user", "users", "client", "clients") {
			continue
		}
		// The participle before "by", past a time or a manner: "silenced
		// by", "suppressed manually at 05:58 by"
		v := b - 1
		for v > 0 && (s.toks[v].kind == tNum || s.is(v, "at", "on", "manually", "remotely", "directly", "again", "first", ":", "am", "pm", "utc")) {
			v--
		}
		if s.is(v, "down", "out", "up", "off", "back", "over") {
			v-- // "scaled down by", "rolled out by"
		}
		if !s.byParticiple(v) {
			// past where it went: "promoted to all regions by",
			// "switched to manual mode by"
			for p := v - 1; p > 0 && p >= v-5 && !s.boundary(p); p-- {
				if s.is(p, "to", "into", "across", "onto", "in", "on", "from") {
					if s.byParticiple(p - 1) {
						v = p - 1
					}
					break
				}
			}
		}
		if v >= 1 && s.byParticiple(v) && s.is(v-1, "not", "never") && s.is(v, "reviewed", "checked", "consulted", "read", "opened", "actioned", "verified", "tested", "acknowledged", "answered", "followed", "used") {
			// "report generated but not reviewed by duty operator",
			// "runbook available. Not consulted by responding engineer."
			s.addStepNotTaken(v, a, "the report")
			return
		}
		if s.is(v, "unactioned", "unanswered", "unread", "unopened", "unreviewed", "ignored") && s.is(v+1, "by") {
			// "licence renewal left unactioned by IT asset manager"
			s.addStepNotTaken(v, a, "it")
			return
		}
		if s.is(v, "acknowledged", "dismissed", "snoozed", "silenced", "cleared", "muted") && s.toldHowOften(a.end) > 0 {
			// "disk warning acknowledged by on-call engineer eleven times
			// before any action"
			e := s.toldHowOften(a.end)
			s.add(idWithout, v, e,
				fmt.Sprintf("%q grades a person by how often they set a warning aside; it does not say what the warning looked like among the others", s.span(v, e)),
				fmt.Sprintf("Say what %s saw each time: how often that warning fired, what it looked like among the others, and what it asked them to do.", s.who(a)))
			return
		}
		if v < 1 || !s.byParticiple(v) || s.is(v, "caused", "triggered", "reported", "noticed", "spotted", "found", "detected", "flagged", "raised", "escalated", "confirmed", "acknowledged", "paged", "notified", "told", "informed") {
			continue
		}
		if s.is(v, "approved", "reviewed") && !s.hasWithin(a.end, 6, "despite", "without", "against", "contrary", "skipping", "ignoring", "ahead") {
			continue // "reviewed by the planner, no issues found"
		}
		if e := s.deviationAfter(a.end); e > 0 {
			from := s.groupStart(v)
			s.add(idWithout, from, e,
				fmt.Sprintf("%q tells who acted and what they went against; it does not say why the path was open to them", s.span(from, e)),
				fmt.Sprintf("Say what %s did and what the process and tools asked for at that moment: was the window, review or notice required, visible, easy to give? What made this path the available one?", s.who(a)))
			return
		}
	}
}

// addStepNotTaken flags the terse passive of a step that a, named after
// "by", did not take, from the participle at v; shown is what the
// suggestion asks whether anything showed.
func (s *sentence) addStepNotTaken(v int, a np, shown string) {
	s.add(idWithout, v, a.end,
		fmt.Sprintf("%q tells a step a person did not take; it does not say what made the step easy to miss", s.span(v, a.end)),
		fmt.Sprintf("Say what %s was doing and what asked for the step at that moment: did anything show %s, page for it or hold the process until it was done?", s.who(a), shown))
}

// byParticiple reports whether token v can be the participle of a terse
// passive: "applied", "run", "overwritten".
func (s *sentence) byParticiple(v int) bool {
	return v >= 0 && v < len(s.toks) && s.toks[v].kind == tWord && (pastForm(&s.toks[v]) ||
		s.is(v, "run", "rerun", "set", "reset", "put", "shut", "cut", "overwritten", "rewritten", "written", "taken", "given", "driven", "hidden", "broken", "chosen", "frozen", "forgotten", "undone", "withdrawn"))
}

// agentBy reports whether a, after "by", is who acted: a person, a role
// with any modifiers that name no machine ("by the regional planner", "by
// new hire", "by vendor technicians", "by junior admin"), or a user's handle
// ("by j.moreno", "by user r.kowal").
func (s *sentence) agentBy(a np) bool {
	if !a.ok() || a.implicit {
		return false
	}
	if s.personish(a) {
		return true
	}
	h := &s.toks[a.head]
	if h.kind != tWord {
		return false
	}
	if a.start == a.head || a.head == a.start+1 && s.is(a.start, "user", "account", "operator", "admin") {
		if handleShaped(h.low) {
			return true
		}
	}
	if s.seq(a.head-1, "control", "room") {
		return true // "the control room chose to override"
	}
	if h.f&fRole == 0 || strings.HasSuffix(h.low, "ing") || machineLeaning[h.low] {
		return false
	}
	// "the transportation office", "the claims desk", "the operations
	// lead": a unit or a role of people, whatever names it
	human := h.f&fAmbig == 0 || s.is(a.head, "office", "offices", "desk", "division", "divisions", "board", "lead", "leads") && a.head > a.start && s.f(a.head-1)&(fDet|fPossessive) == 0 ||
		s.is(a.head, "support") && s.is(a.head-1, "l1", "l2", "l3", "tier", "first-line", "second-line", "customer", "technical", "tech")
	for j := a.start; j < a.head; j++ {
		f := s.f(j)
		if f&fTech != 0 || machineLeaning[s.low(j)] || s.toks[j].kind != tWord {
			return false
		}
		if f&(fRole|fPersonMod) != 0 && f&fAmbig == 0 || s.is(j, "new", "junior", "senior", "trainee", "temporary", "night", "day", "weekend", "duty", "responding", "on-call", "oncall", "shift", "third-party", "external") {
			human = true
		}
	}
	return human
}

// quotedBefore reports whether the word before i, past a quotation mark,
// is inside the quotation too: false where a quotation opens at i.
func (s *sentence) quotedBefore(i int) bool {
	p := i - 1
	for p >= 0 && s.toks[p].kind == tPunct && s.toks[p].quote {
		p--
	}
	return p >= 0 && s.toks[p].quote
}

// quotedRun returns how many tokens from i are inside quotation marks.
func (s *sentence) quotedRun(i int) int {
	n := 0
	for ; i < len(s.toks) && s.toks[i].quote; i++ {
		if s.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// handleShaped reports whether w reads as a user name of a system: two
// runs of letters joined by one dot, "j.moreno", "r.kowal".
func handleShaped(w string) bool {
	dot := strings.IndexByte(w, '.')
	if dot < 1 || dot == len(w)-1 || strings.Count(w, ".") != 1 || len(w)-dot < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != '.' && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// deviationAfter returns the end of a step skipped or a rule gone against,
// from k to the end of the sentence: "outside agreed window", "no review,
// no ticket", "unreviewed", "despite the forecast", "skipping staged
// rollout", "without inspection", "reason not recorded", or 0.
func (s *sentence) deviationAfter(k int) int {
	for j := k; j < len(s.toks); j++ {
		switch {
		case s.is(j, "outside") && s.hasWithin(j+1, 4, "window", "hours", "process", "procedure", "policy"):
			return j + 2
		case s.is(j, "no", "without") && s.is(j+1, "review", "reviewer", "reviewers", "ticket", "approval", "notice", "handover", "hand-over", "sign-off", "signoff", "announcement", "warning", "canary", "backup", "rollback", "test", "testing", "change", "second", "peer", "pr", "heads-up", "inspection", "check", "checks", "permission", "authorisation", "authorization"):
			return j + 2
		case s.is(j, "without") && skippedSteps[s.low(j+1)] && !s.allowedSkip(j+1):
			return j + 2
		case s.is(j, "unreviewed", "unapproved", "unannounced", "unauthorised", "unauthorized", "untested", "unticketed", "unsupervised", "unsanctioned", "unverified"):
			return j + 1
		case s.is(j, "following", "after", "despite") && s.countWord(j+1) && s.hasWithin(j+2, 3, "notices", "reminders", "warnings", "emails", "instructions"):
			// "printed by ward staff on the superseded template, following
			// two written notices"
			return j + 4
		case s.is(j, "before") && s.hasWithin(j+1, 5, "ratified", "approved", "signed", "confirmed", "authorised", "authorized"):
			// "exported by faculty office before exam board ratified results"
			return j + 4
		case s.is(j, "no") && s.is(j+1, "supervision", "oversight"):
			return j + 2
		case (s.is(j, "freeze") && (s.is(j+1, "active", "declared", "in") || s.hasWithin(max(j-3, k), 3, "during", "despite", "declared")) || s.seq(j, "override", "used")) && !s.hasAny("exception", "approved", "authorised", "authorized"):
			// "(change freeze active, override used)", "during declared
			// change freeze"
			return j + 2
		case s.is(j, "using", "with", "via", "through") && s.hasWithin(j+1, 3, "shared", "root", "personal", "borrowed", "admin", "colleague's") && s.hasWithin(j+1, 4, "account", "accounts", "credentials", "token", "login", "password", "key"):
			// "toggled by support agent using shared admin account"
			return j + 4
		case s.is(j, "to") && s.toks[j].quote && !s.quotedBefore(j),
			s.is(j, "to", "during", "for", "as") && !s.toks[j].quote && s.quotedRun(j+1) >= 2,
			s.is(j, "during", "for", "as") && !s.toks[j].quote && s.quotedRun(j+1) == 1:
			// a purpose in scare quotes: "altered by district IT \"to
			// tidy up\"", "deleted by integrations team during
			// \"clean-up\"", "raised by the lead to \"reduce noise\""
			e := j + 1
			for e < len(s.toks) && s.toks[e].quote {
				e++
			}
			return e
		case s.is(j, "ahead", "before") && s.hasWithin(j+1, 3, "approval", "sign-off", "signoff", "confirmation", "go-ahead", "authorisation", "authorization"):
			// "mailed by the print supplier ahead of client approval"
			return j + 3
		case s.is(j, "skipped", "bypassed", "omitted") && j > k && s.is(j-1, "stage", "step", "check", "checks", "test", "tests", "review", "approval", "canary", "staging", "gate", "checklist", "soak", "dry-run"):
			// "canary stage skipped"
			return j + 1
		case s.is(j, "nobody", "no-one") || s.seq(j, "no", "one"):
			// "and nobody was told for two shifts"
			w := j + 1
			if s.is(j, "no") {
				w++
			}
			if s.is(w, "was", "were") && s.is(w+1, "told", "informed", "notified", "warned", "consulted", "asked") {
				return w + 2
			}
		case s.is(j, "despite", "contrary") && j+1 < len(s.toks) && !s.is(j+1, "expectations"):
			return j + 2
		case s.is(j, "against"):
			// "against standing instructions", not "checked against the
			// stowage plan"
			if n := s.npStartingAt(j + 1); n.ok() && (rulesAgainst[s.low(n.head)] || warningWords[s.low(n.head)] || s.is(n.head, "policy", "procedure", "instructions", "rules", "freeze")) {
				return n.end
			}
		case s.is(j, "skipping", "bypassing", "circumventing", "ignoring", "overriding"):
			return j + 2
		case s.is(j, "reason", "rationale", "justification") && s.hasWithin(j+1, 3, "recorded", "logged", "given", "documented") && (s.hasWithin(j+1, 3, "not", "never", "no") || s.is(j-1, "no")):
			return j + 3
		case s.is(j, "during", "at", "in") && s.hasWithin(j+1, 3, "heaviest", "busiest", "peak", "rush"):
			// "applied to hub VLANs by contractor at 04:30, during the
			// heaviest check-in bank of the week"
			return min(j+4, len(s.toks))
		case s.is(j, "after") && s.hasWithin(j+1, 4, "completed", "applied", "done", "live") && s.hasAny("approval", "sign-off", "signoff"):
			// "approval for the VLAN change requested by contractor after
			// the change was completed"
			return min(j+5, len(s.toks))
		}
	}
	return 0
}

// actedBeforeCheck flags a person who acted before their own check was
// done: "the nurse started the infusion before she checked the chart",
// "pilot lit burner before crew chief finished the leak sniff", "gave
// approval for the bath before to measure the water", as second-language
// writers put it. Timing alone ("shortly before", "long before") and the
// writer's own team are left alone.
func (s *sentence) actedBeforeCheck() {
	for i := range s.toks {
		if !s.is(i, "before") || s.is(i-1, "just", "shortly", "long", "minutes", "hours", "days", "weeks", "right", "even", "ever") || i == 0 {
			continue
		}
		k := i + 1
		if s.is(k, "to") {
			k++ // "before to measure"
		} else {
			n := s.npStartingAt(k)
			if !n.ok() || !(s.personish(n) || s.is(n.head, "he", "she", "they")) || s.writer(n) {
				continue // "joined our bridge before we had finished": the writer's own pace
			}
			k = n.end
			for k < len(s.toks) && (s.isAdverb(k) || s.f(k)&(fHave|fDo) != 0) {
				k++
			}
		}
		if !s.is(k, "checked", "check", "read", "confirmed", "confirm", "verified", "verify", "measured", "measure", "finished", "finish", "completed", "complete", "tested", "test", "counted", "inspected", "weighed", "reviewed") {
			continue
		}
		v := s.verbBefore(i)
		if v < 0 {
			continue
		}
		n := s.subjectOf(v)
		if !s.personish(n) || s.writer(n) || s.firstPerson(n) || s.negatedBefore(v, 3) || s.is(v, "suspected", "joined", "noticed", "spotted", "paged", "escalated", "called", "warned", "flagged", "reported", "found", "guessed", "identified", "diagnosed", "stopped", "paused", "arrived") {
			continue // "correctly suspected the modem batch before the vendor confirmed it"
		}
		end := min(k+1, len(s.toks))
		s.add(idWithout, n.start, end,
			fmt.Sprintf("%q tells the act as done before the check, as if the person skipped it; it leaves out what made acting then look safe", s.span(n.start, end)),
			"Say what the person saw when they acted and what the process asked for; if the check could be skipped, say what let it be skipped.")
		return
	}
}
