package lint

import (
	"fmt"
	"strings"
)

// root-cause.single-cause: single-root-cause framing. Complex systems fail
// through several conditions at once; naming one root cause ends the inquiry
// early, and the search for it is often a search for someone to blame.
// "Root-cause analysis is not part of our template", "we found no single
// cause" and "one of four contributing factors" are not flagged.
var rootCauseRule = &sentenceRule{
	info: RuleInfo{
		ID:          idSingleCause,
		Category:    RootCause,
		Severity:    Warning,
		Description: "Single-cause framing: the root cause was, RCA, root-cause analysis showed, the sole / single / true / real / ultimate / fundamental / primary cause, primary root causes, the one reason, at the root of, got to the root of it, at the heart of it, traced back to the root or to one thing, stemmed from a single, the fundamental issue, ultimately caused by, pinpointed the cause, caused solely by, the one thing that caused or explains, had exactly one cause, one cause and only one, one cause alone, due to one overloaded database, the one and only reason, the sole source of, was the culprit, rooted in a single, it all comes down to; also found the culprit, traced to one thing, everything comes from or follows from one thing, the sole trigger, a single source, a summary's Cause: line, and one cause and nothing else; the whole outage caused by one thing, what actually caused it, a single commit responsible for it, the smoking gun, what went wrong in one line; a cause closed off ('because the key expired, simple as that', 'end of story'), caused by nothing but, entirely down to, simply because, someone who caused the entire outage; it was 100% the firmware, it all started and ended with one thing, the problem in a word, the only problem was, a question of what caused it answered with one thing; the incident had one cause, exactly one thing failed, every clue pointed to a single flaw, the failure reduces to one defective relay, the reason was only one, the reason why it froze is simple:, all because of one wrong value, that's all it was, the only factor, that alone explains it, one faulty switch was responsible for the whole outage, chat's 'reason for outage:'; one defect, in the rounding, produced every wrong payout, a single expired password stopped the pay runs, the whole outage is happening because, it's all down to, the whole mess = …, one failure mode and one only, 'One reason:' opening a line, no other contributing factors were identified, nothing else wrong or changed, there is no other or deeper cause, that's the whole incident, a chat line's closing 'one cause', everything else is downstream of it, a summary's 'Incident cause:' line; one missing condition, about a thing or a person, told as the whole incident (if the queue had been bounded, none of this would have happened; had the gate failed open, there would have been no incident at all; if the lobby had a breaker none of this happens; without the faulty firmware, no incident would have occurred; if Victor had waited we wouldn't be here at all). Not a root-cause analysis still to come (deferred, not yet complete, still open) or set aside (replaced by a systems review, the wrong frame), a summary's cause line left open (Cause: multiple, see full report), one cause it would be easy to name or that readers will want, a theory the evidence did not support, a single cause looked hard for and not found, a theory rejected (considered and rejected the theory that the firmware was the single cause), the terms listed (root cause, contributing factor, trigger:), the trap of a single root cause, or a single cause set aside for the factors that follow (but the final review lists four contributing factors); nor a framing put as a question (we discussed whether the reason was the firmware or the cables), root cause still to be talked about (root cause tbd, root-cause talk can wait), the reason for a delay in the report itself or for a decision (the reason we are adding a second node), guesses (maybe the firmware, maybe the weather, maybe both), a cause named together with another, or one a later sentence corrects (there were more factors); a one-cause event; a counterfactual whose consequence is the whole impact (no messages would have been dropped, none of our customers would have been affected, there would have been no customer impact, the crash would not have happened, we would have lost no filings at all), not a part of it (no more than 200 requests, fewer customers, no data lost but the queue still backed up); missed collections would not have occurred, the app would never have gone down, we would not be writing this report, none of us would be awake; everything carrying on as normal (temperatures would have held, dispatch would have continued without interruption, we would not have lost a single sample, the blip would not have mattered at all); because of one reason, started from one place, that alone broke the build, by itself produced the whole backlog, everything else was downstream of, one flag is why, chat's \"rc confirmed\"; a thing's counterfactual whose consequence is all of it (not one duplicate payment would have gone out, not a single sample would have been lost, without the bad header no rider impact would have occurred, the entire outage would have been avoided). Not flagged: framing written once and taken out (an earlier draft said the root cause was \"operator error\"; we removed it), a vendor's quoted single cause the writer holds back from (the vendor wrote \"root cause is full disk\", but for us it is a symptom), a single cause asked and answered with several or none (root cause? honestly there isn't one), or denied where it stands (we do not have a single root cause). Also down to one factor in a headline (flood down to one factor: the pump float stuck), and the one that caused it after other factors were named. Also an opening that sums the incident up in one cause (fundamentally, this happened because …; bottom line, it was the certificate chain; tl;dr: … caused it; at the end of the day this was …), the key cause, one thing that is what broke it, the whole chain started from one weld, everything happen because. Not a one-cause framing asked as a yes-or-no question (was the reagent lot the root cause?, are we sure the fan gun is the root cause?) or warned against (tempting to name the cert as the root cause, but …; caution against conclusions about a root cause; it would be a mistake to look for one cause; difficult to say what was the root cause; whether the outage had a single root cause). Also an incident traced back to one thing (the discrepancy traces back to a data-entry mistake), a summary's Origin of event: line, and a clipped close of no other factor; not a cable traced back to a panel or the origin of some data. Also a thing behind every missing booking or all false positives, a headline's 'behind', an event's own cause line (Derailment cause: …), a filled root cause statement, what killed the stock was one thing, and more openings that sum up (at its core, in essence, boiled down, strip away the detail and one fact remains, this incident is about …); not the team behind every release or a possible cause. Also chat's it was always the UPS (it's always DNS, it was always going to be the NTP server), all roads or every symptom leading back to one thing, a single origin shared or identified, and everything else a symptom of one thing; not always the same alert, a joke about DNS, a cable that leads back to a panel, one symptom among several factors, or single-origin coffee. Not a root cause looked for and found to be a tangle of them instead, nor a name weighed and put down (we could call the certificate the root cause, but that would hide why; calling it the root cause would overstate it). Also chat's rc looks like (rc looks like the expired cert) and its all bc of (its all bc of the eviction policy), and a thing identified as the reason for the failure. Also the source for all the errors, the source of a failure identified as one thing, a summary's \"Root of … was\", chat's \"whole thing is bc\", and everything that went wrong (or it all) started with one thing; not a timeline's \"everything started with a normal deploy\", a root-cause report promised, nor whether something is the root cause when the writers are not sure. Not a root cause still under investigation or still being investigated.",
		Example:     "The root cause was a missing index on the orders table.",
		Rewrite:     "The trigger was a query without an index on the orders table; the slow-query alert had been muted and the pool had no timeout, so it became an outage.",
	},
	group: gRootCause | gWhole,
	check: checkRootCause,
}

// singleWords before "cause" claim that there was one.
var singleWords = map[string]bool{
	"sole": true, "single": true, "true": true, "real": true, "ultimate": true, "fundamental": true,
	"primary": true, "only": true, "main": true, "one": true, "actual": true, "underlying": true,
	"principal": true, "chief": true, "core": true, "original": true, "basic": true, "base": true,
	"unique": true, "decisive": true, "singular": true, "key": true,
}

// metaNouns after "root-cause" talk about the framing rather than use it:
// "the draft's root-cause heading was removed".
var metaNouns = map[string]bool{
	"heading": true, "headings": true, "section": true, "sections": true, "field": true, "fields": true,
	"template": true, "templates": true, "label": true, "framing": true, "thinking": true,
	"language": true, "fallacy": true, "myth": true, "mindset": true, "culture": true,
	"question": true, "questions": true, "column": true, "box": true, "trap": true, "bias": true,
	"phrasing": true, "wording": true, "terminology": true, "term": true, "terms": true,
	"words": true, "statement": true, "statements": true, "claim": true, "claims": true,
	"method": true, "methods": true, "technique": true, "techniques": true, "approach": true, "process": true,
	"practice": true, "framework": true, "guessing": true, "guesses": true, "speculation": true, "hunting": true,
	"hunt": true, "talk": true, "debate": true, "debates": true, "chase": true, "chasing": true,
}

// docNouns after "root-cause" name a document or a meeting, not a cause:
// "regulators asked for a root-cause report".
var docNouns = wordSet(`document documents doc docs writeup write-up writeups
	meeting meetings workshop workshops session sessions form forms deadline report reports`)

func checkRootCause(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		switch {
		case t.low == "cause" && s.is(i+1, ":") && i > 0 && i <= 3 && (s.lineStart(0) || s.linePrefix(0)) && s.wordsOnly(0, i) && !s.is(i-1, "root", "contributing", "contributory", "no", "possible", "probable", "likely", "suspected", "unknown", "other"):
			// "Derailment cause: broken switch rail at Oak Lane turnout"
			from, end = 0, i+1
		case t.is("reason", "place", "thing", "source", "spot", "point", "origin") && s.is(i-1, "one") && s.is(i-2, "of", "from", "to") && s.causalBefore(i-2) > 0 && (i+1 >= len(s.toks) || s.boundary(i+1) || s.is(i+1, "only", "alone")) && !s.negWithin(s.causalBefore(i-2)-4, 4) && !s.othersToo(i):
			// "stopped because of one reason, the sync service …", "all the
			// problem started from one place, the expired password"
			from, end = s.causalBefore(i-2)-1, i+1
		case (t.low == "alone" || t.low == "itself" && s.is(i-1, "by")) && s.aloneCaused(i+1) > 0 && !s.negWithin(i-5, 5) && !s.othersToo(i):
			// "one bad row in the import, that alone broke the build", "the
			// full disk by itself produced the whole backlog"
			from, end = max(i-3, 0), s.aloneCaused(i+1)
			if t.low == "itself" {
				from = max(i-4, 0)
			}
			for k := i - 1; k > from; k-- {
				if s.boundary(k) {
					from = k + 1
					break
				}
			}
		case t.low == "downstream" && (s.is(i+1, "of") || s.is(i+1, "is", "was", "were", "are") && s.hasWithin(i+2, 3, "fallout", "symptoms", "noise", "consequences")) && s.hasWithin(max(i-5, 0), 5, "everything", "all") && !s.negWithin(i-5, 5):
			// "everything else we saw was downstream of the timezone thing",
			// "everything downstream is just fallout"
			from, end = i, i+2
			for k := max(i-5, 0); k < i; k++ {
				if s.is(k, "everything", "all") {
					from = k
					break
				}
			}
		case t.low == "why" && s.is(i-1, "is", "was", "'s") && s.oneCounted(i-1) >= 0 && !s.negWithin(i-6, 6):
			// "one unguarded config flag is why our checkout was dark"
			from, end = s.oneCounted(i-1), i+1
		case t.low == "rc" && (s.lineStart(i) || s.linePrefix(i)) && s.is(i+1, "confirmed", "found", "identified", "located", "nailed"):
			// chat's "rc confirmed, anemometer on tower 4 was iced up"
			from, end = i, i+2
		case t.is("cause", "reason", "origin") && (s.is(i-1, "one", "single") && s.is(i-2, "had", "has", "have") || s.is(i-1, "single") && s.is(i-2, "a") && s.is(i-3, "had", "has", "have")) && !s.negatedBefore(i-1, 4) && !s.othersToo(i):
			// "the incident had one cause: the shared Redis instance"
			from, end = i-1, i+1
			if s.is(from-1, "a") {
				from--
			}
		case t.is("reason", "cause") && s.is(i-1, "one") && (s.seq(i+1, "and", "only", "one") || s.is(i+1, "alone")) && !s.negatedClause(i) && !s.hasAfter(i, "cannot", "not", "never", "no"):
			// "it was one cause and only one", "there was one cause alone";
			// not "one cause alone cannot explain this"
			from, end = i-1, i+2
			if s.is(i+1, "and") {
				end = i + 4
			}
		case (t.low == "cause" && s.is(i-1, "one") && (s.is(i+1, "here") || s.is(i-2, "is", "'s", "was") && s.is(i-3, "there")) || t.is("cause", "reason") && s.is(i-1, "singular") && s.is(i-2, "the")) && !s.is(i-2, "than") && !s.negatedBefore(i-1, 4) && !s.hasAny("whether", "?", "rarely", "never", "no", "seldom"):
			// "there is one cause here: …", "if there's one cause here, it's …"; not
			// "there is rarely one cause"
			from, end = i-1, i+1
		case t.low == "root" && (s.is(i+1, "cause", "causes") || s.low(i+1) == "-" && s.is(i+2, "cause", "causes")):
			k := i + 1
			if s.low(k) == "-" {
				k++
			}
			from, end = s.rootCause(i, k)
		case t.low == "root-cause" || t.low == "rootcause":
			from, end = s.rootCause(i, i)
		case t.low == "root-caused" || t.low == "rootcaused" || t.low == "root" && s.is(i+1, "caused"):
			// "we root caused it to the cron job"
			from, end = i, i+1
			if s.low(i) == "root" {
				end = i + 2
			}
		case t.low == "rc" && (s.low(i+1) == ":" || s.f(i+1)&fBe != 0 && s.nominal(i+2) || s.is(i+1, "looks", "seems") && s.is(i+2, "like", "to")) && !s.is(i-1, "the", "an", "a"):
			// "rc: expired cert", "rc looks like the expired cert", chat's
			// short root cause; not "the rc build"
			from, end = i, i+1
		case t.is("issue", "problem") && s.is(i-1, "only") && s.is(i-2, "the") && s.f(i+1)&fBe != 0 && !s.negatedBefore(i-2, 3) && !s.is(i+2, "that") || t.is("issue", "problem") && s.is(i-1, "only") && s.is(i-2, "the") && s.f(i+1)&fBe != 0 && s.is(i+2, "that") && s.hasAny("everything", "else", "correct", "fine"):
			// "the only problem was a full /var on the sync box"; "the only
			// problem was that …" when the rest was fine
			from, end = i-2, i+1
		case t.is("started", "starts", "began", "begins", "start", "begin") && s.is(i+1, "and") && s.is(i+2, "ended", "ends", "end") && s.is(i+3, "with") && !s.negatedBefore(i, 4):
			// "it all started and ended with the load balancer"
			from, end = i, i+4
		case t.low == "word" && s.is(i-1, "a", "one") && s.is(i-2, "in") && (s.hasAny("problem", "cause", "reason", "issue", "culprit") || s.is(i+1, ":")):
			// "the problem, in a word, was DNS"
			from, end = i-2, i+1
		case t.is("caused", "broke", "triggered", "took") && s.is(i-1, "what") && s.answeredWithOne(i) > 0:
			// "What caused the outage? A single unindexed column.": a
			// question answered with one thing
			from, end = i-1, s.answeredWithOne(i)
		case s.fullPercent(i) > 0:
			// "it was 100% the firmware upgrade", "came 100% from the new
			// version"
			from, end = i+1, s.fullPercent(i)
		case t.is("issue", "problem") && s.is(i-1, "underlying", "real", "actual") && s.is(i-2, "the") && (s.low(i+1) == ":" || s.f(i+1)&fBe != 0) && !s.negatedBefore(i-2, 3):
			// "the real problem was the missing timeout"
			from, end = i-2, i+1
		case t.low == "root" && s.is(i+1, "reason", "problem", "issue", "origin", "source", "trigger") && !s.negatedBefore(i, 3) && !metaNouns[s.low(i+2)]:
			// "the root problem was", "the root reason"
			from, end = i, i+2
			if s.is(i-1, "the", "a", "our", "its") {
				from = i - 1
			}
		case (t.low == "because" || t.low == "due") && s.is(i-1, "only", "solely", "entirely", "purely", "just", "all") && s.f(i-2)&fBe != 0 && !s.negatedBefore(i-1, 3):
			// "the outage was only because of the wrong DNS record"
			from, end = i-1, i+1
		case t.is("because", "bc", "cos", "cuz", "coz", "due") && s.is(i-1, "all") && s.is(i-2, "its", "thats") && s.is(i+1, "of", "to") && !s.negatedBefore(i-1, 3):
			// chat's "its all bc of the redis eviction policy"
			from, end = i-2, i+1
		case t.low == "reason" && s.is(i-1, "the") && s.is(i-2, "as") && s.is(i-3, "identified", "named", "confirmed", "established", "determined", "pinpointed", "singled") && s.is(i+1, "for", "behind") && !s.negatedBefore(i-3, 3):
			// "Single point of failure in regional relay identified as the
			// reason for disconnections"
			from, end = i-3, i+1
		case t.low == "reason" && s.is(i-1, "one") && s.is(i+1, "only") && (s.lineStart(i-1) || s.linePrefix(i-1)):
			// "11:29 <fz> one reason only: …"
			from, end = i-1, i+2
		case t.low == "root" && s.is(i-1, "the") && s.is(i-2, "at") && s.low(i+1) != "of" && !s.nominal(i+1) && !s.negatedBefore(i-2, 4):
			// "a human error at the root: …"
			from, end = i-2, i+1
		case t.low == "root" && s.low(i+1) == "of" && (s.is(i-1, "the") || s.is(i-1, "very") && s.is(i-2, "the") || i == s.firstWord() && s.toks[i].cap):
			// also a summary's "Root of the duplicates was that …"
			from, end = s.rootOf(i)
		case t.low == "reason" && (s.is(i-1, "sole", "single", "true", "real", "ultimate", "fundamental", "principal", "primary", "chief", "core") || s.is(i-1, "one") && s.is(i-2, "the") || s.is(i-1, "only") && s.is(i-2, "the") && s.brokeAfter(i+1)) && !s.negatedBefore(i-1, 3) && !s.is(i-2, "a", "one"):
			// "the sole reason", "the one reason this happened"
			from, end = i-1, i+1
			if s.is(i-2, "the", "this", "its", "our") {
				from = i - 2
			}
		case (t.low == "rca" || t.low == "rcas") && (s.is(i+1, "withdrawn", "draft", "pending", "document", "doc", "report", "template", "meeting", "complete", "completed", "done") || s.is(i-1, "draft")):
			continue // "RCA withdrawn pending review", "prepared the RCA document"
		case t.low == "rca" || t.low == "rcas":
			if !t.upper && !t.cap && s.low(i+1) != ":" && s.low(i+1) != "=" && !(s.f(i+1)&fBe != 0 && s.is(i+2, "simple", "obvious", "clear", "easy")) {
				continue
			}
			if s.low(i-1) == "'s" && !s.firstPerson(s.npEndingAt(i-2)) && s.is(i+1, "document", "report", "pdf", "summary", "letter", "template", "form") {
				continue // the title of another organisation's report: "the vendor's RCA document"
			}
			if !s.negatedBefore(i, 3) && !s.negatedAfter(i+1) && !s.declinedBefore(i) && !(s.is(i-1, "an", "a") && s.is(i-2, "for") && s.is(i-3, "asked", "asks", "ask", "asking")) && !s.is(i-2, "requested", "requests", "demanded", "demands") {
				// not "declines to name a root cause", "asked for an RCA":
				// a request for one claims none
				from, end = i, i+1
			}
		case t.low == "cause" && !s.seq(i+1, ",", "singular") && !s.is(i+1, "only", "principal") && !s.seq(i+1, "of", "root"):
			from, end = s.singleCause(i)
		case t.low == "caused" || t.low == "due":
			switch {
			case s.is(i+1, "solely", "entirely", "purely", "exclusively", "only", "wholly"):
				from, end = i, i+2
			case s.is(i-1, "solely", "entirely", "purely", "exclusively", "wholly"):
				from, end = i-1, i+1
			}
		case t.is("culprit", "culprits") && s.is(i-1, "the", "real", "true", "main", "actual", "one") && !s.negatedBefore(i, 3) && (s.f(i+1)&fBe != 0 || s.is(i+1, ":", "turned", "was", "is") ||
			s.low(i+1) == "," && s.isAdverb(i+2) && s.low(i+3) == "," && s.f(i+4)&fBe != 0):
			// "the culprit, plainly, was …"
			// "the real culprit was the TTL": one cause, found
			from, end = i-1, i+1
			if s.is(i-2, "the") {
				from = i - 2
			}
		case t.is("origin", "source") && s.is(i-1, "the") && s.is(i+1, "of", "for") && (s.eventAfter(i+2) || s.is(i+2, "all", "everything")) && s.beAfter(i+1) > 0 && !s.negatedBefore(i-1, 3):
			// "the origin of the outage was a stale route", "the source
			// for all these errors was the batch job"
			from, end = i-1, i+1
		case t.is("origin", "source") && s.is(i-1, "the") && s.low(i+1) == "of" && s.is(i-2, "identified", "pinpointed", "traced", "found") && s.hasWithin(i+2, 6, "as") && !s.negatedBefore(i-2, 3):
			// "engineers have identified the source of the missorts as a
			// degraded lamp"
			from, end = i-2, i+1
		case t.low == "bottom" && s.is(i-1, "the") && s.is(i-2, "at", "to") && s.low(i+1) == "of" && (s.is(i+2, "it", "this", "everything", "all") || s.is(i+3, "whys", "why", "chain", "outage", "incident", "problem") || s.is(i+4, "whys")) && !s.negatedBefore(i-2, 3):
			// "at the bottom of the five whys sat one thing"
			from, end = i-2, i+1
		case t.low == "reason" && s.is(i-1, "underlying") && s.is(i-2, "the") && (s.f(i+1)&fBe != 0 || s.low(i+1) == ":") && !s.negatedBefore(i-2, 3):
			// "the underlying reason is the partner API's pagination"
			from, end = i-2, i+1
		case t.low == "root" && s.is(i-1, "one", "single") && s.is(i-2, "to", "back", "a", ":") && !s.negatedBefore(i-1, 4):
			// "the chain of whys led us back to one root: …"
			from, end = i-1, i+1
		case t.low == "reason" && s.is(i-1, "biggest", "largest", "greatest", "main", "overriding") && s.is(i-2, "single", "one", "only", "sole") && !s.negatedBefore(i-2, 3) && !s.is(i-3, "a", "one"):
			// "the single biggest reason"
			from, end = i-2, i+1
		case t.low == "cause" && s.is(i-1, "main", "principal", "primary") && s.is(i+1, "only", "alone") && !s.negatedBefore(i-1, 3):
			// "the main cause only is the expired certificate", as
			// second-language writers put it
			from, end = i-1, i+2
		case t.low == "thing" && s.is(i-1, "one", "only") && s.is(i+1, "that") && s.is(i+2, "caused", "causes", "broke", "triggered"):
			from, end = i-1, i+3
			if s.is(i-2, "the") {
				from = i - 2
			}
		case t.is("heart", "core") && s.is(i-1, "its") && s.is(i-2, "at") && !s.negatedBefore(i-2, 3):
			// "at its core, the incident resulted from …"
			from, end = i-2, i+1
		case t.low == "heart" && s.is(i-1, "the") && s.is(i-2, "at") && s.low(i+1) == "of" && (s.eventAfter(i+2) || s.is(i+2, "it", "this", "everything")) && !s.negatedBefore(i-2, 3):
			// "at the heart of it was a single timeout"
			from, end = i-2, i+2
		case t.is("traced", "trace", "traces", "tracing") && !s.negatedBefore(i, 3):
			// "we traced it back to the root", "everything traces back to one decision"
			j := i + 1
			for j < len(s.toks) && j < i+7 && !s.is(j, "back", "to") && !s.boundary(j) {
				j++
			}
			if s.is(j, "back") {
				j++
			}
			if s.is(j, "to", "till", "until") && (s.is(j+1, "one", "single") || s.is(j+1, "a") && s.is(j+2, "single", "lone") || s.is(j+1, "the", "its") && s.is(j+2, "root", "source", "origin") || s.is(j+1, "root")) {
				from, end = i, j+2
			} else if s.is(i+1, "the") && s.is(i+2, "root") {
				from, end = i, i+3 // "we traced the root of it to a rookie mistake"
			}
		case t.is("rooted") && s.is(i+1, "in") && (s.is(i+2, "one", "single") || s.is(i+2, "a") && s.is(i+3, "single", "lone")) && !s.negatedBefore(i, 4):
			// "is rooted in a single failure"
			from, end = i, i+3
		case t.is("originated", "originates", "stemmed", "stems", "stem", "arose", "arises") && s.is(i+1, "entirely", "solely", "wholly", "purely") && s.is(i+2, "from"):
			// "stems entirely from one thing"
			from, end = i, i+3
		case t.is("originated", "originates", "stemmed", "stems", "stem", "arose", "arises", "started", "starts", "began", "begins") && s.is(i+1, "from", "with") && (s.is(i+2, "one", "single") || s.is(i+2, "a") && s.is(i+3, "single", "lone")) && !s.negatedBefore(i, 3) && (!s.is(i, "started", "starts", "began", "begins") || s.hasAny("everything", "whole", "entire", "all", "chain", "sequence", "incident", "outage", "failures")):
			// "the outage stemmed from one bad config push", "the whole
			// chain of failures started from one cracked weld"
			from, end = i, i+3
		case t.low == "what" && s.f(i-1)&fBe != 0 && s.is(i+1, "broke", "caused", "sank", "killed", "triggered", "took", "brought") && s.nominal(i-2) && !s.is(i-2, "this", "that", "which", "it") && !s.negatedBefore(i, 3) && !s.question:
			// "a single library upgrade is what broke payslip generation"
			from, end = i-1, i+2
		case t.is("explains", "explained") && s.is(i-1, "fully", "entirely", "completely", "wholly", "single-handedly") && !s.negatedBefore(i-1, 3) && !s.question && !s.is(i+1, "why", "how", "what"):
			// "erosion beyond design life fully explains the blade damage"
			from, end = i-1, i+1
		case t.low == "everything" && s.is(i+1, "happen", "happened", "happens") && s.is(i+2, "because", "due") && !s.question:
			// "everything happen because GPS of the trucks was not working"
			from, end = i, i+3
		case t.is("issue", "problem") && s.is(i-1, "fundamental", "core", "true") && s.is(i-2, "the") && (s.low(i+1) == ":" || s.f(i+1)&fBe != 0) && !s.negatedBefore(i-2, 3):
			// "the fundamental issue was that the queue had no bound"
			from, end = i-2, i+1
		case t.low == "ultimately" && !s.negatedBefore(i, 3):
			// "ultimately, the outage was caused by a bad deploy"
			if j := s.summedUpCause(i + 1); j > 0 {
				from, end = i, j+1
			}
		case s.summingUp(i) > 0 && !s.question:
			// "Fundamentally, this happened because …", "Bottom line, it
			// was the certificate chain", "in the end, what caused this"
			if j := s.summedUpCause(s.summingUp(i)); j > 0 {
				from, end = i, j+1
			}
		case t.low == "result" && s.is(i-1, "the") && s.is(i-2, "entirely", "solely", "wholly", "purely", "exclusively") && !s.negatedBefore(i-2, 3),
			t.is("attributable", "attributed", "down") && s.is(i-1, "entirely", "solely", "wholly", "purely", "exclusively") && !s.negatedBefore(i-1, 3):
			// "was entirely the result of", "is entirely attributable to"
			from, end = i-2, i+1
			if !s.is(from, "entirely", "solely", "wholly", "purely", "exclusively") {
				from = i - 1
			}
		case t.low == "alone" && s.is(i+1, "caused", "causes", "explains", "explain", "explained", "triggered", "accounts", "accounted") && i > 0 && s.nominal(i-1) && !s.negatedBefore(i, 3) && !s.is(i+2, "not"):
			// "the wrong setpoint alone caused the overdose"
			from, end = i, i+2
		case t.is("accounts", "accounted", "account") && s.is(i+1, "for") && (s.is(i+2, "everything", "all") || s.is(i+2, "the") && s.is(i+3, "whole", "entire")) && !s.negatedBefore(i, 3) && !s.hasAny("?"):
			// "that single event accounts for the whole incident"
			from, end = i, i+4
		case t.is("because", "bc", "cos", "cuz", "coz") && (s.is(i-1, "happened", "exists", "occurred", "happens", "exist", "happening") || s.f(i-1)&fBe != 0) && s.totalBefore(i-1) && !s.negatedBefore(i-1, 3):
			// "the entire event happened because procurement …", "the whole
			// backlog exists because …", chat's "whole thing is bc lena
			// edited …"
			from, end = s.totalStart(i-1), i+1
		case t.is("started", "began", "starts", "begins") && s.is(i+1, "with") && s.totalBefore(i) && s.totalStart(i) <= s.firstWord()+1 && (s.is(s.totalStart(i)+1, "that", "which") || s.is(s.totalStart(i), "all")) && !s.negatedBefore(i, 3):
			// "Everything that went wrong on line 1 that morning started
			// with Dave bypassing the interlock", "it all started with …"
			from, end = s.totalStart(i), i+2
		case t.low == "thing" && s.is(i-1, "only") && s.is(i+1, "that") && s.is(i+2, "mattered", "matters", "counted"):
			from, end = i-1, i+3
		case t.low == "reason" && s.is(i-1, "the") && s.f(i+1)&fBe != 0 && s.is(i+2, "simple", "simply", "obvious", "clear") && !s.negatedBefore(i-1, 3):
			// "the reason was simple: nobody renewed the cert"
			from, end = i-1, i+3
		case t.is("pinpointed", "pinpoint", "pinpoints", "isolated", "nailed") && s.is(i+1, "the") && s.is(i+2, "cause", "culprit", "trigger") && !s.negatedBefore(i, 3):
			// "our analysis pinpointed the cause"
			from, end = i, i+3
		case t.low == "tracked" && s.seq(i+1, "down", "the") && s.is(i+3, "cause", "culprit") && !s.negatedBefore(i, 3):
			from, end = i, i+4
		case t.is("cause", "problem", "issue") && s.is(i-1, "underlying") && (s.f(i+1)&fBe != 0 || s.is(i+1, "determined", "found", "identified", ":")) && !s.negatedBefore(i-1, 3) && !s.is(i-2, "an", "one", "no"):
			// "underlying cause determined to be a failed disk controller"
			from, end = i-1, i+1
		case t.low == "reason" && s.is(i-1, "one") && (s.f(i-2)&fBe != 0 && !s.is(i-3, "which", "that", "this") || s.is(i-2, "really", "just", "only")) && !s.is(i+1, "among", "of", "we", "i", "why") && !s.negatedBefore(i-1, 4) && !s.othersToo(i):
			// "there is one reason this outage happened"
			from, end = i-1, i+1
		case t.low == "reason" && s.is(i-1, "only") && s.is(i-2, "the") && s.is(i+1, "for", "of", "why") && !s.negatedBefore(i-2, 3):
			// "the only reason for the long duration was …"
			from, end = i-2, i+1
		case t.is("attributes", "attributed", "attributable", "attribute") && !s.negatedBefore(i, 3):
			// "attributes the incident primarily to operator error"
			for j := i + 1; j < len(s.toks) && j < i+6; j++ {
				if s.is(j, "to") && (s.is(j-1, "primarily", "solely", "entirely", "wholly", "mainly", "exclusively") || s.is(j+1, "one", "single") || s.is(j+1, "a") && s.is(j+2, "single") || s.totalAfter(i+1)) {
					from, end = i, j+1
					break
				}
				if s.boundary(j) {
					break
				}
			}
		case t.low == "root" && s.is(i-1, "the") && s.low(i+1) == "of" && s.is(i-2, "found", "find", "located", "identified", "traced", "reached"):
			// "we found the root of the problem in the 2020 code"
			from, end = i-2, i+2
		case (t.low == "boils" || t.low == "boiled" || t.low == "boil" || t.low == "came" || t.low == "comes" || t.low == "come") && s.seq(i+1, "down", "to") &&
			!s.is(i+3, "normal", "baseline", "zero", "green") && (i+3 >= len(s.toks) || s.toks[i+3].kind != tNum):
			// not "after the rollback it came down to normal"
			if s.is(i+3, "one", "a", "single") && !s.is(i+4, "few", "couple", "handful", "number") && !s.negatedComeDown() {
				from, end = i, i+4
			} else if s.is(i+3, "the", "this", "that") && s.is(i-1, "all") && !s.negatedComeDown() {
				from, end = i-1, i+4 // "it all came down to the certificate"
			} else if k := s.wholeSubject(i); k >= 0 && !s.negatedComeDown() && !s.seq(i+3, "the", "wire") {
				from, end = k, i+3 // "everything boils down to the shared rate limit"
			}
		case t.is("whys", "why") && s.is(i-1, "five", "5") && !s.negatedBefore(i-1, 4) && !s.is(i-2, "of", "instead", "than") && s.whysLanded(i):
			// "our five whys ended at the session store", "five whys
			// done, root is the unpinned dependency": one chain, one end
			from, end = i-1, i+1
		case t.is("cause", "source", "reason", "origin") && (s.is(i-1, "one") && s.is(i+1, "only") || s.is(i-1, "only") && s.is(i-2, "one")) && !s.negatedBefore(i-1, 4):
			// "one cause only", "one only source", as second-language
			// writers put it
			from, end = i-1, i+1
			if s.is(i+1, "only") {
				end = i + 2
			} else {
				from = i - 2
			}
		case t.is("come", "comes", "came") && (s.seq(i+1, "from", "one") || s.seq(i+1, "only", "from", "one")) && !s.negatedBefore(i, 3):
			// "the problem comes from one thing only"
			from, end = i, i+3
			if s.is(i+1, "only") {
				end = i + 4
			}
		case t.low == "root" && s.is(i-1, "only", "real", "true", "sole", "single") && s.low(i+1) == "of" && !s.negatedBefore(i-1, 3):
			// "the only root of this problem", "the real root of this incident"
			from, end = i-1, i+1
		case t.low == "root" && (s.is(i-1, "the") && s.is(i-2, "found", "find", "reached") && s.low(i+1) == ":" || s.f(i+1)&fBe != 0 && s.is(i+2, "the", "a", "an", "that") && (s.is(i-1, "the") || i == 0 || s.linePrefix(i) || s.low(i-1) == ",")) && !s.negatedBefore(i, 3):
			// "we've found the root: the prefetch", "root is the unpinned
			// dependency"
			from, end = i, i+1
			if s.is(i-1, "the") {
				from = i - 1
			}
		case t.low == "cause" && (s.is(i+1, "principal") || s.seq(i+1, "of", "root")):
			// "the cause principal", "the cause of root", word for word from
			// another language
			from, end = i, i+2
			if s.is(i+1, "of") {
				end = i + 3
			}
		case t.is("explains", "explained") && (s.is(i+1, "every", "everything") || s.is(i+1, "the", "all") && s.is(i+2, "entire", "whole")) && s.oneBefore(i):
			// "one expired certificate explains the entire morning"
			from, end = i, i+2
		case t.low == "cause" && s.is(i-1, "the") && s.seq(i+1, ",", "singular"):
			// "the cause, singular: the cache"
			from, end = i-1, i+3
		case t.is("reason", "cause") && s.seq(i-3, "one", "and", "only") && !s.negatedBefore(i-3, 3):
			// "the one and only reason for the flap"
			from, end = i-3, i+1
		case t.is("reason", "cause") && s.is(i-1, "one") && s.is(i-2, "exactly", "precisely") && (s.f(i-3)&fBe != 0 || s.is(i-3, "'s")) && !s.negatedBefore(i-2, 3):
			// "there's exactly one reason this happened"
			from, end = i-2, i+1
		case t.low == "to" && s.is(i-1, "due", "owing") && (s.is(i+1, "one") && !s.is(i+2, "of", "or") || s.is(i+1, "a") && s.is(i+2, "single", "lone")) && !s.negatedBefore(i-1, 3) && !s.othersToo(i) && !s.hasAfter(i, "and", "plus"):
			// "the crash was due to one overloaded database", "due to a
			// single point of failure"
			from, end = i-1, i+3
		case t.is("reason", "cause") && s.is(i-1, "one") && s.seq(i+1, "and", "one") && s.is(i+3, "reason", "cause"):
			// "one reason and one reason only"
			from, end = i-1, i+4
		case t.is("origin", "source") && s.is(i-1, "sole", "single", "true", "real", "one", "only", "ultimate") && s.low(i+1) == "of" && s.is(i+2, "the", "this", "that", "all", "our", "its") && !s.negatedBefore(i-1, 3):
			// "the sole source of this failure", "the true origin of the outage"
			from, end = i-1, i+1
			if s.is(i-2, "the") {
				from = i - 2
			}
		case t.is("culprit", "culprits") && (s.is(i-1, "the") && s.f(i-2)&fBe != 0 || s.lineStart(i) && s.is(i+1, "identified", "found", ":")) && !s.negatedBefore(i, 4):
			// "the heater schedule was the culprit", "Culprit identified: …"
			from, end = i, i+1
			if s.is(i-1, "the") {
				from = i - 2
			}
		case t.is("problem", "issue", "cause") && s.is(i-1, "underlying", "real", "true") && s.is(i-2, "one") && s.is(i-3, "the") && (s.f(i+1)&fBe != 0 || s.low(i+1) == ":"):
			// "the one underlying problem was …"
			from, end = i-3, i+1
		case t.low == "thing" && s.is(i-1, "one") && s.is(i-2, "only", "just") && s.is(i+1, "went", "broke", "failed", "mattered", "cause", "caused", "causes"):
			// "only one thing went wrong: …"
			from, end = i-2, i+2
		case t.low == "thing" && (s.is(i-1, "one") || s.is(i-1, "the") && s.lineStart(i-1)) && s.is(i+1, "that") && s.is(i+2, "explains", "explained", "caused", "causes", "made", "started", "triggered", "broke"):
			// "the one thing that explains the event", "The thing that caused all of this"
			from, end = i-1, i+3
		case t.low == "thing" && s.is(i-1, "one") && s.is(i-2, "exactly", "precisely") && s.is(i+1, "went", "broke", "failed", "caused", "happened") && !s.negatedBefore(i-2, 3):
			// "exactly one thing failed: the label template"
			from, end = i-2, i+2
		case t.is("pointed", "points", "point", "reduces", "reduced", "reduce") && s.is(i+1, "to", "at") && (s.is(i+2, "one", "single") || s.is(i+2, "a") && s.is(i+3, "single", "lone")) && !s.is(i+3, "of") && !s.negatedBefore(i, 3) && !s.othersToo(i) && !s.capacityAfter(i+2):
			// "everything pointed to a single flaw", "the failure reduces to
			// one defective component"
			from, end = i, i+3
		case t.is("only") && s.is(i-1, "was", "is") && s.is(i+1, "one") && (s.is(i+2, ",", ":", ".", "—") || i+2 >= len(s.toks)) && s.anyWithin(0, i, "reason", "cause"):
			// "the reason of the false negatives was only one, the threshold"
			from, end = i-1, i+2
		case t.low == "reason" && s.is(i-1, "the") && s.simpleAfter(i) > 0 && !s.negatedBefore(i-1, 3):
			// "the reason why the app was down is simple: …"
			from, end = i-1, s.simpleAfter(i)
		case t.low == "of" && s.is(i-1, "because") && (s.is(i+1, "one") && !s.is(i+2, "of", "or") || s.is(i+1, "a") && s.is(i+2, "single", "lone")) && !s.negatedBefore(i-1, 3) && !s.othersToo(i) && !s.hasAfter(i, "and", "plus"):
			// "all was because of one wrong value in the config"
			from, end = i-1, i+2
		case t.low == "all" && s.is(i-1, "'s") && s.is(i-2, "that", "this") && s.is(i+1, "this", "it") && s.is(i+2, "was", "is") && s.anyWithin(0, i-2, "one", "single", "just"):
			// "one bad regex in the parser, that's all this was"
			from, end = i-2, i+3
		case t.is("factor", "driver") && s.is(i-1, "only", "sole", "single") && (s.f(i+1)&fBe != 0 || s.is(i+1, ":") || s.is(i-2, "and") && s.is(i-3, "factor")) && !s.negatedBefore(i-1, 3) && !s.is(i-2, "a", "one"):
			// "main factor and only factor was the vendor"
			from, end = i-1, i+1
		case t.is("caused", "causes", "explains", "explained", "broke") && (s.is(i-1, "alone") && s.is(i-2, "that", "this", "it")):
			// "and that alone explains the shortages"
			from, end = i-2, i+1
		case t.low == "responsible" && s.is(i+1, "for") && s.is(i+2, "the") && s.is(i+3, "full", "whole", "entire", "complete", "total") && s.f(i-1)&fBe != 0 && s.oneSubject(i-1) && !s.negatedBefore(i, 3):
			// "one faulty switch was responsible for the full blackout"
			from, end = i, i+4
		case t.low == "one" && s.lineStart(i) && s.is(i+1, "reason", "cause", "explanation", "answer") && s.is(i+2, ":", ","):
			// "One reason: the firmware reset", "One reason, one fix: …"
			from, end = i, i+2
		case t.low == "down" && s.is(i+1, "to") && s.is(i+2, "one", "a") && s.is(i+3, "factor", "thing", "cause", "reason") && s.is(i+4, ":", ",", "-", "—") && !s.negatedBefore(i, 3):
			// "Spoilage down to one factor: the turning schedule", the
			// verb dropped as a headline drops it
			from, end = i, i+4
		case s.is(i, "one") && s.is(i-1, "the") && s.is(i+1, "that", "which") && s.is(i+2, "caused", "triggered", "started") && s.hasAfter(i+2, "was") && s.hasAny("factors", "causes", "things", "issues") && !s.negatedBefore(i-1, 3):
			// "While many factors were examined, the one that caused this
			// incident was the full disk"
			from, end = i-1, i+3
		case t.low == "only" && s.is(i-1, "one") && s.is(i-2, "and") && !s.negatedBefore(i-2, 4):
			// "one failure mode and one only", "one and one only"
			from, end = i-2, i+1
		case t.low == "down" && s.is(i+1, "to") && s.is(i-1, "all") && s.is(i-2, "'s", "is", "was", "it") && s.f(i+2)&fNeg == 0 && !s.is(i+2, "zero") && (i+2 >= len(s.toks) || s.toks[i+2].kind != tNum):
			// "so it's all down to giulia propping the door open"
			from, end = i-1, i+2
		case t.low == "other" && s.is(i-1, "no") && s.noOtherFound(i+1):
			// "No other contributing factors were identified."
			from, end = i-1, i+1
		case t.is("other", "deeper", "further", "second") && s.is(i-1, "no") && s.is(i+1, "cause", "causes", "reason", "factor", "factors") && s.is(i-2, "is", "'s", "was", "there", "with") && !s.hasAny("?"):
			// "there is no other cause", "and there's no deeper cause
			// worth chasing"
			from, end = i-1, i+2
		case t.low == "that" && (s.is(i+1, "'s", "is", "was") && s.thatsTheWhole(i+2)):
			// "that's the whole incident", "that's literally the entire rc"
			from, end = i, i+2
		case t.low == "one" && s.lineStart(i) && s.is(i+1, "cause", "reason", "thing", "knob", "setting", "change", "bug", "line", "typo", "flag") && (i+2 == len(s.toks) || s.boundary(i+2) && i+3 >= len(s.toks)):
			// a chat line's closing fragment: "one cause", "one knob"
			from, end = i, i+2
		case t.low == "else" && s.is(i-1, "everything") && s.f(i+1)&fBe != 0 && (s.is(i+2, "downstream", "consequences", "symptoms") || s.is(i+2, "a", "just", "only") && s.is(i+3, "consequence", "symptom")):
			// "everything else is downstream of that one box"
			from, end = i-1, i+3
		case t.low == "cause" && (s.lineStart(i) || s.linePrefix(i)) && i > 0 && s.is(i-1, "incident", "outage") && s.is(i+1, ":") && !s.is(i+2, "multiple", "several", "unknown", "tbd", "pending", "under", "not", "see", "still"):
			// a summary's "Incident cause: operator error."
			from, end = i-1, i+1
		case t.low == "else" && s.is(i-1, "nothing") && (s.is(i+1, "wrong", "broken", "failed", "contributed", "mattered", "changed", "involved") || s.seq(i+1, "to", "find") || s.f(i+1)&fBe != 0 && s.is(i+2, "wrong", "broken", "involved", "changed")):
			// "its only the expired signing key. nothing else wrong"
			from, end = i-1, i+2
		case s.is(i+1, "=") && s.totalBefore(i+1) && s.totalStart(i+1) <= 2 && !s.negatedBefore(i+1, 3):
			// "the whole mess = contractor pulled the wrong fibre"
			from, end = s.totalStart(i+1), i+2
		case t.is("one-cause", "single-cause", "one-reason") && s.is(i+1, "event", "incident", "outage", "failure", "problem") && !s.negatedBefore(i, 4):
			// "this was a one-cause event: the database ran out of storage"
			from, end = i, i+2
		case (t.low == "would" || t.low == "'d" || t.low == "will" && s.negWithin(i+1, 1)) && s.wholeCounterfactual(i) >= 0:
			// "If the cache had had a TTL, none of this would have
			// happened": one missing condition told as the whole incident
			from, end = s.wholeCounterfactual(i), i+1
			if from == i {
				// the condition follows: "This would not have happened if
				// QA had done their job" is quoted from its subject to the
				// condition's end
				for from > 0 && !s.boundary(from-1) && i-from < 6 {
					from--
				}
				for end < len(s.toks) && !s.boundary(end) && end < i+16 {
					end++
				}
			}
		case s.wholeConsequence(i) > 0 && s.conditionFor(i) >= 0:
			// "if the lobby had a breaker on login calls none of this
			// happens", "without the faulty firmware, no incident would
			// have occurred", "if Rafael does not deploy on Friday, all
			// of this would never happen"
			from, end = s.conditionFor(i), s.wholeConsequence(i)
		case t.low == "behind" && s.is(i+1, "every", "all", "each") && (s.f(i-1)&fBe != 0 || s.nominal(i-1) && s.f(i-1)&(fPrep|fDet) == 0 && s.anyWithin(i+2, 3, "missing", "false", "failed", "failure", "failures", "error", "errors", "wrong", "lost", "outage", "outages", "delay", "delays", "complaint", "complaints", "incident", "crash", "crashes", "problem", "problems")) && !s.is(i-1, "fell", "falls", "fallen", "left", "running", "lagging", "stayed", "stay", "got", "get") && !s.negatedBefore(i, 3) && !s.question:
			// "that job is behind every missing booking", "kit lot 4471
			// behind all false positives"
			from, end = i, i+2
		case t.low == "behind" && i > 0 && s.toks[i-1].kind == tWord && s.lineStartAfterLabel(i) && !s.negatedBefore(i, 3) && !s.question:
			// "Headline: faulty gas mixer behind drift in culture conditions"
			from, end = i, i+1
		case t.is("statement", "finding", "summary", "verdict") && s.is(i-1, "cause") && s.is(i-2, "root") && s.is(i+1, ":") && i+2 < len(s.toks) && !s.negatedAfter(i+2):
			// "Root cause statement: failure of the SAG mill lube pump"
			from, end = i-2, i+1
		case t.low == "what" && s.is(i+1, "killed", "sank", "ruined", "doomed", "wrecked", "sunk") && s.beAfter(i+1) > 0 && !s.question && !s.negatedBefore(i, 3):
			// "what killed the plasma stock was a single perished door seal"
			from, end = i, i+2
		case t.is("origin", "source") && (s.lineStart(i) || s.linePrefix(i)) && s.is(i+1, "of") && (s.eventAfter(i+2) || s.is(i+2, "event", "incident", "outage", "failure", "problem", "issue", "the") && s.eventAfter(i+3) || s.is(i+2, "event")) && s.colonWithin(i+2, 4):
			// a summary's "Origin of event: supervisor's decision to …"
			from, end = i, i+1
		case t.is("factor", "factors", "cause", "causes") && s.is(i-1, "other") && s.is(i-2, "no") && (s.is(i-3, ";", ":", "—", "-", ",", "and") || s.lineStart(i-2)) && (i+1 == len(s.toks) || s.boundary(i+1)):
			// a clipped close: "kit lot 4471 behind all false positives; no
			// other factor."
			from, end = i-2, i+1
		case t.low == "reason" && (s.lineStart(i) || s.linePrefix(i)) && s.is(i+1, "for", "of") && s.colonWithin(i+2, 4) && !s.negatedBefore(i, 3):
			// chat's "reason for outage: vendor pushed untested firmware"
			from, end = i, i+2
		case t.low == "always" && s.alwaysThe(i) > 0:
			// chat's "found it. it's the UPS. it was always the UPS.", "it's
			// always DNS", "it was always going to be the NTP server"
			from, end = i-2, s.alwaysThe(i)
			if s.is(i-1, "it's", "its") {
				from = i - 1 // one token, "it's always DNS"
			}
		case s.is(i, "lead", "leads", "led", "leading", "trace", "traces", "point", "points") && s.is(i+1, "back") && s.is(i+2, "to") && s.everythingBefore(i) && !s.negatedBefore(i, 3) && !s.question:
			// "All roads lead back to the BIMS migration", "every symptom
			// we saw leads back to the change in the page size"
			from, end = i, i+3
		case t.is("origin") && s.is(i-1, "single", "one", "common", "sole") && (s.is(i-2, "a", "the", "one") && s.is(i-3, "share", "shares", "shared", "have", "has", "had", "with", "from") || s.is(i+1, "of", "for", "identified", "found", ":")) && !s.negatedBefore(i-1, 4) && !s.question,
			t.is("origin") && s.is(i-1, "of") && s.is(i-2, "point") && s.is(i-3, "single", "one", "sole") && !s.negatedBefore(i-3, 4) && !s.question:
			// "the January outages share a single origin", "Single point
			// of origin identified: corrupt MARC record"
			from, end = i-1, i+1
			if s.is(i-1, "of") {
				from = i - 3
			}
		case t.is("symptom", "symptoms") && s.is(i+1, "of") && s.everythingBefore(i) && s.hasAny("else", "everything", "all") && !s.negatedBefore(i, 4) && !s.question:
			// "Everything else we saw was a symptom of the gearbox"
			from, end = i, i+2
		}
		if end == 0 {
			from, end = s.causalLink(i)
		}
		if end == 0 || s.disclaimsOneCause(from) || s.declinedBefore(from) || s.butOthers(end) || s.causeHeldOff(from) {
			continue
		}
		if s.causeLeftOpen(end) {
			s.declinedCause = true
			continue
		}
		from = max(from, 0) // a span that reached back past the first word
		phrase := s.span(from, end)
		s.add(idSingleCause, from, end,
			fmt.Sprintf("%q frames the incident as having one cause; incidents come from several conditions acting together", phrase),
			"Name the proximate trigger and list the contributing factors that let it become an incident.")
		i = end - 1
	}
}

// rootCause decides on "root cause" at i (cause at k): a noun is flagged
// unless negated; "root-cause analysis" is flagged unless negated; other
// compounds ("root-cause heading") talk about the framing.
func (s *sentence) rootCause(i, k int) (int, int) {
	nx := s.low(k + 1)
	if k == i {
		switch {
		case s.toks[i].low == "root-causes":
			return -1, 0
		}
	}
	if nx == "s" || s.low(k) == "causes" {
		// "the primary root causes were …" still claims there are root
		// causes to find; "root causes" on its own is left alone.
		if !strongWords[s.low(i-1)] && !s.is(i-1, "underlying", "actual") {
			return -1, 0
		}
		if s.negatedBefore(i-1, 3) {
			return -1, 0
		}
		return i - 1, k + 1
	}
	if nx == "analysis" || nx == "analyses" {
		if docNouns[s.low(k+2)] || s.is(k+2, "training", "trainings", "course", "courses", "call", "calls", "tool", "tools") || s.is(i-1, "for", "of") && (docNouns[s.low(i-2)] || s.is(i-2, "training", "course", "call")) {
			// "a root cause analysis workshop", "training in root cause
			// analysis", "the meeting for root cause analysis": an event
			return -1, 0
		}
		if s.negatedBefore(i, 3) || s.negatedAfter(k+2) || metaNouns[s.low(k+2)] || s.is(k+2, analysisToCome...) || s.seq(k+2, "in", "progress") || s.f(k+2)&fBe != 0 && (s.is(k+3, analysisToCome...) || s.is(k+3, "open", "replaced", "retired", "dropped", "abandoned", "wrong", "misleading") || s.seq(k+3, "in", "progress") || s.seq(k+3, "the", "wrong")) || s.is(k+2, "format", "formats", "retired", "replaced") {
			// "Root cause analysis pending; full report within 5 days": a
			// document to come, not a claim
			// "the root cause analysis template asks for factors"
			return -1, 0
		}
		return i, k + 2
	}
	if metaNouns[nx] || docNouns[nx] {
		return -1, 0 // "a root-cause report", "the root cause workshop"
	}
	if nx == "," && s.is(k+2, "contributing", "trigger", "triggers", "factor", "factors", "cause", "causes") {
		// the terms listed: "root cause, contributing factor, trigger: we
		// agreed not to …"
		s.declinedCause = true
		return -1, 0
	}
	if s.negatedBefore(i, 3) || s.searchedNotFound(i) || s.declinedBefore(i) {
		return -1, 0
	}
	from := i
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if s.is(j, "the", "a", "its", "our", "this", "their", "single", "sole", "true", "real", "ultimate", "underlying", "fundamental", "primary", "actual", "one") {
			from = j
			continue
		}
		if s.low(j) == "'s" && j > 0 {
			from = s.npEndingAt(j - 1).start
			if from < 0 {
				from = j
			}
		}
		break
	}
	return from, k + 1
}

// negatedAfter reports whether the verb group that starts at i is negated:
// "root-cause analysis is not part of our template".
func (s *sentence) negatedAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+4; j++ {
		if s.f(j)&fNeg != 0 {
			return true
		}
		if s.f(j)&(fBe|fHave|fDo|fModal) == 0 && !s.isAdverb(j) {
			return false
		}
	}
	return false
}

// strongWords before "cause" claim that there was only one.
var strongWords = map[string]bool{
	"sole": true, "single": true, "true": true, "real": true, "ultimate": true, "fundamental": true,
	"primary": true, "only": true, "main": true, "one": true, "principal": true, "chief": true,
	"core": true, "original": true, "basic": true, "base": true, "unique": true, "decisive": true,
	"key": true,
}

// singleCause decides on "cause" at i with the adjectives before it: "the
// sole cause", "the true underlying cause", "the one cause", "down to one
// cause". Not "no single cause", "one cause of several", "a real cause".
// answeredWithOne returns the end of a cause question at i ("what caused
// the outage?") when the words after it answer with one thing, or 0; not a
// list ("A bad merge, a flaky test and no canary") or an open answer ("We
// are still investigating").
func (s *sentence) answeredWithOne(i int) int {
	q := -1
	for j := i + 1; j < len(s.toks) && j <= i+8; j++ {
		if s.low(j) == "?" {
			q = j
			break
		}
	}
	if q < 0 || q+1 >= len(s.toks) {
		return 0
	}
	commas := 0
	for j := q + 1; j < len(s.toks); j++ {
		switch {
		case s.low(j) == ",":
			commas++
		case s.is(j, "and", "plus", "several", "multiple", "combination", "investigating", "unknown", "unclear", "we", "still", "not"):
			return 0
		}
	}
	if commas > 1 {
		return 0
	}
	return q
}

// fullPercent returns the end of "100%" after the verb at v when it weighs
// a cause whole ("it was 100% the firmware upgrade", "came 100% from the
// new version"), or 0; not a measure ("the disk was 100% full").
func (s *sentence) fullPercent(v int) int {
	if !s.is(v, "was", "is", "'s", "from", "came", "comes") || s.negatedBefore(v, 3) {
		return 0
	}
	e := v + 2
	switch {
	case s.low(v+1) == "100%":
	case s.low(v+1) == "100" && s.low(v+2) == "%":
		e = v + 3
	default:
		return 0
	}
	if e >= len(s.toks) || s.toks[e].kind != tWord || s.is(e, "of", "cpu", "full", "busy", "used", "utilised", "utilized", "capacity", "usage", "load", "loaded", "disk", "memory", "error", "errors", "failure", "failures", "packet", "sure", "certain", "confident", "correct", "right", "done", "complete", "completed", "healthy", "available", "up") {
		return 0
	}
	return e
}

func (s *sentence) singleCause(i int) (int, int) {
	first := i
	for j := i - 1; j >= 0 && i-j <= 3 && (singleWords[s.low(j)] || s.is(j, "root", "technical") || s.is(j, "biggest", "largest", "greatest", "overriding") && singleWords[s.low(j-1)]); j-- {
		first = j
	}
	if first == i {
		return -1, 0
	}
	strong, onlyOne := false, true
	for k := first; k < i; k++ {
		if strongWords[s.low(k)] {
			strong = true
			if s.low(k) != "one" {
				onlyOne = false
			}
		}
	}
	// "the underlying cause", or "Underlying cause of the outage:" opening
	// a line.
	weak := s.is(first, "underlying", "actual") && (s.is(first-1, "the", "'s", "its", "our", "their") || s.lineStart(first) || s.low(first-1) == ":" || s.linePrefix(first))
	switch {
	case !strong && !weak:
		return -1, 0
	case strong && onlyOne && !s.is(first-1, "the", "to", "a") && !s.is(first-1, "just", "exactly", "only", "had", "has", "at", "identifies", "identified", "names", "named") && !s.is(i+1, "explains", "behind") && !(s.is(first-1, "name", "pick") && s.ifBefore(first-1)) && s.low(i+1) != ":":
		// "One cause of the outage was …", but "it had one cause:", "if we
		// had to name one cause, it's …"
		return -1, 0
	case s.negatedBefore(first, 3) || s.searchedNotFound(first):
		return -1, 0
	case s.is(first-1, "a", "an") && !s.is(first, "single", "sole", "one"):
		return -1, 0
	}
	from := first
	if s.is(first-1, "the", "a", "an", "our", "its", "this", "their") {
		from = first - 1
	}
	return from, i + 1
}

// rootOf decides on "the root of" at i: "at the root of the outage was",
// "we got to the root of it", "the root of the latency spike was". Not a
// place: "the root of the shared volume".
func (s *sentence) rootOf(i int) (int, int) {
	the := i - 1 // "the root", or "the very root"
	if s.low(the) == "very" {
		the--
	}
	j := i + 2
	for j < len(s.toks) && j < i+6 && s.nominal(j) && !rootPlaces[s.low(j)] {
		j++
	}
	if rootPlaces[s.low(j)] || s.negatedBefore(the, 3) {
		return -1, 0
	}
	switch {
	case s.low(the-1) == "at":
		return the - 1, i + 1
	case s.is(the-1, "found", "find", "located", "identified", "reached"):
		// "we found the root of the problem in the 2020 code"
		return the - 1, i + 1
	case s.f(the-1)&fBe != 0 && the-1 > 0 && (s.nominal(the-2) || s.is(the-2, "that", "this", "it")) && !s.is(the-2, "what"):
		// "the unmonitored inbox was the root of the late manoeuvre",
		// "that's the root of everything"
		return the, i + 1
	case s.low(the-1) == "to" && s.is(the-2, "got", "get", "gets", "getting", "gotten", "go", "went", "dug", "dig", "digging", "down"):
		return the - 2, i + 1
	case s.f(j)&fBe != 0 || s.is(j, "lies", "lay", "lie"):
		return the, i + 1
	}
	return -1, 0
}

// rootPlaces after "the root of" make it a place: a directory, a tree.
var rootPlaces = map[string]bool{
	"volume": true, "volumes": true, "filesystem": true, "repo": true, "repository": true,
	"directory": true, "folder": true, "bucket": true, "tree": true, "disk": true, "drive": true,
	"partition": true, "path": true, "project": true, "trust": true, "zone": true, "hierarchy": true,
	"document": true, "page": true, "site": true, "chain": true, "domain": true, "namespace": true,
	"share": true, "mount": true, "dataset": true, "graph": true, "node": true, "file": true,
}

// lineStart reports whether token i opens the sentence, after any leading
// numbers and marks: a heading-like fragment such as "Underlying cause: …".
func (s *sentence) lineStart(i int) bool {
	for j := 0; j < i; j++ {
		if s.toks[j].kind != tNum && s.toks[j].kind != tPunct {
			return false
		}
	}
	return true
}

// thatsTheWhole reports whether the words from j name the whole incident
// or its cause: "(that's) the whole incident", "(that's) literally the
// entire rc", "(that's) the incident".
func (s *sentence) thatsTheWhole(j int) bool {
	if s.is(j, "literally", "really", "basically", "just") {
		j++
	}
	if !s.is(j, "the") {
		return false
	}
	j++
	if s.is(j, "whole", "entire") {
		j++
	}
	return s.is(j, "incident", "outage", "rc", "rca", "story", "cause") && (j+1 == len(s.toks) || s.boundary(j+1))
}

// noOtherFound reports whether the words from j name other causes that
// were not found: "(no other) contributing factors were identified".
func (s *sentence) noOtherFound(j int) bool {
	if s.is(j, "contributing", "causal", "underlying", "significant", "relevant") {
		j++
	}
	if !s.is(j, "factors", "causes", "contributors", "factor", "cause", "issues", "problems") {
		return false
	}
	j++
	if s.f(j)&fBe != 0 {
		j++
	}
	return s.is(j, "identified", "found", "involved", "detected", "observed")
}

// searchedNotFound reports whether "a root cause" at i is what someone
// looked for and did not find: "we looked for a single root cause and did
// not find one".
func (s *sentence) searchedNotFound(i int) bool {
	j := i - 1
	for j >= 0 && s.is(j, "single", "sole", "one") {
		j--
	}
	if s.is(j, "a") {
		j--
	} else {
		j = i - 1 // "looked for single root cause", without the article
		for j >= 0 && s.is(j, "single", "sole", "one") {
			j--
		}
	}
	if !s.is(j, "for") {
		return false
	}
	if s.is(j-1, "hard", "carefully", "thoroughly", "extensively", "everywhere", "long") {
		j-- // "we looked hard for a single root cause"
	}
	if !s.is(j-1, "looked", "look", "looking", "searched", "search", "searching", "hunted", "hunt", "hunting") {
		return false
	}
	for k := i + 1; k < len(s.toks); k++ {
		if s.f(k)&fNeg != 0 || s.is(k, "none", "nothing") {
			s.declinedCause = true
			return true
		}
	}
	return false
}

// negatedComeDown reports whether the sentence denies that something came
// down to one thing: "this did not come down to one mistake; it came down to
// a system with no margin".
func (s *sentence) negatedComeDown() bool {
	for i := range s.toks {
		if s.is(i, "come", "came", "comes", "boil", "boils", "boiled") && s.seq(i+1, "down", "to") && s.negatedBefore(i, 3) {
			return true
		}
	}
	return false
}

// brokeAfter reports whether a clause about the incident follows at i: "the
// only reason it broke", "the only reason this happened".
func (s *sentence) brokeAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+6; j++ {
		if s.is(j, "broke", "happened", "failed", "crashed", "occurred", "went", "stopped", "died", "fell") {
			return true
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// wholeSubject returns where the subject of "comes down to" at i starts
// when it is the whole incident ("it all", "everything that happened",
// "this event", "the incident"), or -1: "the fix comes down to two steps"
// is not a claim about causes.
func (s *sentence) wholeSubject(i int) int {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		switch {
		case s.is(j, "everything", "ultimately") || s.is(j, "all") && s.is(j-1, "it", "this", "that"):
			return j
		case s.is(j, "it", "this", "that") && j == i-1 || s.is(j, "really") && j == i-1:
			continue
		case (s.f(j)&fEvent != 0 || s.is(j, "event")) && s.is(j-1, "the", "this", "whole"):
			return j - 1
		case s.is(j, "reason", "cause") && s.is(j-1, "the"):
			return j - 1 // "the reason for the emails boils down to …"
		case s.f(j)&fEvent != 0 && s.npEndingAt(j).ok() && (s.npEndingAt(j).start == 0 || s.linePrefix(s.npEndingAt(j).start)):
			return s.npEndingAt(j).start // "Payout delay came down to …", a summary's bare subject
		case s.is(j, "all") && s.is(j-1, "really", "just") && s.is(j-2, "it", "this", "that"):
			return j - 2 // "it really all comes down to"
		case s.boundary(j):
			j = -1 // "Put simply, it came down to …": the subject is still next to the verb
		}
	}
	if s.is(i-1, "it", "this") || s.is(i-1, "really") && s.is(i-2, "it", "this") {
		return i - 1
	}
	if i == 0 || s.linePrefix(i) {
		return i // "boils down to the handoff", a chat line with no subject
	}
	return -1
}

// disclaimsOneCause reports whether the clause refuses the one cause that
// starts at i: "we are not naming a single root cause", "this review does
// not identify a single root cause", "I'm not going to pretend there's one
// root cause". The phrase must speak of one cause (one, single, sole,
// only) and a negation must stand before it in the same clause.
func (s *sentence) disclaimsOneCause(i int) bool {
	one := false
	for k := i; k < len(s.toks) && k <= i+3; k++ {
		if s.is(k, "one", "single", "sole", "only", "lone") {
			one = true
		}
	}
	if !one {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if s.boundary(j) || s.is(j, "but", "yet", "however") {
			return false
		}
		if s.f(j)&fNeg != 0 {
			return true
		}
	}
	return false
}

// ifBefore reports whether a conditional opens the clause of the word at
// i: "if we had to name one cause".
func (s *sentence) ifBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if s.is(j, "if") {
			return true
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// whysLanded reports whether "five whys" at i ends somewhere in the
// sentence: ended at, landed on, led us to, converged on, one answer, root.
func (s *sentence) whysLanded(i int) bool {
	for j := i + 1; j < len(s.toks); j++ {
		if s.is(j, "ended", "landed", "led", "converged", "pointed", "root", "answer", "got", "ends", "lands", "leads", "points") {
			return true
		}
	}
	return false
}

// oneBefore reports whether the subject of the verb at i is counted as one:
// "one expired certificate explains …".
func (s *sentence) oneBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if s.is(j, "one", "single") {
			return true
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// declinedBefore reports whether the clause refuses to name what comes at
// i: "explicitly declines to name a root cause", "refused to pick one".
func (s *sentence) declinedBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if s.boundary(j) {
			return false
		}
		if s.is(j, "declines", "declined", "decline", "refuses", "refused", "refuse", "avoids", "avoided", "avoid", "resists", "resisted", "resist") && s.is(j+1, "to") {
			return true
		}
		if s.is(j, "avoids", "avoided", "avoid", "avoiding", "resisted", "resists", "resist", "resisting") && strings.HasSuffix(s.low(j+1), "ing") {
			return true // "avoids naming a single root cause", "avoided settling on one"
		}
		if s.is(j, "limits", "limitations", "danger", "dangers", "trap", "perils", "futility", "temptation") && s.is(j+1, "of", "in") {
			return true // "the limits of looking for a single root cause"
		}
		if s.is(j, "tempting", "tempted", "easy", "convenient") && s.is(j+1, "to") {
			return true // "it's tempting to call the outage the root cause, but …", "it would be easy to name one root cause"
		}
		if s.is(j, "want", "wants", "wanted", "expect", "expects", "expected") && s.is(j+1, "a", "an") && j+2 == i {
			return true // "some readers will want a root cause": one asked for is none claimed
		}
		if s.is(j, "hunt", "hunting", "look", "looking", "search", "searching", "chase", "chasing", "dig") && s.is(j+1, "for") && s.negatedBefore(j, 2) {
			return true // "let's not hunt for a root cause in the channel"
		}
		if s.is(j, "guess", "guessed", "thinking", "theory", "hunch", "suspicion", "hypothesis", "assumption") && s.wrongAfter(i) {
			return true // "my first guess about the cause was wrong"
		}
	}
	if s.rejectedTheoryBefore(i) {
		s.declinedCause = true
		return true
	}
	return false
}

// wrongAfter reports whether the sentence, after i, says that what it
// guessed was wrong: "was wrong", "it was wrong idea", "turned out not".
func (s *sentence) wrongAfter(i int) bool {
	for k := i; k < len(s.toks); k++ {
		if s.is(k, "wrong", "mistaken", "incorrect") || s.seq(k, "turned", "out", "not") || s.seq(k, "turned", "out", "to", "be", "wrong") {
			return true
		}
	}
	return false
}

// rejectedTheoryBefore reports whether the sentence rejects, before i, the
// theory it then states: "we considered and rejected the theory that the
// new firmware was the single cause".
func (s *sentence) rejectedTheoryBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		if s.boundary(j) {
			return false
		}
		if s.is(j, "theory", "idea", "notion", "hypothesis", "claim", "assumption", "suggestion") && s.is(j+1, "that") {
			k := j - 1
			if s.is(k, "the", "a", "an", "this", "that", "any") {
				k--
			}
			return s.is(k, "rejected", "rejects", "reject", "dismissed", "dismisses", "discarded", "disproved", "disproves", "refuted", "refutes", "ruled", "abandoned", "dropped") ||
				s.is(k, "out") && s.is(k-1, "ruled", "rules")
		}
	}
	return false
}

// causeLeftOpen reports whether a summary's cause line that ends at end
// names no cause: "Cause: multiple, see full report", "Cause: under
// investigation".
func (s *sentence) causeLeftOpen(end int) bool {
	j := end
	if !s.is(j, ":") {
		j = end - 1
	}
	return s.is(j, ":") && s.is(j+1, "multiple", "several", "various", "many", "unknown", "tbd", "tbc", "undetermined", "unclear", "pending", "under", "still", "complex")
}

// analysisToCome are the words after "root cause analysis" that make it a
// document still to come: "root cause analysis pending", "… is still open".
var analysisToCome = []string{"pending", "ongoing", "underway", "continues", "continuing", "due", "scheduled", "planned", "will", "to", "deferred", "postponed", "delayed", "still", "not", "expected", "awaited", "outstanding", "incomplete", "unfinished"}

// othersToo reports whether the sentence goes on to other causes: "a
// memory leak was one reason, also the alert threshold was too high".
func (s *sentence) othersToo(i int) bool {
	for j := i + 1; j < len(s.toks); j++ {
		if s.is(j, "also", "another", "other", "others", "plus") {
			return true
		}
	}
	return false
}

// hasAfter reports whether one of words comes after i in the sentence.
func (s *sentence) hasAfter(i int, words ...string) bool {
	for j := i + 1; j < len(s.toks); j++ {
		if s.is(j, words...) {
			return true
		}
	}
	return false
}

// simpleAfter returns the end of "is simple:" within the clause after the
// reason at i ("the reason why the app was down is simple:"), or 0.
func (s *sentence) simpleAfter(i int) int {
	for j := i + 1; j < len(s.toks) && j <= i+10 && !s.boundary(j); j++ {
		if s.f(j)&fBe != 0 && s.is(j+1, "simple", "obvious", "clear") && s.is(j+2, ":", "—") {
			return j + 2
		}
	}
	return 0
}

// colonWithin reports whether a colon comes within n words from i, before
// any other boundary.
func (s *sentence) colonWithin(i, n int) bool {
	for j := i; j < len(s.toks) && j < i+n; j++ {
		if s.is(j, ":") {
			return true
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// butOthers reports whether the sentence turns, after the framing that ends
// at i, to the several causes it set aside: "earlier drafts named a single
// root cause, but the final report lists five contributing factors",
// "someone said the root cause is the CDN, but we agree this is too simple".
func (s *sentence) butOthers(i int) bool {
	for j := i; j < len(s.toks) && j < i+12; j++ {
		// "traced to an outdated extract, one of three contributing issues"
		if s.seq(j, "one", "of") && s.countWord(j+2) && s.hasWithin(j+3, 3, "contributing", "causes", "factors", "issues", "reasons") {
			return true
		}
	}
	for j := i; j < len(s.toks); j++ {
		if !s.is(j, "but", "however") {
			continue
		}
		for k := j + 1; k < len(s.toks); k++ {
			switch {
			case s.is(k, "factors", "causes", "several", "multiple", "oversimplified", "oversimplification"),
				s.f(k)&fNeg != 0 && s.is(k+1, "support", "supported", "hold", "confirm", "confirmed", "survive", "survived"),
				s.seq(k, "ruled", "out"), s.is(k, "disproved", "refuted"),
				s.seq(k, "too", "simple"), s.seq(k, "more", "than", "one"), s.seq(k, "just", "one") && s.f(k-1)&fNeg != 0:
				return true
			}
		}
		return false
	}
	return false
}

// capacityAfter reports whether "one" or "single" at i counts capacity,
// not causes: "fault domain reduced to single availability zone", "the
// pool reduced to one replica".
func (s *sentence) capacityAfter(i int) bool {
	for k := i + 1; k < len(s.toks) && k <= i+3; k++ {
		if s.is(k, "zone", "availability", "az", "region", "replica", "node", "instance", "server", "path", "link", "copy", "core", "thread", "worker", "shard", "cluster", "site", "datacenter", "datacentre", "host", "disk", "lane", "line", "track", "circuit", "feed", "uplink") {
			return true
		}
	}
	return false
}

// wholeCounterfactual returns where the whole incident is told as
// following from one condition, with "would" at i: "If the
// queue had been bounded, none of this would have happened", "had the
// parser checked the header, there would have been no incident at all",
// "this whole incident would never have happened if the poller had
// validated the map". A condition about a person is read here too, as the
// one cause, and blame.counterfactual reads it as blame. It returns -1
// otherwise.
func (s *sentence) wholeCounterfactual(i int) int {
	j := i + 1
	for j < len(s.toks) && (s.f(j)&fNeg != 0 || s.is(j, "ever", "even")) {
		j++
	}
	if j > i+1 && (s.is(j, "lose", "have", "get") && s.is(j+1, "any") && (s.is(j, "lose") || s.is(j+2, impactNouns...)) || s.is(j, "lose") && s.seq(j+1, "a", "single")) {
		// "if the compressor was not broken, we will not have any problem",
		// "we would not lose any blood units", as second-language writers
		// put it
		if c := s.plainCondition(); c >= 0 {
			return min(c, i)
		}
		return -1
	}
	if s.is(j, "be") && s.is(j+1, "avoided", "prevented") && s.wholeBefore(i) {
		// "this whole outage would be avoided", as second-language writers
		// put it
		if c := s.conditionFor(i); c >= 0 {
			return min(c, i)
		}
		if c := s.plainCondition(); c >= 0 {
			return min(c, i)
		}
		return -1
	}
	if !s.is(j, "have") {
		return -1
	}
	whole, avoided := false, false
	switch {
	case s.is(j+1, "been") && s.is(j+2, "avoided", "prevented") && s.wholeBefore(i):
		avoided = true // "the entire outage would have been avoided"
	case s.is(j+1, "been") && s.is(j+2, "no") && (s.is(j+3, impactNouns...) || s.is(j+4, impactNouns...)):
		whole = true // "there would have been no incident at all", "no customer impact"
	case s.is(j+1, "had") && s.is(j+2, "nothing") && s.is(j+3, "to"):
		whole = true // "we'd have had nothing to write up"
	case s.is(j+1, "had", "seen", "suffered") && s.is(j+2, "an", "any", "no") && s.is(j+3, impactNouns...):
		whole = true // "we wouldn't have had an outage at all", "we would have had no incident to report"
	case s.is(j+1, "any", "an") && s.is(j+2, impactNouns...):
		whole = true // "we would not have any incident on Saturday"
	case s.seq(j+1, "gone", "down") || s.is(j+1, "been") && s.is(j+2, "necessary", "needed", "required"):
		// "the app would never have gone down", "the contamination hold
		// would never have been necessary": the consequence is the
		// incident's harm
		whole = s.f(i+1)&fNeg != 0 || s.is(i+1, "never")
	case s.is(j+2, "no") && s.seqWithin(j+3, j+7, "at", "all"):
		whole = true // "we would have lost no filings at all"
	case s.is(j+1, "happened", "occurred", "gone", "followed", "mattered", "started", "broken", "failed", "fired", "happen", "occur") || s.is(j+1, "been") && s.boundary(j+2):
		for k := i - 1; k >= 0 && k >= i-5 && !s.boundary(k); k-- {
			if s.is(k, "none", "nothing", "whole", "entire", "single") || s.is(k, impactNouns...) && (s.is(k-1, "this", "the", "that") || s.boundary(k-1) && s.is(j+1, "happened", "occurred")) {
				whole = true
				break
			}
		}
		if s.is(j+1, "happened", "occurred") && (s.f(i+1)&fNeg != 0 || s.is(i+1, "never")) {
			whole = true // "missed collections would not have occurred": the incident's harm
		}
	}
	if avoided {
		// Only a thing's condition is read: "had the duty manager acted,
		// the incident would have been avoided" is blame.counterfactual's.
		for c := range s.toks {
			if s.is(c, "if") || s.is(c, "had") && s.clauseStart(c) {
				if n := s.npStartingAt(c + 1); n.ok() && !s.personish(n) && !s.person(n) && s.toks[n.head].f&(fFirstSg|fFirstPl|fRole) == 0 {
					return min(c, i)
				}
				return -1
			}
		}
		return -1
	}
	if !whole && s.noneBefore(i) {
		whole = true // "no messages would have been dropped", "none of our customers would have been affected"
	}
	normal := false
	if !whole {
		whole = s.normalCarriedOn(i, j)
		normal = whole
	}
	if !whole {
		return -1
	}
	// The condition: "if X had …" or an inverted "had X …", before or
	// after.
	for c := range s.toks {
		var n np
		switch {
		case s.is(c, "if") && (s.hasWithin(c+1, 8, "had", "hadn't", "'d") || s.hasWithin(c+1, 6, "was", "were", "wasn't", "weren't") && s.negWithin(c+1, 7)):
			n = s.npStartingAt(c + 1)
		case s.is(c, "had") && s.clauseStart(c) && c+1 < len(s.toks) && s.toks[c+1].kind == tWord:
			n = s.npStartingAt(c + 1)
		default:
			continue
		}
		if !n.ok() || normal && s.personish(n) {
			return -1 // "had Raúl read the runbook, the site would have stayed up" is read as blame
		}
		return min(c, i)
	}
	if s.is(0, "without") && !normal || s.linePrefix(0) && s.is(1, "without") {
		return 0 // "Without the bad cache-control header, no rider impact would have occurred."
	}
	return -1
}

// wholeBefore reports whether the subject of "would" at i is the whole
// incident: "the entire outage", "this whole incident".
func (s *sentence) wholeBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5 && !s.boundary(k); k-- {
		if s.is(k, "whole", "entire") || s.is(k, impactNouns...) && s.is(k-1, "this", "the", "that") {
			return true
		}
	}
	return false
}

// impactNouns name a whole incident or its whole impact.
var impactNouns = []string{"incident", "outage", "postmortem", "problem", "issue", "impact", "interruption", "disruption", "downtime", "crash", "collision", "accident", "breach", "loss"}

// noneBefore reports whether the clause of "would" at i has a subject that
// denies every instance, the whole impact undone: "no messages would have
// been dropped", "none of our European customers would have been
// affected". "No one of them alone would have caused it" weighs one
// factor among several, "no more than …" bounds the impact, and "but …
// still" tells what would have happened anyway.
func (s *sentence) noneBefore(i int) bool {
	k := i - 1
	for k > 0 && k > i-7 && !s.boundary(k-1) && !s.is(k-1, "then", "and") {
		k--
	}
	if !s.is(k, "no", "none", "not") || !s.boundary(k-1) && !s.is(k-1, "then", "and") {
		return false
	}
	if s.is(k, "not") {
		// "not one duplicate payment would have gone out", "not a single
		// sample would have been lost"
		if !s.is(k+1, "one") && !s.seq(k+1, "a", "single") || s.is(k+2, "of") && s.is(k+3, "them", "these", "those") {
			return false
		}
	} else if s.is(k+1, "one", "more", "less", "fewer", "longer", "other", "single", "later", "sooner") {
		return false
	}
	if s.hasAny("alone", "own", "itself", "themselves") {
		return false
	}
	for j := i + 1; j < len(s.toks); j++ {
		if s.is(j, "but", "still", "though", "although", "yet") {
			return false // "no data would have been lost, but the queue would still have backed up"
		}
	}
	return true
}

// wholeConsequence returns the end of a consequence that is the whole
// incident, starting at i, or 0: "none of this would have happened",
// "nothing of this outage would happen", "all of this would never happen",
// "no outage would have occurred", "this outage never happens", "there'd be
// no incident", "we wouldn't be here at all". "Will happen again" is a
// plan, not a counterfactual.
func (s *sentence) wholeConsequence(i int) int {
	happens := func(from, n int) int {
		for k := from; k < len(s.toks) && k < from+n && !s.boundary(k); k++ {
			if s.is(k, "happen", "happens", "happened", "happening", "occur", "occurs", "occurred", "occured") {
				if s.is(k+1, "again") {
					return 0
				}
				return k + 1
			}
		}
		return 0
	}
	switch {
	case s.is(i, "none", "nothing", "all") && s.is(i+1, "of", "from") && s.is(i+2, "this", "it", "that", "these", "the", "yesterday's", "today's"):
		return happens(i+3, 7)
	case s.is(i, "all") && s.is(i+1, "this", "these") && s.is(i+2, "problem", "problems", "trouble", "mess"):
		return happens(i+3, 5) // "all this problem would not happen"
	case s.is(i, "no") && s.is(i+1, "incident", "outage", "postmortem") && s.is(i+2, "would", "will", "'d", "at"):
		if s.is(i+2, "at") && s.is(i+3, "all") {
			return i + 4
		}
		return happens(i+2, 5)
	case s.is(i, "this", "the") && s.is(i+1, "outage", "incident", "crash", "collision", "accident", "breach") && s.hasWithin(i+2, 3, "never", "not"):
		return happens(i+2, 4)
	case s.is(i, "be", "been") && s.is(i-1, "'d", "would") && s.is(i+1, "no") && s.is(i+2, "incident", "outage"):
		return i + 3
	case s.is(i, "we") && s.is(i+1, "would", "'d") && s.f(i+2)&fNeg != 0 && s.seq(i+3, "be", "here"):
		return i + 5
	case s.is(i, "we") && s.is(i+1, "would", "'d") && s.f(i+2)&fNeg != 0 && s.seq(i+3, "be", "writing"):
		return i + 5 // "we would not be writing this report"
	case s.seq(i, "none", "of", "us") && s.is(i+3, "would", "'d") && s.is(i+4, "be") && s.is(i+5, "awake", "here", "up"):
		return i + 6 // "none of us would be awake right now"
	case s.is(i, "no") && s.is(i+1, "problem", "problems", "disruption", "impact", "outage", "incident", "issue", "issues") && s.seq(i+2, "at", "all"):
		return i + 4 // "there would be no problem at all", "tenants would have seen no disruption at all"
	case s.is(i, "exist", "existed") && s.f(i-1)&fNeg != 0 && s.hasWithin(max(i-4, 0), 4, "would"):
		return i + 1 // "this incident would not exist at all"
	}
	return 0
}

// conditionFor returns where the one condition of a whole consequence at
// i starts, or -1: "if …", an inverted "had …", "with X in place",
// "without X," opening the sentence. A question asks; it is not read.
func (s *sentence) conditionFor(i int) int {
	if s.question || s.forward {
		return -1
	}
	for c := range s.toks {
		switch {
		case s.is(c, "if") && !s.is(c+1, "any", "anything", "ever"):
			return c
		case s.is(c, "had") && s.clauseStart(c) && c+1 < len(s.toks) && s.toks[c+1].kind == tWord:
			return c
		case s.is(c, "with", "without") && (c == 0 || s.linePrefix(c)) && c < i:
			return c
		}
	}
	return -1
}

// hasWithin reports whether one of words is among the n tokens from i, in
// the same clause.
func (s *sentence) hasWithin(i, n int, words ...string) bool {
	for k := i; k < len(s.toks) && k < i+n && !s.boundary(k); k++ {
		if s.is(k, words...) {
			return true
		}
	}
	return false
}

// causalBefore returns where a causal phrase ending at i starts ("because
// of", "started from", "traces back to", "comes down to", "due to",
// "stems from"), plus one, or 0.
func (s *sentence) causalBefore(i int) int {
	switch {
	case s.is(i, "of") && s.is(i-1, "because"):
		return i
	case s.is(i, "from") && s.is(i-1, "started", "starts", "came", "comes", "stems", "stemmed", "originated", "arose", "grew", "began"):
		return i
	case s.is(i, "to") && s.is(i-1, "due", "back", "down", "traces", "traced", "leads", "led", "boils", "boiled", "comes", "came"):
		if s.is(i-1, "back", "down") && s.is(i-2, "traces", "traced", "goes", "went", "comes", "came", "boils", "boiled", "leads", "led") {
			return i - 1
		}
		return i
	}
	return 0
}

// aloneCaused returns the end of a causing verb at i and its object, or
// 0: "broke the signalling data build", "produced the whole SMS backlog",
// "caused the outage", "explains all of it".
func (s *sentence) aloneCaused(i int) int {
	if i >= len(s.toks) || s.toks[i].kind != tWord || !s.is(i, "broke", "caused", "produced", "triggered", "explains", "explained", "took", "brought", "killed", "crashed", "created", "causes", "accounts", "accounted") {
		return 0
	}
	e := i + 1
	for e < len(s.toks) && e < i+6 && !s.boundary(e) {
		e++
	}
	return e
}

// oneCounted returns where a subject counted as one ends before the verb
// at v ("one unguarded config flag is why"), or -1.
func (s *sentence) oneCounted(v int) int {
	for k := v - 1; k >= 0 && k >= v-5; k-- {
		if s.boundary(k) {
			return -1
		}
		if s.is(k, "one", "single") && (k == 0 || s.boundary(k-1) || s.is(k-1, "a", ":") || s.linePrefix(k)) {
			if s.is(k+1, "of") || s.hasWithin(k+1, v-k-1, "question", "questions", "puzzle", "mystery", "lesson", "reason") {
				return -1 // "one of the reasons is why", "one open question is why"
			}
			return k
		}
	}
	return -1
}

// negWithin reports whether a negation stands among the n words from i.
func (s *sentence) negWithin(i, n int) bool {
	for k := max(i, 0); k < i+n && k < len(s.toks); k++ {
		if s.f(k)&fNeg != 0 || s.is(k, "none", "neither", "nor", "no", "nothing") {
			return true
		}
	}
	return false
}

// normalCarriedOn reports whether the consequence after "would … have" at
// j says that everything would have gone on as normal, which is the whole
// incident undone: "freezer temperatures would have held", "route planning
// would have continued without interruption", "the portal would have
// remained available", "we would not have lost a single sample",
// "residents would not have experienced any disruption", "we'd have had
// zero missing loads", "the blip would not have mattered at all".
func (s *sentence) normalCarriedOn(i, j int) bool {
	neg := s.f(i+1)&fNeg != 0 || s.is(i+1, "never")
	end := j + 1
	for end < len(s.toks) && end < j+10 && !s.boundary(end) && !s.is(end, "but", "though", "although", "yet") {
		end++
	}
	if end < len(s.toks) && s.is(end, "but", "though", "although", "yet") || s.hasAny("still", "fewer", "less", "partly", "partially", "some") {
		return false // "… but the queue would still have backed up"
	}
	switch {
	case !neg && s.is(j+1, "held", "continued", "remained", "stayed", "survived", "renewed", "carried") && (s.is(j+1, "held", "renewed") && (j+2 == end || s.is(j+2, "and")) ||
		s.hasWithin(j+2, end-j-2, "normally", "uninterrupted", "available", "online", "up", "operational", "stable", "throughout", "usual", "normal") || s.seqWithin(j+2, end, "without", "interruption")):
		return true
	case !neg && s.is(j+1, "had") && s.is(j+2, "zero"):
		return true
	case neg && s.is(j+1, "mattered") && s.seqWithin(j+2, end, "at", "all"):
		return true
	case neg && (s.seqWithin(j+1, end, "a", "single") || s.is(j+2, "any") && s.is(j+3, impactNouns...) || s.is(j+2, "any") && s.is(j+4, impactNouns...)):
		return true
	}
	return false
}

// plainCondition returns where an "if" clause about a thing starts, in the
// simple past ("if the backup generator was starting correct"), or -1.
func (s *sentence) plainCondition() int {
	for c := range s.toks {
		if !s.is(c, "if") {
			continue
		}
		n := s.npStartingAt(c + 1)
		if !n.ok() || s.personish(n) || s.writer(n) {
			return -1
		}
		if s.anyWithin(n.end, 5, "was", "were", "had", "hadn't", "wasn't", "weren't", "did", "didn't") {
			return c
		}
		return -1
	}
	return -1
}

// summingUp returns the end of an opening that sums an incident up in one
// line at i, or 0: "fundamentally", "in the end", "at the end of the day",
// "bottom line", "put simply", "long story short", "in a nutshell",
// "tl;dr". It opens the sentence or a chat line's message.
func (s *sentence) summingUp(i int) int {
	if i > 0 && !s.linePrefix(i) && !s.boundary(i-1) {
		return 0
	}
	switch {
	case s.is(i, "fundamentally", "basically", "essentially"):
		return i + 1
	case s.seq(i, "in", "the", "end"), s.seq(i, "bottom", "line"), s.seq(i, "put", "simply"), s.seq(i, "simply", "put"),
		s.seq(i, "put", "plainly"), s.seq(i, "plainly", "put"), s.seq(i, "in", "short"):
		return i + 2
	case s.seq(i, "the", "bottom", "line"), s.seq(i, "long", "story", "short"):
		return i + 3
	case s.seq(i, "in", "a", "nutshell"), s.seq(i, "at", "its", "core"), s.seq(i, "in", "its", "core"), s.seq(i, "in", "one", "sentence"), s.seq(i, "in", "one", "line"):
		return i + 3
	case s.seq(i, "at", "heart"), s.seq(i, "in", "essence"), s.seq(i, "boiled", "down"), s.seq(i, "at", "bottom"):
		return i + 2
	case s.is(i, "strip", "stripping") && s.is(i+1, "away") && s.anyWithin(i+2, 4, "and", ","):
		for k := i + 2; k < len(s.toks) && k < i+7; k++ {
			if s.is(k, "and", ",") {
				return k + 1 // "strip away the detail and one fact remains"
			}
		}
	case s.seq(i, "at", "the", "end", "of", "the", "day"):
		return i + 6
	case s.is(i, "tl;dr", "tldr"), s.seq(i, "tl", ";", "dr"):
		if s.is(i, "tl") {
			return i + 3
		}
		return i + 1
	}
	return 0
}

// summedUpCause returns the word after a summing-up opening at k that makes
// what follows the incident's one cause, or 0: a word of causing ("caused
// by", "because", "due to", "led to"), "it was …" or "it's …" told of a
// thing, what the incident "is about" or "the result of", or "one fact".
func (s *sentence) summedUpCause(k int) int {
	for s.is(k, ",", ":", "-", "—") {
		k++
	}
	if s.is(k, "it", "this", "that") && (s.f(k+1)&fBe != 0 || s.is(k+1, "'s")) && !s.is(k+2, "not", "a", "an", "hard", "difficult", "unclear", "too", "likely", "possible") && s.f(k+2)&fNeg == 0 {
		return k + 1 // "bottom line, it was the certificate chain"
	}
	for j := k; j < len(s.toks) && j < k+10; j++ {
		if s.is(j, "caused", "cause", "due", "because", "stemmed", "traced", "resulted", "boiled", "boils", "came", "comes", "attributable", "attributed", "broke", "took", "brought", "led", "explains", "why") && !s.is(j-1, "not", "n't") {
			return j
		}
		if s.is(j, "about", "result") && s.f(j-1)&fBe != 0 || s.is(j, "result") && s.is(j-1, "the", "a") && s.f(j-2)&fBe != 0 || s.is(j, "one", "single") && s.is(j+1, "fact", "thing", "cause", "reason", "failure", "problem") {
			return j // "fundamentally this incident is about a missing time-zone setting", "one fact remains"
		}
	}
	return 0
}

// causeHeldOff reports whether the writer holds the one-cause framing that
// starts at from at a distance: asks whether there was one ("was the
// reagent lot the root cause?", "are we sure the fan gun is the root
// cause?", "we looked at whether the outage had a single root cause"), or
// warns against it ("it is tempting to name the expired cert as the root
// cause, but …", "I would caution against drawing conclusions about a root
// cause", "it is difficult to say what was the root cause").
func (s *sentence) causeHeldOff(from int) bool {
	// A yes-or-no question, not one answered with a cause ("was there a
	// root cause? yes, one: …"): the clause opens with an auxiliary and a
	// question mark closes it.
	if o, q := s.questionAround(from); q > 0 && !s.is(q+1, "yes", "yep", "yeah", "absolutely", "definitely", "obviously", "one", "sure") {
		// "is it any surprise that …"; "can i tell customers the root cause
		// was a bad config push?" asks to use the framing
		rhetorical := s.f(o+1)&fNeg != 0 || s.is(o+1, "it", "this") && s.is(o+2, "any", "really", "not", "n't") ||
			s.anyWithin(o, from-o, "tell", "say", "write", "report", "put", "call", "announce", "claim", "state")
		if s.f(o)&(fBe|fModal|fDo|fHave) != 0 && s.toks[o].f&fPron == 0 && !rhetorical {
			return true
		}
	}
	for k := max(from-12, 0); k < from; k++ {
		switch {
		case s.is(k, "whether", "tempting", "caution", "premature", "resist", "resisted"),
			s.is(k, "difficult", "hard", "early", "soon") && s.is(k+1, "to") && s.is(k+2, "say", "tell", "name", "know", "judge"),
			s.is(k, "ready") && s.negatedBefore(k, 2) && s.is(k+1, "to"),
			s.is(k, "mistake", "wrong", "unfair", "misleading") && s.is(k+1, "to") && (s.f(k-1)&fBe != 0 || s.is(k-1, "a") && s.f(k-2)&fBe != 0):
			return true
		}
	}
	return false
}

// lineStartAfterLabel reports whether the clause of the word at i opens a
// line after a label and a colon: "Headline: faulty gas mixer behind …".
func (s *sentence) lineStartAfterLabel(i int) bool {
	for k := i - 1; k > 0; k-- {
		if s.low(k) == ":" {
			return k <= 2 && s.wordsOnly(0, k) && s.is(k-1, "headline", "summary", "tldr", "tl;dr", "finding", "verdict", "conclusion")
		}
		if s.boundary(k) {
			return false
		}
	}
	return false
}

// wordsOnly reports whether the tokens from i up to j are all words.
func (s *sentence) wordsOnly(i, j int) bool {
	for k := i; k < j; k++ {
		if s.toks[k].kind != tWord {
			return false
		}
	}
	return true
}

// questionAround returns the start of the clause holding the word at i and
// the question mark that closes it, or -1 for the mark when the clause is
// not asked.
func (s *sentence) questionAround(i int) (open, mark int) {
	mark = -1
	for k := i; k < len(s.toks); k++ {
		if s.low(k) == "?" {
			mark = k
			break
		}
	}
	open = i
	for open > 0 && !s.is(open-1, ":", ".", ";", ">", "?") && !s.linePrefix(open) {
		open--
	}
	return open, mark
}

// alwaysThe returns the end of "it's always X" at i, always, or 0: a chat's
// way of naming the one cause ("it was always the UPS", "of course it's
// DNS, it's always DNS", "it was always going to be the NTP server"). The
// thing named ends the clause: "it's always the same alert that fires"
// goes on.
func (s *sentence) alwaysThe(i int) int {
	if !(s.is(i-1, "is", "'s", "was") && s.is(i-2, "it", "its") || s.is(i-1, "it's", "its")) || s.question || s.hasAny("joke", "jokes", "joking", "joked", "meme", "kidding") {
		return 0 // "we were joking on the bridge that it was always DNS"
	}
	j := i + 1
	if s.seq(j, "going", "to", "be") {
		j += 3
	}
	if s.is(j, "the") {
		j++
	}
	n := s.npStartingAt(j)
	if !n.ok() || s.is(j, "same", "like", "a", "an", "there", "been", "fine", "so", "on", "in", "down", "up", "busy", "slow", "late", "open", "off") || s.person(n) {
		return 0
	}
	if n.end < len(s.toks) && !s.boundary(n.end) && !s.is(n.end, ".", "!", ",", ";") {
		return 0
	}
	return n.end
}

// everythingBefore reports whether the subject of the verb at i counts
// every symptom or path: "all roads lead back to", "every symptom we saw
// leads back to", "everything else we saw".
func (s *sentence) everythingBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-8 && !s.boundary(j); j-- {
		if s.is(j, "all", "every", "everything", "each") {
			return true
		}
	}
	return false
}
