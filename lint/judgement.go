package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// blame.judgement: words that grade people or their actions. "Mia
// carelessly reused a query" explains nothing about why the query looked
// right; "Mia reused a query from the wiki, which still pointed at the old
// shard" does.
var judgementRule = &sentenceRule{
	info: RuleInfo{
		ID:          idJudgement,
		Category:    Blame,
		Severity:    Warning,
		Description: "Judgement of people or their actions: careless, sloppy, lazy, negligent, reckless, incompetent, blindly, fat-fingered, messed up, dropped the ball, poor judgement, poor discipline, cut corners, can't be trusted, a lapse; also clueless, amateur hour, a failure of judgement, fell short of the standard, made matters worse, mishandled, took a shortcut, jumped the gun, went off-script, treats the checklist as optional, keeps treating production like a sandbox, treats the lab like an afterthought, went back to sleep, made it worse, must be more careful, did nothing after a warning; a failure told as a habit (as usual, once again); a repeat pinned on someone in exasperation or with harm (your apply nuked the VPC again); a sarcastic tag after what someone did (classic, unbelievable, great job guys, '… Great planning.', '… Amateurs.', 'Not the first time.'), or praise opening a line about harm ('Good job, storage team, deleting the only backup'); an exasperated or resigned close (which says something, guess who, yet here we are, and now we see the result, which tells you everything, so what did we expect, what could go wrong); acting 'as if' nothing depended on it; doing it anyway after a warning; more focused on one thing than on the alarms; fumbled, undertrained, overreacted, out of touch, just sat there, acted outside their authority, not at the standard required, took their sweet time, had no right to, showed little care, a worrying lack of urgency, answered our ticket only after one week, has yet to provide an ETA; a disclaimer before the pointing (not to point fingers but the last three outages were all jess's deploys); telling people to do better (must take greater ownership, should think more, I expect them to take it more seriously); notorious for, how little attention they pay, then wonder why, not looking at the pager, lied to, overruled, chose to do nothing, bad faith, acted surprised, waited an hour before declaring, not treated with the seriousness they deserved; warnings ignored (were told twice, warned repeatedly, nobody listened); a team's habit of or tendency to working badly (the mobile team's habit of hot-fixing on the release branch); couldn't even manage to; insulting similes (like maniacs) and yolo deploys; an eye-roll, facepalm or upside-down-face emoji, or smh, at people (still nothing from the storage team 🙄); what someone did put in scare quotes (Greg \"cleaned up\" the old tables, the vendor's \"fix\"); a dismissive attitude put in people's heads (some engineers clearly think rate limits are someone else's problem, the new shift lead thinks he knows better than the runbook); advice handed to someone about next time (@webteam maybe test the form before you ship it next time?); what someone addressed did, told in disbelief (@lena you merged the schema change on a friday??, you deployed at 8:55 on valentines morning. why.); a person's choice graded through a question it answers itself (it remains unclear why the lead considered the change acceptable, I'm not sure why Tomasz thought Saturday night was a good time); praise with a barb (to their credit, did eventually locate the diagram; did well to eventually notice), irony about a choice (interesting choice from the DBA to reindex on payday; bold choice; strange decision), and puzzlement that grades a choice (it is difficult to understand why the control room chose to override …; why anyone would choose to …; I don't understand why he decided to restart everything when only one node failed); thanks with a sneer (lovely of the vendor to mention the change two days after shipping it), and to be fair, … eventually; a person's own words for a step quoted back to make it sound small or safe (Luca \"just quickly\" edited the map, removed during what she called a \"tidy-up\", unplugged the dock \"to see what happens\"), though not a label, a status or a question quoted; a creative interpretation of the change freeze; enthusiasm is no substitute for reading the procedure; thanks for the harm the sentence tells (thanks for the heads-up, two days after it expired); a review graded by its seconds (approved after looking at it for maybe 30 seconds); one wonders what the security team was doing; trust that was misplaced, all the more surprising, better judgement than that, he must have known, never follows the process, typical ops, the famous Jonas hotfix, a quotation followed by \"which means\", nice of Kenji … really helped, knew what the switch does and flipped it anyway; somehow managed to upload the wrong file, somehow deployed the old build; care urged for next time (@hamid maybe scroll up before restarting payouts next time) or a person kept away from a system (don't let @jamal anywhere near the db); words quoted back (\"tested locally\" meant what exactly, \"…\" - your words, which part of \"do not run before 6am\" was unclear, \"I'll fix it monday\" was three mondays ago, you said \"saved\" and it was not, \"approved\" in the sense that you approved it); a person's own words quoted as the reason for an act (muted it because it was \"annoying\", copied the files \"to work from home\"), by their own admission, as an assurance the incident belied (assured the board it was \"fully tested\") or as a review comment in full; thanks for a quoted small act, an act without a check, or a surprise; a review graded by its seconds or minutes (within 90 seconds, in under a minute, eleven minutes for a 1,900-line change); thanks barbed with the harm (for wiping the price table, for making our customers the testers, in front of 60,000 fans, on real customers); a review graded in seconds or under a minute by we or I, even with a reason that does not explain it; an act counted against people (for the third time this month the pick list went out with yesterday's date, third such slip this year, the second outage caused by the same individual this quarter), not a system's repeats; care urged on a person addressed by name (Lukas, maybe glance at the dropdown next time); thanks for taking the whole site down, for choosing the peak, for discovering in front of everyone; thanks made ironic by an upside-down or eye-rolling face, by very brave or really made our night, or by a thumbs-up or clapping after harm (cheers to the design office for the wiring diagram from 1987, very helpful 👏). Also mock praise that opens a line and ends in a face of irony, aimed at a team or a person it names (nice one lighting, cue 40 fired mid-encore 🙃; wonderful, transport planning put the ice cream on the ambient route again 👏👏), or after a laugh (lol nice one @kemal, the gate was left open all night); thanks for nothing; conduct graded against a standard (the duty electrician's actions fell short of the standards in our manual; the behaviour of one porter was inconsistent with our safety culture), a failure of the individual or of professionalism; an assumption by a person or a group told graded or without what made it reasonable (purchasing just assumed the supplier had tested the batch); non-native not attention; a statement that clears the systems and puts the incident in one person's conduct (our systems remain robust; this was a matter of individual compliance; the conduct of one individual; a localised lapse rather than any wider weakness); a pattern or track record of working badly (the contract cleaners have a pattern of treating the lockout tags as optional); would it have killed her to, made a total mess of, couldn't organise a queue, did half and called it a day. Also praise in a chat line made ironic by words alone (wonderful, warehouse has decided scanners are optional tonight; round of applause for court IT, same cert expired twice), not when the line clears everyone. Also a particle verb graded with its object between (oskar screwed this up); not a storm that messed things up. Not a \"bad call\" by a scheduler or dispatcher that may be software when the sentence gives a stale input as its reason (the scheduler made a bad call because the data it received was two hours old),; but an act never put back and then judged stays flagged (never put it back, very careless from him).",
		Example:     "Mia carelessly reused a query from the wiki.",
		Rewrite:     "Mia reused a query from the wiki, which still pointed at the old shard.",
	},
	group: gJudgement,
	check: checkJudgement,
}

// thingDefaults after careless or sloppy grade a thing, which a system
// was shipped with: "a careless default", "the sloppy template".
var thingDefaults = []string{"default", "defaults", "setting", "settings", "value", "values", "template", "templates", "format", "wording", "layout", "label", "labels", "placeholder"}

// judgeWords grade on their own. The value is a list of words that, right
// after, make the word technical rather than a judgement ("lazy loading").
var judgeWords = map[string][]string{
	"careless": thingDefaults, "carelessly": nil, "carelessness": nil,
	"sloppy": thingDefaults, "sloppily": nil, "sloppiness": nil,
	"lazy":      {"loading", "load", "loaded", "evaluation", "initialization", "initialisation", "init", "deletion", "fetch", "fetching", "iterator", "import", "imports", "mode"},
	"laziness":  nil,
	"negligent": nil, "negligently": nil, "negligence": nil,
	"incompetent": nil, "incompetence": nil, "incompetently": nil,
	"reckless": nil, "recklessly": nil, "recklessness": nil,
	"inexperienced": nil, "inexperience": nil, "unqualified": nil,
	"blindly":      nil,
	"fat-fingered": nil, "fat-fingering": nil,
	"fat-finger": {"check", "checks", "guard", "guards", "protection", "prevention", "safeguard", "safeguards", "proofing", "mitigation", "confirmation"},
	"botched":    nil, "bungled": nil,
	"stupid": nil, "stupidly": nil, "stupidity": nil,
	"dumb":  {"pipe", "pipes", "terminal", "client", "proxy", "mode"},
	"idiot": nil, "idiotic": nil, "idiots": nil,
	"foolish": nil, "foolishly": nil,
	"irresponsible": nil, "irresponsibly": nil,
	"thoughtless": nil, "thoughtlessly": nil,
	"inattentive": nil, "inattention": nil,
	"complacent": nil, "complacency": nil,
	"unprofessional": nil,
	"clumsy":         nil, "clumsily": nil,
	"cowboy":  nil,
	"hastily": nil, "rashly": nil, "cavalier": nil, "shoddy": nil, "shoddily": nil,
	"half-baked": nil, "half-assed": nil, "boneheaded": nil, "bone-headed": nil, "moronic": nil,
	"inexcusable": nil, "inexcusably": nil, "rubber-stamped": nil, "rubber-stamping": nil,
	"lax":      {"mode", "parsing", "parser", "validation", "cookie", "cookies", "samesite"},
	"slapdash": nil, "blundered": nil, "blundering": nil, "overconfident": nil,
	"cock-up": nil, "balls-up": nil, "bodged": nil, "screw-up": nil, "screwup": nil, "fuckup": nil,
	"hasty": nil, "careless-seeming": nil,
	"arrogant": nil, "arrogance": nil, "arrogantly": nil, "sluggish-minded": nil,
	"falsified": nil, "falsifying": nil, "misled": nil, "looseness": nil,
	"fumbled": nil, "fumbling": nil, "undertrained": nil, "overreacted": nil, "click-happy": nil, "trigger-happy": nil,
	"clueless": nil, "amateurish": nil, "indecision": nil, "indecisive": nil, "disorganised": nil, "disorganized": nil, "short-sighted": nil, "shortsighted": nil, "dismissive": nil, "evasive": nil, "evasively": nil,
}

// judgePhrases grade as a whole.
var judgePhrases = [][]string{
	{"messed", "up"}, {"mess", "up"}, {"messing", "up"}, {"screwed", "up"}, {"screw", "up"}, {"screwed", "this", "up"}, {"screwed", "it", "up"}, {"screwed", "that", "up"}, {"screwed", "things", "up"}, {"messed", "this", "up"}, {"messed", "it", "up"}, {"messed", "that", "up"}, {"messed", "things", "up"},
	{"fucked", "up"}, {"fuck", "up"}, {"fucking", "up"}, {"effed", "up"}, {"cocked", "up"},
	{"bad", "job"}, {"poor", "job"}, {"lousy", "job"}, {"terrible", "job"},
	{"dropped", "the", "ball"}, {"drop", "the", "ball"}, {"dropping", "the", "ball"},
	{"dropped", "ball"}, {"drop", "ball"},
	{"asleep", "at", "the", "wheel"}, {"asleep", "at", "the", "switch"},
	{"poor", "judgement"}, {"poor", "judgment"}, {"bad", "judgement"}, {"bad", "judgment"},
	{"error", "in", "judgement"}, {"error", "in", "judgment"}, {"errors", "in", "judgement"},
	{"lapse", "in", "judgement"}, {"lapse", "in", "judgment"}, {"lapse", "of", "judgement"},
	{"bad", "call"}, {"poor", "call"}, {"poor", "decision"}, {"bad", "decision"}, {"poor", "choice"},
	{"rookie", "mistake"}, {"rookie", "error"}, {"rookie", "move"}, {"amateur", "hour"}, {"silly", "mistake"},
	{"should", "know", "better"}, {"should", "have", "known", "better"}, {"ought", "to", "know", "better"},
	{"ought", "to", "have", "known", "better"}, {"knew", "better"}, {"know", "better", "than"},
	{"not", "paying", "attention"}, {"without", "thinking"}, {"not", "thinking"},
	{"made", "a", "mistake"}, {"made", "a", "stupid", "mistake"}, {"made", "a", "careless", "mistake"},
	{"had", "no", "business"}, {"has", "no", "business"},
	{"made", "mistakes"}, {"made", "an", "error"}, {"made", "a", "careless", "error"},
	{"obvious", "mistake"}, {"basic", "mistake"}, {"careless", "mistake"},
	{"could", "not", "be", "bothered"},
	{"rubber", "stamped"}, {"rubber", "-", "stamped"}, {"waved", "it", "through"}, {"waved", "through"},
	{"out", "of", "his", "depth"}, {"out", "of", "her", "depth"}, {"out", "of", "their", "depth"},
	{"out", "of", "my", "depth"}, {"not", "up", "to", "the", "task"}, {"not", "up", "to", "the", "job"},
	{"know", "what", "he", "was", "doing"}, {"know", "what", "she", "was", "doing"},
	{"know", "what", "they", "were", "doing"}, {"know", "what", "i", "was", "doing"},
	{"cut", "corners"}, {"cutting", "corners"}, {"cuts", "corners"}, {"blew", "it"}, {"blown", "it"},
	{"can", "not", "be", "trusted"}, {"cannot", "be", "trusted"}, {"could", "not", "be", "trusted"},
	{"made", "the", "mistake", "of"}, {"fat", "fingered"}, {"fat", "fingering"},
	{"newbie", "mistake"}, {"noob", "mistake"}, {"newbie", "error"}, {"noob", "error"},
	{"not", "do", "its", "job"}, {"not", "doing", "its", "job"}, {"not", "do", "their", "job"}, {"not", "do", "his", "job"}, {"not", "do", "her", "job"},
	{"not", "doing", "their", "job"}, {"not", "doing", "his", "job"}, {"not", "doing", "her", "job"},
	{"made", "a", "mess", "of"}, {"making", "a", "mess", "of"}, {"poor", "decisions"}, {"bad", "decisions"},
	{"did", "not", "care", "about"}, {"does", "not", "care", "about"}, {"do", "not", "care", "about"},
	{"was", "not", "serious"}, {"were", "not", "serious"}, {"instead", "of", "doing", "their", "job"},
	{"instead", "of", "doing", "his", "job"}, {"instead", "of", "doing", "her", "job"},
	{"zero", "clue"}, {"zero", "discipline"}, {"no", "discipline"}, {"fell", "short"}, {"falls", "short"}, {"fell", "well", "short"}, {"fell", "far", "short"}, {"falls", "well", "short"}, {"falls", "far", "short"},
	{"failure", "of", "judgement"}, {"failure", "of", "judgment"}, {"made", "matters", "worse"}, {"made", "it", "worse"}, {"made", "things", "worse"}, {"made", "everything", "worse"}, {"made", "it", "far", "worse"}, {"made", "it", "much", "worse"}, {"made", "it", "even", "worse"},
	{"poorly", "planned", "work"}, {"jumped", "the", "gun"}, {"took", "a", "shortcut"}, {"took", "the", "shortcut"},
	{"off", "-", "script"}, {"off-script"}, {"did", "not", "even", "know"},
	{"went", "back", "to", "sleep"}, {"mishandled"}, {"mishandling"}, {"useless"},
	{"has", "no", "idea", "what"}, {"have", "no", "idea", "what", "they", "are"}, {"no", "idea", "what", "he", "'s"},
	{"no", "idea", "what", "she", "'s"}, {"no", "idea", "what", "he", "was", "doing"}, {"no", "idea", "what", "she", "was", "doing"}, {"no", "idea", "what", "they", "were", "doing"}, {"no", "idea", "what", "they", "are", "doing"},
	{"too", "fast"}, {"too", "quickly"}, {"too", "hastily"},
	{"be", "more", "careful"}, {"be", "more", "attentive"}, {"be", "more", "vigilant"}, {"be", "more", "diligent"}, {"be", "more", "cautious"},
	{"in", "a", "hurry"}, {"in", "hurry"}, {"terrible", "call"}, {"awful", "call"},
	{"amateur", "hour"}, {"pretty", "amateur"}, {"so", "amateur"}, {"very", "amateur"}, {"not", "very", "clever"}, {"not", "too", "clever"}, {"caught", "napping"}, {"just", "sat", "there"}, {"nobody", "did", "anything"}, {"no", "one", "did", "anything"}, {"out", "of", "touch"},
	{"reminded", "of", "their", "responsibilities"}, {"reminded", "of", "his", "responsibilities"}, {"reminded", "of", "her", "responsibilities"}, {"click", "-", "happy"}, {"trigger", "-", "happy"}, {"was", "not", "knowing"}, {"were", "not", "knowing"}, {"was", "not", "attention"}, {"were", "not", "attention"}, {"is", "not", "attention"}, {"fell", "for", "a", "phishing"}, {"fell", "for", "the", "phishing"}, {"fell", "for", "a", "scam"}, {"were", "slept", "through"}, {"was", "slept", "through"}, {"lost", "focus"}, {"losing", "focus"}, {"lost", "concentration"}, {"short", "-", "sighted"}, {"not", "carefully"}, {"had", "one", "job"}, {"refuses", "to", "learn"}, {"refused", "to", "learn"}, {"never", "learn"}, {"never", "learns"}, {"for", "convenience"}, {"did", "nothing"}, {"done", "nothing"}, {"do", "nothing"},
	{"let", "us", "down"}, {"let", "us", "all", "down"}, {"wilfully", "blind"}, {"willfully", "blind"},
	{"not", "taking", "seriously"}, {"did", "not", "take", "it", "seriously"},
	{"with", "the", "seriousness"}, {"bad", "faith"}, {"acted", "surprised"}, {"act", "surprised"}, {"acting", "surprised"},
	{"and", "then", "went", "home"}, {"then", "went", "home"}, {"and", "went", "home"},
	{"acts", "surprised"}, {"like", "a", "toy"}, {"like", "toys"},
	{"expected", "better", "judgment"}, {"expected", "better", "judgement"}, {"expect", "better", "judgment"}, {"expect", "better", "judgement"},
	{"exercise", "more", "caution"}, {"exercise", "far", "more", "caution"}, {"exercise", "greater", "caution"}, {"exercise", "more", "care"},
	{"not", "met", "the", "standard"}, {"not", "meet", "the", "standard"},
	{"left", "shift", "early"}, {"left", "the", "shift", "early"}, {"left", "work", "early"}, {"left", "early"},
	{"went", "silent"}, {"gone", "silent"}, {"over", "safety"}, {"above", "safety"}, {"over", "patient", "safety"}, {"over", "reliability"},
	{"courtesy", "of"}, {"would", "have", "expected"}, {"who", "is", "guilty"}, {"who", "was", "guilty"}, {"the", "guilty", "party"},
	{"track", "record", "of"},
	{"not", "at", "the", "standard"}, {"their", "sweet", "time"}, {"had", "no", "right", "to"}, {"has", "no", "right", "to"}, {"showed", "little", "care"}, {"shown", "little", "care"}, {"his", "sweet", "time"}, {"her", "sweet", "time"},
	{"outside", "their", "authority"}, {"outside", "his", "authority"}, {"outside", "her", "authority"}, {"outside", "its", "authority"}, {"beyond", "their", "authority"},
	{"below", "an", "acceptable", "standard"}, {"below", "acceptable", "standards"}, {"below", "the", "required", "standard"},
	{"then", "wonder", "why"}, {"then", "wonders", "why"}, {"then", "wondered", "why"}, {"and", "wonder", "why"},
	{"not", "looking", "at", "the", "pager"}, {"not", "looking", "at", "the", "alerts"}, {"not", "looking", "at", "the", "dashboard"},
	{"not", "looking", "at", "the", "screen"}, {"not", "looking", "at", "the", "channel"}, {"not", "watching", "the", "pager"},
	{"not", "watching", "the", "alerts"}, {"not", "watching", "the", "dashboard"}, {"not", "watching", "the", "screen"},
	{"lied", "to"}, {"lied", "about"}, {"overruled", "the"},
	{"not", "taking", "it", "seriously"}, {"notorious", "for"}, {"how", "little", "attention"}, {"how", "little", "care"},
	{"could", "not", "manage", "to"}, {"could", "not", "even", "manage", "to"}, {"can", "not", "even", "manage", "to"}, {"cannot", "even", "manage", "to"},
	{"like", "maniacs"}, {"like", "idiots"}, {"like", "amateurs"}, {"like", "children"}, {"like", "headless", "chickens"}, {"like", "cowboys"},
	{"nobody", "listened"}, {"no", "one", "listened"}, {"nobody", "listens"}, {"no", "one", "listens"},
	{"told", "twice"}, {"told", "repeatedly"}, {"told", "several", "times"}, {"told", "many", "times"}, {"told", "multiple", "times"}, {"told", "more", "than", "once"},
	{"asked", "twice"}, {"asked", "repeatedly"}, {"asked", "three", "times"}, {"asked", "several", "times"}, {"asked", "multiple", "times"}, {"asked", "many", "times"}, {"asked", "more", "than", "once"},
	{"reminded", "twice"}, {"reminded", "repeatedly"}, {"reminded", "three", "times"}, {"reminded", "several", "times"}, {"reminded", "multiple", "times"},
	{"warned", "twice"}, {"warned", "repeatedly"}, {"warned", "several", "times"}, {"warned", "many", "times"}, {"warned", "multiple", "times"}, {"warned", "more", "than", "once"},
	{"made", "things", "harder"}, {"made", "it", "harder"}, {"made", "everything", "harder"}, {"made", "matters", "harder"}, {"made", "the", "situation", "worse"},
	{"worst", "possible", "time"}, {"worst", "possible", "hour"}, {"worst", "possible", "moment"}, {"worst", "possible", "day"},
	{"trust", "was", "misplaced"}, {"trust", "is", "misplaced"},
	{"all", "the", "more", "surprising"}, {"all", "the", "stranger"}, {"all", "the", "more", "puzzling"}, {"all", "the", "more", "disappointing"}, {"all", "the", "more", "baffling"},
	{"better", "judgement", "than"}, {"better", "judgment", "than"}, {"exercise", "better", "judgement"}, {"exercise", "better", "judgment"},
	{"he", "must", "have", "known"}, {"she", "must", "have", "known"}, {"they", "must", "have", "known"}, {"he", "must", "know"}, {"she", "must", "know"},
	{"never", "follows", "the", "process"}, {"never", "follow", "the", "process"}, {"never", "followed", "the", "process"},
	{"how", "little", "thought"}, {"never", "found", "the", "time"}, {"chose", "to", "do", "nothing"}, {"do", "not", "care"}, {"does", "not", "care"}, {"failure", "of", "oversight"}, {"not", "professional"}, {"short", "of", "the", "standard"}, {"below", "the", "standard"}, {"inconsistent", "with", "our", "safety"}, {"failure", "of", "the", "individual"}, {"would", "it", "have", "killed"}, {"made", "a", "total", "mess"}, {"made", "a", "complete", "mess"}, {"made", "a", "real", "mess"}, {"could", "not", "organise", "a"}, {"could", "not", "organize", "a"}, {"called", "it", "a", "day"}, {"failure", "of", "individuals"}, {"failure", "of", "professionalism"}, {"consistent", "with", "our", "safety"},
}

// judgePhrasesBy indexes judgePhrases by their first word.
var judgePhrasesBy = func() map[string][][]string {
	m := map[string][][]string{}
	for _, ph := range judgePhrases {
		m[ph[0]] = append(m[ph[0]], ph)
	}
	return m
}()

// clauseSubject is the subject of the verb at i, or, for a verb in a
// clause joined by "and" or "but" with none of its own, the subject of the
// clause before: "the lab manager had been warned and did nothing", "chose
// to do nothing".
func (s *sentence) clauseSubject(i int) np {
	if n := s.subjectOf(i); n.ok() {
		return n
	}
	k := s.groupStart(i) - 1
	if s.low(k) == "to" && s.is(k-1, "chose", "decided", "opted", "preferred", "elected") {
		return s.clauseSubject(k - 1)
	}
	if s.is(k, "then") {
		k--
	}
	if s.is(k, "and", "but") || s.is(k, ",") && k > 0 {
		// "the engineer acknowledged the page, went back to sleep"
		if v := s.verbBefore(k); v >= 0 && v < k {
			return s.subjectOf(v)
		}
	}
	return noNP
}

// organisation reports whether a phrase names a company or an agency,
// which people run: "the agency doesn't care about its consumers".
func (s *sentence) organisation(n np) bool {
	return n.ok() && s.toks[n.head].f&fPron == 0 && (businesses[s.low(n.head)] || organisations[s.low(n.head)])
}

// nobodyWas reports whether the grade at i is denied of everyone: "nobody
// was careless", "no one here acted recklessly".
func (s *sentence) nobodyWas(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if s.is(k, "nobody", "noone") || s.is(k, "one") && s.is(k-1, "no") {
			return true
		}
		if s.boundary(k) {
			return false
		}
	}
	return false
}

// answerVerbs reply to someone who asked.
var answerVerbs = wordSet(`answered answering answer answers responded responding respond responds
	replied replying reply replies reacted reacting react acknowledged acknowledging called calling
	returned came coming arrived arriving joined joining`)

// lateAnswer returns the end of "… only after three days" at i when it
// times how late people answered ("the supplier has answered to our
// ticket only after one week"), or 0.
func (s *sentence) lateAnswer(i int) int {
	k := i + 1
	if s.is(k, "one", "a", "an", "two", "three", "four", "five", "six", "several", "many") || s.toks[min(k, len(s.toks)-1)].kind == tNum {
		k++
	}
	if !s.is(k, "hour", "hours", "day", "days", "week", "weeks", "minutes", "h", "hrs") || !s.is(i-1, "only") && !s.is(k+1, ",") && !s.hasAny("bad", "slow", "late", "lost", "blocked") {
		return 0
	}
	v := s.verbBefore(i)
	if v < 0 || !answerVerbs[s.low(v)] {
		return 0
	}
	n := s.subjectOf(v)
	if !s.personish(n) && !s.organisation(n) || s.writer(n) {
		return 0
	}
	return k + 1
}

// conductNouns are what a person does, graded as a whole: "his
// performance fell short".
var conductNouns = wordSet(`performance response handling work conduct behaviour behavior effort
	judgement judgment attitude communication communications workmanship practices actions
	decision-making`)

// conductOf reports whether n is a person's conduct: "his performance",
// "the team's response".
func (s *sentence) conductOf(n np) bool {
	if !n.ok() || !conductNouns[s.low(n.head)] {
		return false
	}
	if s.f(n.start)&fPossessive != 0 {
		return true
	}
	if n.poss >= 0 {
		// "the operator's actions", not "the pump's performance"
		return s.f(n.poss)&(fRole|fName|fPlainName|fPron) != 0 || s.toks[n.poss].cap && n.poss > n.start
	}
	// "the behaviour of one technician", "performance on the evening shift"
	return s.is(n.head+1, "of", "on", "by") && s.personish(s.npStartingAt(n.head+2))
}

// personOnly reports whether a phrase grades only when a person is its
// subject: "the API owner did not care about compatibility" grades, "the
// old scheduler did not care about time zones" does not.
func personOnly(ph []string) bool {
	switch ph[len(ph)-1] {
	case "maniacs", "idiots", "amateurs", "children", "chickens", "cowboys", "hour", "moment", "day", "harder":
		return true
	case "silent", "safety", "reliability", "home", "toy", "toys", "early", "standard", "surprised",
		"for", "time", "knowing", "about", "serious", "hurry", "convenience", "nothing", "blind", "seriously", "care", "sleep", "mishandled", "mishandling", "useless", "short", "worse", "shortcut", "fast", "quickly", "hastily", "careful", "attentive", "vigilant", "diligent", "cautious":
		return true
	}
	if len(ph) > 2 && ph[len(ph)-2] == "its" {
		return true // "the vendor didn't do its job", not "the monitoring didn't do its job"
	}
	if ph[0] == "made" || ph[0] == "making" {
		return true // "Dana made a mistake", not "our retry logic made the mistake of treating a timeout as final"
	}
	if (ph[0] == "messed" || ph[0] == "screwed") && len(ph) == 3 {
		return true // "oskar screwed this up", not "the storm messed things up"
	}
	if slices.Contains(ph, "manage") {
		return true // "the team couldn't even manage to renew one certificate", not "the pool could not manage to"
	}
	if ph[0] == "track" || ph[0] == "slept" || ph[0] == "let" || ph[0] == "then" || ph[0] == "and" || ph[0] == "lied" || ph[0] == "overruled" || len(ph) > 1 && (ph[1] == "looking" || ph[1] == "watching") {
		return true
	}
	return len(ph) > 2 && ph[1] == "a" && ph[2] == "mess"
}

// poorQualities after poor, lax, weak or sloppy grade how people work:
// "poor operational discipline", "lax practices".
var poorQualities = wordSet(`discipline practices practice habits workmanship attitude competence vigilance confirmation
	professionalism conduct diligence rigour rigor care work attention supervision judgement judgment
	urgency ownership effort hygiene`)

// actionNouns are actions a judgement can grade: "a rushed deployment".
var actionNouns = wordSet(`deployment deploy change fix release rollout decision migration cutover
	response revert rollback upgrade patch handover approval review`)

// lackOf words: "lack of experience" grades a person; "lack of a circuit
// breaker" does not.
var lackOf = map[string]bool{
	"experience": true, "care": true, "attention": true, "diligence": true, "rigor": true,
	"knowledge": true, "understanding": true, "preparation": true, "awareness": true,
	"rigour": true, "discipline": true, "judgement": true, "judgment": true, "competence": true,
	"skill": true, "skills": true, "professionalism": true, "focus": true, "caution": true,
	"ownership": true, "thought": true, "effort": true, "common": true,
	"responsibility": true, "vigilance": true, "familiarity": true, "seriousness": true,
	"urgency": true,
}

// lapseWith are the words that make "lapse" about a person.
var lapseWith = map[string]bool{"momentary": true, "brief": true, "careless": true, "human": true, "mental": true, "personal": true}

func checkJudgement(s *sentence) {
	s.thanksForNothing()
	s.countedRepeat()
	s.typicalOf()
	s.famousFor()
	s.puzzledWhy()
	s.faintPraise()
	s.noSubstitute()
	s.ironicPraise()
	s.mockedAddressee()
	s.hastyReview()
	s.somehowAct()
	s.nextTimeAdvice()
	s.assumedOutright()
	s.individualised()
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		end := 0
		if t.is("anyway", "regardless") {
			// "the broker's engineers knew their cache was stale and shipped
			// anyway": acting against what one knew, told as defiance (a
			// closing "anyway" is read as an interjection)
			if v := s.verbBefore(i); v >= 0 && v >= i-3 && s.hasAny("knew", "known", "warned", "told", "aware") {
				n := s.openingActor(v)
				if !s.personish(n) {
					n = s.npStartingAt(s.firstWord()) // "Felix knew what that switch does and flipped it anyway"
				}
				if s.personish(n) && !s.writer(n) {
					from := s.groupStart(v)
					phrase := s.span(from, i+1)
					s.add(idJudgement, from, i+1,
						fmt.Sprintf("%q grades a person instead of explaining what made the action look reasonable at the time", phrase),
						fmt.Sprintf("Drop %q and describe the action neutrally, with what the person saw and what the system offered at that moment.", phrase))
				}
			}
			continue
		}
		if t.kind != tWord {
			continue
		}
		if t.cap && i > 0 && !s.boundary(i-1) && !(t.upper && t.low == "again") {
			continue // a name or a term: "SameSite=Lax", "Cowboy Builders"; not a shouted "AGAIN"
		}
		if strings.HasPrefix(t.low, "yolo") {
			end = i + 1 // "yolo-deploying to prod", "yolo'd the migration"
		}
		if tech, ok := judgeWords[t.low]; ok {
			if !containsStr(tech, s.low(i+1)) && !s.nobodyWas(i) {
				end = i + 1
			}
			if (t.low == "blindly" || t.low == "carelessly" || t.low == "recklessly") && s.systemActs(i) {
				end = 0
			}
			if tech != nil && s.f(i-1)&fBe != 0 {
				if n := s.subjectOf(i - 1); n.ok() && containsStr(thingDefaults, s.low(n.head)) {
					end = 0 // "the default retention setting was careless"
				}
			}
		}
		for _, ph := range judgePhrasesBy[t.low] {
			if !s.seq(i, ph...) {
				continue
			}
			if ph[0] == "asked" && s.seq(i-2, "without", "being") {
				continue // "repacked 600 boxes without being asked twice": unasked help
			}
			if s.is(i+len(ph)-1, "decision", "decisions", "call", "calls", "choice", "choices") && s.choiceDenied(i) {
				continue // "not the result of one bad decision", "nobody made a bad call"
			}
			if ph[len(ph)-1] == "seriousness" {
				// "the help desk did not treat the reports with the
				// seriousness they deserved"
				for k := i - 1; k >= 0 && k >= i-10 && !s.boundary(k); k-- {
					if s.is(k, "did", "does", "do", "was", "were") && s.f(k+1)&fNeg != 0 {
						if n := s.subjectOf(k); s.personish(n) && !s.firstPerson(n) {
							end, i = i+len(ph), k // from the auxiliary: the negation is the judgement's
						}
						break
					}
				}
				break
			}
			if s.seq(i, ph...) && slices.Contains(ph, "guilty") {
				// "we have identified who is guilty"; not "it is not this
				// document's intention to say who is guilty"
				if !s.negatedClause(i) {
					end = max(end, i+len(ph))
				}
				continue
			}
			if s.seq(i, ph...) && (ph[0] == "courtesy" || ph[0] == "would") {
				// "another fine mess courtesy of the infra team", "I would
				// have expected someone to ask why": the people come after
				harm := ph[0] == "would"
				for k := i - 1; k >= 0 && k >= i-4 && !harm; k-- {
					harm = s.is(k, "mess", "outage", "incident", "another", "breakage", "disaster", "chaos", "downtime", "trouble", "headache", "fire", "fiasco")
				}
				if n := s.npStartingAt(i + len(ph)); harm && (s.personish(n) || s.organisation(n)) && !s.writer(n) {
					end = max(end, n.end)
				}
				continue
			}
			if s.seq(i, ph...) && ph[0] == "how" {
				// "which shows how little attention they pay": the people
				// come after
				if n := s.npStartingAt(i + len(ph)); s.personish(n) || s.organisation(n) {
					end = max(end, i+len(ph))
				}
				continue
			}
			if (ph[0] == "told" || ph[0] == "warned" || ph[0] == "asked" || ph[0] == "reminded") && s.firstPersonHead(s.clauseSubject(i)) {
				continue // "we were told twice that the system had no recovery plan, and chose to fund other work": the writer's account
			}
			if (ph[0] == "asked" || ph[0] == "reminded") && !s.is(i-1, "been", "was", "were", "is", "are", "being") {
				continue // "operators have asked three times for a clearing tool": a request, not a warning ignored
			}
			subj := s.clauseSubject(i)
			if ph[0] == "like" || ph[0] == "worst" {
				// "the operators kept pressing reset like maniacs": the
				// actor the simile qualifies
				subj = s.openingActor(i)
			}
			if s.seq(i, ph...) && (!personOnly(ph) || s.personish(subj) || s.firstPersonHead(subj) || s.organisation(subj) || s.conductOf(subj)) && !(s.is(i, "do", "does") && s.firstPersonHead(subj)) && !((ph[len(ph)-1] == "nothing" || ph[len(ph)-1] == "anything") && s.is(i+len(ph), "wrong", "unusual", "improper", "illegal", "unreasonable", "to", "until", "while", "because", "since", "yet")) && (ph[len(ph)-1] != "sleep" || !s.reasonAfter(i+len(ph))) && (ph[len(ph)-1] != "knowing" || !s.is(i-1, "part", "problem", "thing", "issue", "bit")) && (ph[0] != "consistent" || s.is(i-1, "not", "never")) && (ph[0] != "called" || !s.firstPersonHead(subj)) {
				end = max(end, i+len(ph))
			}
		}
		switch t.low {
		case "habit", "habits", "tendency", "pattern", "record":
			// "the mobile team's habit of hot-fixing on the release
			// branch", "Platform has a habit of treating migrations as
			// routine", "our engineers' tendency to trust green dashboards"
			if e := s.peoplesHabit(i); e > 0 {
				end = e
				i = s.groupStart(i)
			}
		case "poor", "lax", "weak", "sloppy", "bad", "shoddy", "inadequate", "insufficient", "loose":
			// "poor operational discipline", "lax practices around tickets"
			for k := i + 1; k < len(s.toks) && k <= i+2; k++ {
				if poorQualities[s.low(k)] {
					if !s.is(k, "decision", "decisions", "call", "calls", "choice", "choices") || !s.choiceDenied(i) {
						end = k + 1
					}
					break
				}
				if !s.nominal(k) {
					break
				}
			}
		case "rushed", "hurried":
			// "A rushed deployment, carried out by the team"
			if actionNouns[s.low(i+1)] && (s.f(i-1)&fDet != 0 || s.lineStart(i)) {
				end = i + 2
			}
		case "lacked", "lacks", "lacking":
			// "Our teams lacked the discipline to enforce the rule"
			if s.is(i+1, "the", "any") && lackOf[s.low(i+2)] {
				end = i + 3
			} else if lackOf[s.low(i+1)] && s.low(i+1) != "common" {
				end = i + 2 // "lacked discipline"
			}
		case "exercise", "exercised", "take", "took", "show", "showed", "shown":
			if e := s.slowResponse(i); t.low == "took" && e > 0 {
				end = e
				break
			}
			// "did not exercise the level of care we expect"
			for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
				if s.is(k, "care", "caution", "diligence") {
					if s.negatedBefore(i, 3) {
						end = k + 1
						i = s.groupStart(i)
					}
					break
				}
			}
		case "do", "did", "doing", "done":
			// "We did not do our jobs properly"
			if s.is(i+1, "our", "their", "his", "her", "my", "your", "the") && s.is(i+2, "job", "jobs") && s.is(i+3, "properly", "well", "right", "correctly") && (s.negatedBefore(i, 3) || s.is(i-1, "not", "never")) {
				end = i + 4
			} else if k := s.sarcasmTag(i); t.low == "done" && k >= 0 {
				i, end = k, i+1 // "…, well done"
			}
		case "lack":
			if s.low(i+1) == "of" && (lackOf[s.low(i+2)] || s.low(i+2) == "common" && s.low(i+3) == "sense") {
				end = i + 3
			}
		case "lapse":
			// "a momentary lapse", "Ivan's lapse", "a lapse by the on-call".
			if lapseWith[s.low(i-1)] || s.low(i-1) == "'s" || s.f(i-1)&fPossessive != 0 ||
				(s.low(i+1) == "by" || s.low(i+1) == "of") && s.person(s.npStartingAt(i+2)) ||
				s.low(i+1) == "in" && (s.is(i+2, "attention", "concentration", "focus", "discipline")) {
				end = i + 1
			}
		case "careful", "attentive", "vigilant", "thorough", "diligent":
			// "weren't careful", "was not careful enough", "was not enough
			// careful" (as non-native writers put it)
			neg, be := false, -1
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				switch {
				case s.f(j)&fNeg != 0:
					neg = true
					continue
				case s.f(j)&fBe != 0:
					be = j
				case s.isAdverb(j) || s.is(j, "enough", "very", "so", "too", "particularly", "sufficiently"):
					continue
				}
				break
			}
			// Said of people: not "the review was not thorough".
			if neg && be >= 0 && (t.low == "careful" || s.person(s.subjectOf(be))) {
				end = i + 1
			}
			if s.low(i-1) == "simply" && s.f(i-2)&fNeg != 0 {
				end = i + 1
			}
		case "after":
			// "the supplier has answered our ticket only after one week",
			// "are answering emails only after three days"
			if e := s.lateAnswer(i); e > 0 {
				i, end = s.verbBefore(i), e
			}
		case "yet":
			// "Identity vendor has yet to provide an ETA, or any
			// explanation"
			if s.is(i-1, "has", "have") && s.is(i+1, "to") && s.is(i+2, "provide", "respond", "reply", "answer", "send", "give", "acknowledge", "explain", "share", "return", "confirm") {
				if n := s.subjectOf(i - 1); (s.personish(n) || s.organisation(n)) && !s.writer(n) {
					i, end = i-1, i+3
				}
			}
		case "needed", "spent", "lost", "wasted", "waited":
			// "Kwame took twelve minutes to connect after being paged",
			// "Jonas spent 7 min restarting pods instead of checking the
			// DB board": a person's time graded
			if e := s.slowResponse(i); e > 0 {
				end = e
			}
		case "part":
			// "fatigue on the part of the overnight engineer", "a failure of
			// diligence on the part of the vendor's staff"
			if s.is(i-1, "the") && s.is(i-2, "on") && s.low(i+1) == "of" && faultNouns[s.low(i-3)] && !errorNouns[s.low(i-3)] && !s.negatedBefore(i-3, 3) {
				if n := s.npStartingAt(i + 2); s.person(n) && !s.firstPerson(n) {
					i -= 3
					end = n.end
				}
			}
		case "what":
			// "this is what happens when interns have prod access", "that's
			// what you get when the PM pushes to ship on a Friday"
			k := -1
			switch {
			case s.is(i+1, "happens", "happened") && s.is(i+2, "when", "if"):
				k = i + 3
			case s.seq(i+1, "you", "get", "when") || s.seq(i+1, "you", "get", "if"):
				k = i + 4
			}
			if k > 0 && s.is(i-1, "'s", "is", "was") {
				for j := k; j < len(s.toks) && j <= k+3; j++ {
					if n := s.npStartingAt(j); n.ok() && s.person(n) && !s.firstPerson(n) {
						end = n.end
						break
					}
				}
			}
		case "treat", "treats", "treated", "treating":
			// "the night desk treated legal review as optional"; the
			// phrases above take "treated the …"
			if e := s.asOptional(i); e > 0 && (s.personish(s.clauseSubject(i)) || s.personish(s.subjectBeforeAside(i)) || s.treaterBefore(i)) {
				end = max(end, e)
			}
		case "usual", "always", "ever", "again":
			// "our pricing analysts, as usual, left the end date blank", "the
			// night desk, once again, treated legal review as optional": a
			// failure told as the people's habit
			if (s.low(i-1) == "as" && t.low != "again" || t.low == "again" && s.is(i-1, "once", "yet")) && s.habitualFailure() {
				i--
				end = i + 2
			} else if t.low == "again" {
				// "ugh, platform pushed a new ingress config without a
				// canary again", "your terraform apply nuked the VPC again",
				// "ugh siobhan's cache change again": a repeat told in
				// exasperation, pinned on someone
				if k := s.repeatPinned(i); k >= 0 {
					i, end = k, i+1
				}
			}
		case "classic", "unbelievable", "amazing", "brilliant", "shocking", "seriously", "job", "timing", "professional", "everything", "work", "stellar", "classy", "incredible",
			"thinking", "planning", "amateurs", "genius", "bravo", "time":
			if k := s.resignedCoda(i); k >= 0 && t.low == "everything" {
				i, end = k, i+1 // "…, which tells you everything"
				break
			}
			if k := s.notTakenSeriously(i); k >= 0 {
				i, end = k, i+1
				break
			}
			if k := s.sarcasticOpening(i); k > 0 {
				// "Good job, storage team, deleting the only backup right
				// before we needed it"
				end = k
				i--
				break
			}
			// a sarcastic tag at the end of a line about people: "the vendor
			// tech plugged the test rig into production again,
			// unbelievable", "…and went back to sleep, seriously?"
			if k := s.sarcasmTag(i); k >= 0 {
				i, end = k, i+1
				break
			}
			if t.low != "classic" {
				break
			}
			// "classic priya move", "classic Kev"
			if n := s.npStartingAt(i + 1); n.ok() && s.person(n) && !s.firstPerson(n) {
				end = n.end
			}
		case "if", "though":
			// "keep treating schema changes as if no customer depends on
			// them", "uploaded 12,000 covers at once, as if the image
			// service were infinite"
			if s.is(i-1, "as") && i >= 3 {
				k := i - 2
				if s.low(k) == "," {
					k--
				}
				v := s.verbBefore(k + 1)
				n := noNP
				if v >= 0 {
					n = s.clauseSubject(v)
				}
				if !s.personish(n) {
					n = s.openingActor(k)
				}
				if !(v >= 0 && s.passive(v)) && s.personish(n) && !s.writer(n) {
					i, end = i-1, i+1
				}
			}
		case "focused", "concerned", "interested", "worried":
			// "the shift were more focused on the handover paperwork than on
			// the alarms"
			if s.is(i-1, "more") && s.hasAny("than") && s.f(i-2)&fBe != 0 {
				if n := s.subjectOf(i - 2); s.personish(n) && !s.firstPerson(n) {
					i, end = i-1, i+1
				}
			}
		case "something", "who", "are":
			// "… none of the analysts noticed, which says something", "…
			// broken script tag, guess who", "… yet here we are"
			if k := s.exasperatedCoda(i); k >= 0 {
				i, end = k, i+1
			}
		case "result", "results", "price", "all", "ended", "consequences", "expect", "wrong", "outcome":
			// "… is not listening when we say the cluster is too small,
			// and now we see the result", "…, so what did we expect?"
			if k := s.resignedCoda(i); k >= 0 {
				i, end = k, i+1
			}
		case "acceptable", "unacceptable", "enough":
			// "… approved his own merge request at night, this is not
			// acceptable", "…, which is unacceptable from a payments
			// provider": a person's act graded after it
			if k := s.actGraded(i); k >= 0 {
				i, end = k, i+1
			}
		case "attention":
			if s.is(i-1, "pay", "paid", "payed") && s.f(i-2)&fNeg != 0 {
				end = i + 1
			}
		case "think", "thinks", "believe", "believes":
			// "some engineers clearly think rate limits are someone else's
			// problem", "the new shift lead thinks he knows better than the
			// runbook": a dismissive attitude put in people's heads
			if k := s.attitudeAfter(i); k > 0 && s.f(i-1)&fNeg == 0 {
				v := i
				if s.is(i-1, "to") && s.is(i-2, "seem", "seems", "seemed", "appear", "appears", "appeared") {
					v = i - 2 // "the platform folks seem to think …"
				}
				n := s.subjectOf(v)
				if !s.personish(n) {
					n = s.openingActor(i)
				}
				if s.personish(n) && !s.writer(n) && !s.firstPerson(n) {
					end = k
					i = s.groupStart(i)
				}
			}

		}
		if end == 0 {
			continue
		}
		from := i
		if t.low == "lapse" && s.f(i-1)&fDet == 0 && lapseWith[s.low(i-1)] {
			from = i - 1
		}
		if t.low == "careful" || t.low == "attention" {
			from = s.groupStart(i)
		}
		if s.f(from)&fNeg != 0 && from > 0 && s.f(from-1)&(fBe|fDo|fHave|fModal) != 0 {
			from-- // "was not paying attention": the negation is the judgement's, not a denial of it
		}
		if s.judgedSelf(i) && t.low != "would" {
			s.selfBlame(from, end)
			i = end - 1 // "did not exercise … care" moved i back to the verb group
			continue
		}
		phrase := s.span(from, end)
		s.add(idJudgement, from, end,
			fmt.Sprintf("%q grades a person instead of explaining what made the action look reasonable at the time", phrase),
			fmt.Sprintf("Drop %q and describe the action neutrally, with what the person saw and what the system offered at that moment.", phrase))
		i = end - 1
	}
	s.eyeRoll()
	s.insinuation()
	s.exhortation()
	s.pointedAdvice()
}

// exhortations tell people to do their jobs better: "must take more care",
// "should think more", "take greater ownership", "take ownership of what
// they allowed to happen", "must own the billing error".
var exhortations = [][]string{
	{"take", "more", "care"}, {"take", "greater", "care"}, {"take", "better", "care"},
	{"take", "more", "ownership"}, {"take", "greater", "ownership"}, {"take", "ownership", "of", "what"},
	{"think", "more"}, {"more", "seriously"},
	{"own", "the", "error"}, {"own", "the", "mistake"}, {"own", "the", "failure"}, {"own", "the", "outage"},
	{"own", "the", "billing", "error"}, {"own", "this", "failure"}, {"own", "this", "mistake"},
}

// exhortation flags a demand that other people do better, said of the
// incident: "the claims operations team must take greater ownership of the
// data they load", "I expect the dispatch supervisors to take their
// monitoring responsibilities more seriously". The writer's own resolve
// ("we will take more care with…" under lessons) is left to the lessons.
func (s *sentence) exhortation() {
	if s.lesson || s.forward {
		return
	}
	if s.blameFound() {
		return // the line's blame is found already
	}
	for i := range s.toks {
		for _, ph := range exhortations {
			if !s.seq(i, ph...) {
				continue
			}
			k := i
			if ph[0] == "more" {
				// "take their monitoring responsibilities more seriously"
				k = -1
				for j := i - 1; j >= 0 && j >= i-6; j-- {
					if s.is(j, "take", "treat") {
						k = j
						break
					}
				}
				if k < 0 {
					continue
				}
			}
			demand := s.is(k-1, "must", "should", "need", "needs", "to") || s.is(k-2, "must", "should") || s.is(k-1, "to") && s.is(k-2, "need", "needs", "have", "has")
			if !demand {
				continue
			}
			n := s.clauseSubject(k)
			if s.is(k-1, "to") {
				// "I expect the supervisors to take …": the people expected
				for j := k - 2; j >= 0 && j >= k-8; j-- {
					if s.is(j, "expect", "expected", "want", "wanted", "need", "needs", "require", "required", "ask", "asked", "urge") {
						if m := s.personStartingAt(j + 1); s.personish(m) {
							n = m
						}
						break
					}
				}
			}
			if !(s.personish(n) || s.organisation(n)) || s.writer(n) {
				continue
			}
			end := i + len(ph)
			s.add(idJudgement, k, end,
				fmt.Sprintf("%q tells people to do their jobs better; it grades them instead of asking what made care hard to take", s.span(k, end)),
				"Name what would make the careful path the easy one: a check in the tool, a step in the runbook, a review the process asks for.")
			return
		}
	}
}

// insinuation flags a disclaimer of blame followed by the blame it
// disclaims: "not to point fingers but the last three outages were all
// jess's deploys", "I'm not going to name names, but someone knew the cert
// was expiring", "without naming names, it is clear that one developer's
// shortcut …". Not "not pointing fingers, just want to understand the
// sequence", nor "not naming names because it doesn't matter, the runbook
// was wrong".
func (s *sentence) insinuation() {
	for i := 0; i+1 < len(s.toks); i++ {
		e := 0
		switch {
		case s.is(i, "point", "pointing") && s.is(i+1, "fingers"):
			e = i + 2
		case s.is(i, "point", "pointing") && s.seq(i+1, "the", "finger"):
			e = i + 3
		case s.is(i, "name", "naming") && s.is(i+1, "names"):
			e = i + 2
		}
		if e == 0 {
			continue
		}
		denied := false
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			if s.f(k)&fNeg != 0 || s.is(k, "without") {
				denied = true
				break
			}
		}
		if !denied {
			continue
		}
		k := e
		if s.is(k, "here", "now") {
			k++
		}
		if s.low(k) == "," {
			k++
		}
		if s.is(k, "but") {
			k++
		} else if !s.is(k-1, ",") || s.is(k, "just", "because", "only") {
			continue
		}
		if s.is(k, "just", "can", "could", "let", "let's", "lets", "i", "we", "please", "pls") || s.question || s.is(k-1, "because") {
			continue // "… but can we get a timeline going?"
		}
		people := personFrom(s, k) >= 0
		for j := k; j < len(s.toks) && !people; j++ {
			people = s.f(j)&fRole != 0 || s.is(j, "someone", "somebody") // "the harbour office keeps editing …"
		}
		if !people {
			continue // "not pointing fingers, but the runbook was wrong"
		}
		from := i - 1
		for from > 0 && (s.f(from-1)&(fNeg|fModal|fDo|fBe) != 0 || s.is(from-1, "to", "going", "gonna", "want", "without")) {
			from--
		}
		s.add(idJudgement, max(from, 0), k,
			fmt.Sprintf("%q disclaims blame and then points at someone; the disclaimer makes the pointing plainer", s.span(max(from, 0), k)),
			"Drop the disclaimer and the pointing: say what happened in order, and what made each step look reasonable at the time.")
		return
	}
}

// blameFound reports whether a blame rule has matched the sentence so far.
// (hasMatch reads the rule index, which the rules' own initialisation
// cannot.)
func (s *sentence) blameFound() bool {
	for _, m := range s.matches {
		if strings.HasPrefix(m.rule, "blame.") {
			return true
		}
	}
	return false
}

// eyeRollMarks are the emoji and chat codes of exasperation.
var eyeRollMarks = []string{"🙄", "🤦", "😒", "🤡", "🙃", "👀", ":roll_eyes:", ":facepalm:", ":face_palm:", ":unamused:", ":clown_face:", ":upside_down_face:", ":eyes:", " smh"}

// eyeRoll flags a line that rolls its eyes at people: an exasperation
// emoji in a sentence that tells of people and no other finding ("thanks
// to claims-ops for clicking reprocess all four hundred times 🙄"). At a
// system alone ("state drift again 🙄") it grades nobody, and beside
// someone paged or woken it sides with them.
func (s *sentence) eyeRoll() {
	mark := ""
	for _, m := range eyeRollMarks {
		if i := bytes.Index(s.text, []byte(m)); i >= 0 && !bytes.HasSuffix(s.text[:i], []byte(`"`)) && !bytes.HasSuffix(s.text[:i], []byte("“")) {
			mark = m // not quoted: "a reaction of \":facepalm:\" was the first sign"
			break
		}
	}
	if mark == "" || s.hasAny("paged", "woken", "woke", "paging", "pager") {
		return
	}
	if (mark == "👀" || mark == ":eyes:") && s.hasAny("looking", "look", "looks", "watching", "checking", "investigating", "eyes", "reviewing", "review", "reviewer", "reviewers") {
		return // "cdn ticket open, they're looking 👀": eyes for looking
	}
	start := 0
	for g := min(len(s.toks), 8); g > 0; g-- {
		if s.toks[g-1].kind == tPunct && s.linePrefix(g) {
			start = g
			break
		}
	}
	// past the speaker of a chat line: "16:40 jin: …" is not about jin
	people := personFrom(s, start) >= 0
	for i := start; i < len(s.toks) && !people; i++ {
		people = s.toks[i].kind == tWord && teamish(s.low(i))
	}
	if !people {
		return
	}
	if s.blameFound() {
		return // the line's blame is found already
	}
	from, to := s.wholeSpan()
	s.add(idJudgement, from, to,
		fmt.Sprintf("%q rolls its eyes at people; it grades them instead of telling what happened and why it made sense at the time", mark),
		"Say what the people did and what they saw, and what the tools and the process offered or left out; leave the exasperation to the chat.")
}

// notTakenSeriously returns where "not taking … seriously" starts when
// "seriously" at i closes it and people are its subject ("the team is not
// taking the documentation seriously"), or -1.
func (s *sentence) notTakenSeriously(i int) int {
	if s.low(i) != "seriously" {
		return -1
	}
	for k := i - 1; k >= 0 && k >= i-5 && !s.boundary(k); k-- {
		if !s.is(k, "taking", "take", "takes", "took", "taken", "treating", "treat", "treats", "treated") {
			continue
		}
		if s.f(k-1)&fNeg == 0 && !(s.f(k-2)&fNeg != 0 && s.f(k-1)&fAdv != 0) {
			return -1
		}
		if n := s.clauseSubject(k); s.personish(n) || s.organisation(n) {
			if s.f(k-1)&fNeg != 0 {
				return k - 1 // from the negation: it is the judgement's, not a denial of it
			}
			return k
		}
		return -1
	}
	return -1
}

// sarcasmTag returns where a sarcastic tag that ends at i starts, or -1:
// a tag closing the sentence after a comma or a full stop ("…, classic",
// "…. amazing", "…, great job guys"), after a line that tells what other
// people did, and with no thanks in it.
func (s *sentence) sarcasmTag(i int) int {
	k := i
	praise := false // a tag that is praise when not said in irony
	switch s.low(i) {
	case "job", "timing", "work", "thinking", "planning":
		if !s.is(i-1, "great", "nice", "good", "fine", "stellar", "lovely", "well", "brilliant", "excellent", "smart") {
			return -1
		}
		k, praise = i-1, true
	case "done":
		if !s.is(i-1, "well") {
			return -1
		}
		k, praise = i-1, true
	case "time":
		// "… debug logging on, filling the disks. Not the first time."
		if !s.seq(i-3, "not", "the", "first") {
			return -1
		}
		k = i - 3
	case "professional":
		if s.is(i-1, "very", "so", "really") {
			k = i - 1
		}
	case "everything":
		if !s.is(i-1, "says") {
			return -1
		}
		k = i - 1
		if s.is(k-1, "which", "that") {
			k--
		}
	case "seriously":
		if s.is(i-1, "take", "takes", "taking", "took", "taken") || s.is(i-2, "take", "takes", "taking", "took", "taken") {
			return -1 // "we take that seriously"
		}
	}
	// At the end: nothing after but punctuation and a word such as "guys".
	for j := i + 1; j < len(s.toks); j++ {
		if s.toks[j].kind == tWord && !s.is(j, "guys", "folks", "team", "people", "honestly", "lol", "tbh") {
			return -1
		}
	}
	if k < 2 || !s.is(k-1, ",", ".", "!", "?", "—", "-", "…") {
		return -1
	}
	someone := false
	for j := 0; j < k-1; j++ {
		switch {
		case s.is(j, "thanks", "thank", "kudos", "shoutout", "props", "congrats", "congratulations"):
			return -1
		case s.toks[j].kind == tWord && s.toks[j].f&(fRole|fName|fPlainName|fPron|fNegQuant) != 0:
			if n := s.npStartingAt(j); s.person(n) && !s.firstPerson(n) || s.toks[j].f&fNegQuant != 0 {
				someone = true
			}
		}
	}
	if !someone || praise && !s.habitualFailure() && !(s.is(k-1, ".", "!") && s.failureBefore(k-1)) {
		// "Priya restored the replica in four minutes, great job" is praise
		return -1
	}
	return k
}

// openingActor returns the subject of the sentence's first verb before i:
// "Skyfold's data engineers" in "Skyfold's data engineers keep treating
// schema changes as if …", or noNP.
func (s *sentence) openingActor(i int) np {
	if n := s.npStartingAt(0); n.ok() && n.end < i && s.personish(n) && s.toks[n.end].kind == tWord && s.f(n.end)&(fDet|fPrep|fConj|fSub|fRel|fPossessive) == 0 {
		return n
	}
	for j := 0; j < i; j++ {
		if s.boundary(j) && s.low(j) != "," {
			return noNP
		}
		if s.toks[j].kind == tWord && (pastForm(&s.toks[j]) || s.f(j)&fVerb != 0) {
			if n := s.subjectOf(j); n.ok() {
				return n
			}
		}
	}
	return noNP
}

// writer reports whether a phrase is the writer: "I", "we", not "our merch
// team".
func (s *sentence) writer(n np) bool {
	return n.ok() && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0
}

// exasperatedCoda returns where a closing remark said in exasperation
// ends at i ("which says something", "guess who", "yet here we are"), after
// a line that tells a failure by people other than the writer, or -1.
func (s *sentence) exasperatedCoda(i int) int {
	k := -1
	switch {
	case s.seq(i-1, "says", "something"), s.seq(i-1, "tells", "something"):
		k = i - 1
		if s.is(k-1, "which", "that", "this") {
			k--
		}
	case s.seq(i-1, "guess", "who"):
		k = i - 1
	case s.seq(i-2, "here", "we", "are") && s.is(i-3, "yet", "and", "but", "still"):
		k = i - 3
	}
	if k < 2 || !s.is(k-1, ",", ".", "—", "-", ";") {
		return -1
	}
	for j := i + 1; j < len(s.toks); j++ {
		if s.toks[j].kind == tWord {
			return -1
		}
	}
	if !s.habitualFailure() && !s.failureBefore(k-1) {
		return -1
	}
	return k
}

// resignedCodas close a line about what people did with a shrug that
// makes the outcome their doing; the last word is the one the check is
// called on.
var resignedCodas = [][]string{
	{"now", "we", "see", "the", "result"}, {"now", "we", "see", "the", "results"},
	{"now", "we", "are", "paying", "the", "price"}, {"now", "we", "'re", "paying", "the", "price"},
	{"we", "are", "paying", "the", "price"}, {"we", "'re", "paying", "the", "price"}, {"we", "paid", "the", "price"},
	{"tells", "you", "everything"}, {"says", "it", "all"}, {"says", "everything"},
	{"we", "all", "know", "how", "that", "ended"}, {"we", "know", "how", "that", "ended"}, {"we", "all", "know", "how", "it", "ended"},
	{"with", "predictable", "consequences"}, {"with", "predictable", "results"},
	{"what", "did", "we", "expect"}, {"what", "did", "they", "expect"}, {"what", "did", "you", "expect"},
	{"what", "did", "he", "expect"}, {"what", "did", "she", "expect"},
	{"what", "could", "go", "wrong"}, {"what", "could", "possibly", "go", "wrong"}, {"what", "can", "go", "wrong"},
	{"lovely", "outcome"}, {"great", "outcome"}, {"nice", "outcome"},
}

// resignedCoda returns where a closing shrug ending at i starts ("and now
// we see the result", "which tells you everything", "so what did we
// expect", "what could go wrong") after a line in which people act, or -1.
// Without someone acting before it, "the cache was too small, and now we
// see the result" grades nobody.
func (s *sentence) resignedCoda(i int) int {
	k := -1
	for _, c := range resignedCodas {
		if st := i - len(c) + 1; c[len(c)-1] == s.low(i) && st > 0 && s.seq(st, c...) {
			k = st
			break
		}
	}
	if k < 0 {
		return -1
	}
	for s.is(k-1, "and", "so", "but", "which", "that", "this", "yet", "then") {
		k--
	}
	if k < 2 || !s.is(k-1, ",", ".", "—", "-", ";", "…") && !s.is(k, "and", "so", "which", "that") {
		return -1
	}
	for j := i + 1; j < len(s.toks); j++ {
		if s.toks[j].kind == tWord {
			return -1
		}
	}
	if p := personFrom(s, 0); p < 0 || p >= k {
		return -1
	}
	return k
}

// actGraded returns where a closing verdict on what a person did starts
// ("which is unacceptable", "this is not acceptable" at i), or -1.
func (s *sentence) actGraded(i int) int {
	k := i
	if s.low(i) == "enough" {
		// "…, which isn't good enough"
		if !s.is(i-1, "good") || !s.is(i-2, "not") {
			return -1
		}
		k = i - 2
	} else if s.low(i) == "acceptable" {
		if !s.is(i-1, "not") {
			return -1
		}
		k = i - 1
	} else if s.is(i-1, "not") {
		return -1
	}
	for k > 0 && (s.f(k-1)&fBe != 0 || s.is(k-1, "which", "this", "that", "what", "simply", "just", "totally", "completely", "frankly")) {
		k--
	}
	if k == i || k < 2 || !s.is(k-1, ",", ".", "—", "-", ";") {
		return -1
	}
	if n := s.openingActor(k - 1); s.personish(n) && !s.writer(n) {
		return k
	}
	return -1
}

// sarcasticOpening returns where the act ends when the sentence opens with
// praise addressed to people for a harmful act ("Good job, storage team,
// deleting the only backup"), or -1.
func (s *sentence) sarcasticOpening(i int) int {
	if i != 1 || !s.is(0, "good", "great", "nice", "brilliant", "excellent", "stellar") || !s.is(i, "job", "work", "thinking") || s.low(i+1) != "," {
		return -1
	}
	j := i + 2
	if n := s.npStartingAt(j); n.ok() && s.low(n.end) == "," {
		j = n.end + 1
	}
	t := s.low(j)
	if !strings.HasSuffix(t, "ing") {
		return -1
	}
	past := strings.TrimSuffix(t, "ing")
	if harmVerbs[past+"ed"] || harmVerbs[past+"d"] || harmVerbs[past+past[len(past)-1:]+"ed"] || s.f(j)&fFail != 0 {
		return j + 1
	}
	return -1
}

// habitualFailure reports whether the sentence tells a failure, an
// omission or a harmful act by a person or group other than "we".
func (s *sentence) habitualFailure() bool {
	for j := range s.toks {
		v := -1
		switch {
		case s.f(j)&fFail != 0 || harmVerbs[s.low(j)] && s.finite(j) && s.harmedLive(j):
			v = j
		case s.is(j, "sat") && s.is(j+1, "on"), s.is(j, "left") && s.finite(j):
			v = j
		case s.f(j)&fNeg != 0 && j+1 < len(s.toks) && s.f(j+1)&fVerb != 0:
			v = j + 1
		case s.is(j, "treat", "treats", "treated", "treating") && s.asOptional(j) > 0:
			v = j
		case s.is(j, "wrong", "blank", "optional", "late", "without"):
			v = s.verbBefore(j)
		}
		if v < 0 {
			continue
		}
		if n := s.subjectOf(v); s.person(n) && !s.firstPersonPlural(n) && s.toks[n.head].f&fFirstSg == 0 {
			return true
		}
		if n := s.subjectBeforeAside(v); s.person(n) && !s.firstPersonPlural(n) && s.toks[n.head].f&fFirstSg == 0 {
			return true
		}
	}
	return false
}

// subjectBeforeAside returns the sentence's opening phrase when an aside
// separates it from the verb at v ("The night desk, once again, treated
// …"), or noNP.
func (s *sentence) subjectBeforeAside(v int) np {
	if n := s.npStartingAt(0); n.ok() && n.end < v && s.low(n.end) == "," {
		return n
	}
	return noNP
}

// systemActs reports whether the adverb at i describes a system's action:
// "the client blindly retried every request".
func (s *sentence) systemActs(i int) bool {
	v := i + 1
	if nx := s.low(v); nx == "" || !(pastForm(&s.toks[v]) || s.f(v)&fVerb != 0 || strings.HasSuffix(nx, "s")) {
		switch {
		case i > 0 && pastForm(&s.toks[i-1]):
			v = i - 1
		default:
			// after the object: "wrote the handler carelessly"
			if v = s.verbBefore(i); v < 0 {
				return false
			}
		}
	}
	n := s.subjectOf(v)
	if !n.ok() || s.person(n) {
		return false
	}
	h := &s.toks[n.head]
	return h.f&(fFirstSg|fFirstPl|fPron) == 0 && !s.passive(v)
}

// judgedSelf reports whether the judgement at i is about the writer: "I was
// careless", "my carelessness", "we messed up".
func (s *sentence) judgedSelf(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && s.nominal(j); j-- {
		if s.f(j)&(fFirstSg|fFirstPl) != 0 && s.f(j)&fPossessive != 0 {
			return true
		}
	}
	n := s.subjectOf(i)
	return n.ok() && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0
}

func containsStr(list []string, w string) bool {
	for _, l := range list {
		if l == w {
			return true
		}
	}
	return false
}

// asOptional returns the end of "as optional" when "treats the …" at i
// goes on with it ("treats the pre-bind checklist as optional"), or 0.
func (s *sentence) asOptional(i int) int {
	for j := i + 2; j < len(s.toks) && j <= i+7; j++ {
		if !s.is(j, "as", "like") {
			continue
		}
		if s.is(j+1, "optional", "advisory", "suggestions", "guidance") {
			return j + 2
		}
		k := j + 1
		if s.is(k, "a", "an", "any", "some", "somebody", "someone") {
			k++
		}
		if s.is(k, "polite", "mere", "other", "else's", "minor") {
			k++
		}
		if s.is(k-1, "somebody", "someone") && s.is(k, "else", "else's") {
			k++
			if s.is(k, "'s") {
				k++
			}
		}
		if dismissive[s.low(k)] || s.is(k, "problem") && s.is(k-1, "else", "else's", "'s") {
			return k + 1 // "treats SLAs as a polite suggestion", "keeps treating production like a sandbox"
		}
	}
	return 0
}

// treaterBefore reports whether the people who treat at i stand before a
// "keeps" or a relative pronoun: "the underwriting team keeps treating
// production like a sandbox", "a group that treated payment day like any
// other Tuesday".
func (s *sentence) treaterBefore(i int) bool {
	switch {
	case s.is(i-1, "keeps", "keep", "kept", "keeping", "continue", "continues", "continued"):
		return s.personish(s.clauseSubject(i - 1))
	case s.is(i-1, "that", "who", "which"):
		return s.personish(s.npEndingAt(i - 2))
	}
	return false
}

// dismissive are what a thing that matters is treated like: "production
// like a sandbox", "the lab like an afterthought", "payment day like any
// other Tuesday".
var dismissive = wordSet(`suggestion formality afterthought nice-to-have sandbox playground toy
	tuesday joke chore nuisance hobby`)

// reasonAfter reports whether what follows i explains the act with what
// the person saw: "went back to sleep after the first page auto-resolved".
func (s *sentence) reasonAfter(i int) bool {
	for j := i; j < len(s.toks) && j <= i+6; j++ {
		if s.is(j, "resolved", "auto-resolved", "cleared", "recovered", "green", "ok") {
			return true
		}
	}
	return false
}

// slowResponse returns where a person's graded slowness ends, from "took"
// or "spent" at i: "took twelve minutes to connect", "took 11 min to join
// the bridge", "lost 12 minutes with changing the memory limit instead
// of rolling back". Not "we took an hour to find it", nor a system's time.
func (s *sentence) slowResponse(i int) int {
	n := s.subjectOf(i)
	if !s.person(n) || s.firstPerson(n) || s.negatedBefore(i, 3) {
		return 0
	}
	j := i + 1
	for j < len(s.toks) && j <= i+4 && (s.toks[j].kind == tNum || s.is(j, "over", "almost", "nearly", "more", "than", "about", "a", "an", "full", "good", "another", "twelve", "eleven", "ten", "fifteen", "twenty", "thirty", "forty", "five", "seven", "eight", "nine", "six", "four", "three", "two")) {
		j++
	}
	if !s.is(j, "min", "mins", "minutes", "minute", "hours", "hour", "hrs", "seconds", "days", "m", "h") {
		return 0
	}
	j++
	if s.toks[i].is("waited") {
		// "the incident commander waited over an hour before declaring"
		if s.low(j) == "before" && s.is(j+1, "declaring", "escalating", "paging", "calling", "acting", "responding", "telling", "informing", "notifying", "raising", "reverting", "rolling", "answering", "acknowledging", "looking", "checking", "doing", "starting") {
			return j + 2
		}
		return 0
	}
	if s.toks[i].is("took", "needed") {
		if s.low(j) == "to" && s.is(j+1, "notice", "respond", "react", "join", "connect", "acknowledge", "ack", "answer", "reply", "see", "realise", "realize", "escalate", "pick", "log", "show", "get", "start", "act", "wake", "call", "page") {
			return j + 2
		}
		return 0
	}
	for k := j; k < len(s.toks) && k <= j+8; k++ {
		if s.seq(k, "instead", "of") || s.is(k, "wasted", "pointlessly") {
			return k + 1
		}
	}
	if s.toks[i].low == "wasted" {
		return j
	}
	return 0
}

// faultNouns put a failing on whoever follows "on the part of".
var faultNouns = wordSet(`fatigue confusion misunderstanding negligence carelessness failure error errors
	mistake mistakes lapse lapses oversight misjudgement misjudgment inattention diligence care
	incompetence inexperience haste complacency recklessness judgement judgment`)

// exasperation marks a line said in frustration: signs anywhere in it, and
// words.
var (
	exasperationSigns = [][]byte{[]byte("??"), []byte("🙄"), []byte("😑"), []byte("😤"), []byte("😡"), []byte("🤦"), []byte("😒"), []byte("🙃"), []byte("😠"), []byte("💀")}
	exasperationWords = wordSet("ugh seriously smh ffs sigh facepalm")
)

// repeatPinned returns where the actor starts when "again" at i closes a
// repeat told in exasperation or about harm and pinned on someone other
// than the writer, or -1. "We restarted the pod again" and "the job failed
// again" are left alone.
func (s *sentence) repeatPinned(i int) int {
	exasperated := false
	for _, e := range exasperationSigns {
		if bytes.Contains(s.text, e) {
			exasperated = true
			break
		}
	}
	for j := range s.toks {
		if exasperated {
			break
		}
		exasperated = exasperationWords[s.low(j)] || s.is(j, "third", "fourth", "fifth") && s.is(j+1, "time") || s.seq(j, "every", "time") || s.seq(j, "of", "course")
	}
	if s.toks[i].upper {
		exasperated = true // "… rebooted the kiosk mid-flash AGAIN"
	}
	v := s.verbBefore(i)
	if v < 0 && exasperated {
		// "🤦 kev restarted the wrong box. again.", "bet you anything raj
		// skipped the dry run again": the act before, by whoever did it
		for j := i - 1; j >= 0 && j >= i-10; j-- {
			if s.toks[j].kind == tWord && pastForm(&s.toks[j]) && s.f(j-1)&(fDet|fPossessive) == 0 {
				v = j
				break
			}
		}
	}
	for j := v + 1; v >= 0 && j < i; j++ {
		if s.is(j, "and", "but", "so") && s.npStartingAt(j+1).ok() && s.f(j+1)&fDet == 0 {
			return -1 // "Chen switched the flag off and players could buy again": another clause's again
		}
	}
	harm := v >= 0 && (harmVerbs[s.low(v)] || s.is(v, "nuked", "broke", "broken", "trashed", "killed", "borked", "messed", "screwed"))
	for j := i + 1; j+3 < len(s.toks) && !harm; j++ {
		// "…again, that's what broke the motor"
		harm = s.is(j, "that", "which") && s.is(j+1, "'s", "is", "was") && s.is(j+2, "what") && s.is(j+3, "broke", "caused", "set", "triggered", "took", "killed", "tripped")
	}
	if !exasperated && !harm {
		return -1
	}
	if v >= 0 {
		a := s.agentOfVerb(v)
		if s.person(a) && !s.firstPerson(a) && !s.is(a.head, "customer", "customers", "user", "users", "client", "clients") {
			return min(a.start, v)
		}
		if exasperated && v > 0 && s.toks[v-1].kind == tWord && s.f(v-1) == 0 && !s.toks[v-1].cap && (v-1 == 0 || s.boundary(v-2) || s.is(v-2, "anything", "ugh", "ffs", "lol", "sigh")) {
			return v - 1 // "kev restarted the wrong box. again.": a chat name the lexicon does not know
		}
		if a.ok() && s.is(a.start, "your", "his", "her", "their") {
			return a.start // "your terraform apply nuked the VPC again"
		}
		return -1
	}
	// "siobhan's cache change again", "it was tariq. again"
	if n := s.npEndingAt(i - 1); exasperated && n.ok() && n.poss >= 0 {
		if p := s.npEndingAt(n.poss - 1); s.person(p) && !s.firstPerson(p) {
			return p.start
		}
	}
	return -1
}

// firstPersonHead reports whether the phrase is the writer: "I", "we"; not
// "our config".
func (s *sentence) firstPersonHead(n np) bool {
	return n.ok() && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0
}

// peoplesHabit returns where a habit or tendency of people that grades how
// they work ends, when "habit" or "tendency" at i is one ("the growth
// team's habit of shipping straight to production", "has a habit of
// skipping", "their tendency to dismiss tickets"), or 0. A good habit
// ("a healthy habit of writing things down") grades nothing.
func (s *sentence) peoplesHabit(i int) int {
	if s.is(i-1, "good", "healthy", "useful", "great", "helpful", "positive", "admirable", "strong", "excellent", "clean", "safety") {
		return 0
	}
	if s.is(i, "record") && !s.is(i-1, "track") || s.is(i, "record") && s.is(i-2, "good", "strong", "excellent", "clean", "safety") {
		return 0 // "a record of the call"; "a good track record of"
	}
	act := i + 1
	switch {
	case s.is(i+1, "of") && s.toks[min(i+2, len(s.toks)-1)].kind == tWord && strings.HasSuffix(s.low(i+2), "ing"):
		act = i + 2
	case s.is(i+1, "to") && s.f(i+2)&fVerb != 0 && s.low(i) != "record":
		act = i + 2
	case s.is(i+1, "of") && s.anyWithin(i+2, 3, "shortcuts", "lapses", "errors", "mistakes", "violations", "breaches", "near-misses", "incidents", "complaints"):
		// "the B shift has a track record of informal shortcuts"
		act = i + 2
	case s.is(i+1, "as") && s.low(i) == "tendency":
		// "our tendency as a platform team to dismiss tickets"
		for k := i + 2; k < len(s.toks) && k <= i+6; k++ {
			if s.is(k, "to") {
				act = k + 1
				break
			}
		}
		if act == i+1 {
			return 0
		}
	default:
		return 0
	}
	if s.is(i, "pattern") && s.is(act+1, "being", "was", "were", "is") {
		return 0 // "a pattern of staging being broken": a thing's state
	}
	if s.is(act, "reporting", "writing", "documenting", "asking", "checking", "testing", "sharing", "reviewing", "double-checking", "escalating", "learning") {
		return 0 // a habit of checking is no judgement
	}
	// Whose habit: a possessive ("the team's", "Kenji's", "our"), or the
	// subject of "has a habit of".
	j := i - 1
	if s.is(j, "a", "the") {
		j--
	}
	switch {
	case s.is(j, "'s", "'"):
		n := s.npEndingAt(j - 1)
		if s.personish(n) || s.organisation(n) || teamish(s.low(n.head)) {
			return act + 1
		}
	case s.is(j, "our", "their", "his", "her", "your"):
		return act + 1
	case s.is(j, "has", "have", "had", "developed", "develops", "show", "shows", "showed"):
		n := s.clauseSubject(j)
		if n.ok() && s.is(n.head, "user", "users", "customer", "customers", "client", "clients", "patient", "patients", "passenger", "passengers", "player", "players", "shopper", "shoppers", "visitor", "visitors") {
			return 0 // "users have a habit of double-clicking": how people use the product
		}
		if s.personish(n) || s.organisation(n) || n.ok() && teamish(s.low(n.head)) || n.ok() && s.toks[n.head].cap && s.toks[n.head].f == 0 {
			return act + 1
		}
	}
	return 0
}

// teamish reports whether a word names a group of people at work.
func teamish(w string) bool {
	switch w {
	case "team", "teams", "group", "groups", "department", "crew", "crews", "staff", "squad", "desk", "ops", "newsroom", "engineers", "developers", "operators", "management", "leadership":
		return true
	}
	return false
}

// departmentWords name a part of an organisation, bare: "compliance "just
// tweaked a rule"".
var departmentWords = wordSet(`compliance legal finance marketing sales procurement hr qa ops devops
	dev support management product design engineering infra platform security networking facilities
	payroll accounts billing cataloguing dispatch maintenance fundraising operations planning
	purchasing`)

// sneerNouns, in scare quotes after a person's possessive, doubt what the
// person offered: the vendor's "fix", their "senior engineer".
var sneerNouns = wordSet(`fix fixes hotfix solution expert experts senior engineer engineers review
	testing tested test tests plan process improvement improvements optimisation optimization
	cleanup clean-up help support quick small tiny minor simple harmless safe trivial refactor
	zero`)

// scareQuoted flags what a person did or offered, put in scare quotes:
// `Greg "cleaned up" the old tables`, `thanks Kira for "testing in prod"
// again`, `thanks for "quickly" restarting the database`, `the vendor's
// "fix" broke it again`. The quotes say the opposite of the words; a quoted
// message ("Ana: "restarted the pod"") has no person right before it.
func (s *sentence) scareQuoted() {
	p := personFrom(s, 0) // the first person the sentence names
	for i := 1; i+2 < len(s.toks); i++ {
		if !s.is(i, "\"", "“", "'", "‘") || s.is(i, "'") && s.toks[i-1].kind == tWord && s.toks[i].s == s.toks[i-1].e {
			continue // an apostrophe: "the engineers' runbook"
		}
		k := -1
		for j := i + 2; j < len(s.toks) && j <= i+5; j++ {
			if s.is(j, "\"", "”", "'", "’") {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		first := i + 1
		if s.is(first, "just", "quickly", "simply", "only") && first+1 < k {
			first++
		}
		ft := &s.toks[first]
		did := ft.kind == tWord && (pastForm(ft) || strings.HasSuffix(ft.low, "ing") && len(ft.low) > 4 && ft.f&(fMass|fRole) == 0)
		if k == i+2 && strings.HasSuffix(ft.low, "ly") && k+1 < len(s.toks) && (pastForm(&s.toks[k+1]) || strings.HasSuffix(s.low(k+1), "ing") || s.is(i-1, "to")) {
			did = true // thanks for "quickly" restarting; decided to "quickly" patch
		}
		n := noNP
		switch {
		case s.is(i-1, "to") && s.is(i-2, "decided", "chose", "opted", "preferred", "elected", "tried", "wanted"):
			// "decided to "quickly" patch the firmware", "chose to
			// 'investigate further' for ninety minutes"
			n, did = s.subjectOf(i-2), true
		case s.is(i-1, "was", "is") && s.is(i-2, "it", "this") && s.is(i-3, "decided", "thought", "figured", "assumed", "declared"):
			// "decided it was "probably nothing""
			n, did = s.subjectOf(i-3), true
		case s.is(i-1, "for") && did:
			// "thanks Kira for "testing in prod"", "thank you, ops, for "fixing" it"
			for j := i - 2; j >= 0 && j >= i-6; j-- {
				if s.is(j, "thanks", "thank") {
					if m := s.npStartingAt(j + 1); m.ok() && s.personish(m) {
						n = m
					} else {
						n = np{start: j, head: j, end: j + 1, poss: -1, implicit: true}
					}
					break
				}
			}
		case s.low(i-1) == "'s" || s.f(i-1)&fPossessive != 0 || s.is(i-1, "so-called") && (s.low(i-2) == "'s" || s.f(i-2)&fPossessive != 0):
			// the vendor's "fix", their so-called "zero downtime" upgrade
			owner := i - 1
			if s.is(owner, "so-called") {
				owner--
			}
			if !sneerNouns[ft.low] && !did && !s.is(i-1, "so-called") {
				continue
			}
			if s.low(owner) == "'s" {
				owner--
			}
			if m := s.npEndingAt(owner); m.ok() {
				n = m
			} else if s.f(owner)&fPossessive != 0 {
				n = np{start: owner, head: owner, end: owner + 1, poss: -1}
			}
			did = true
		case k == i+2 && s.is(i+1, "temporarily", "temporary", "briefly", "quickly") && p >= 0 && p < i:
			// `Henrik disabled the validation rule "temporarily" in March`,
			// `the "temporary" hack from ops`
			if s.f(p)&(fFirstSg|fFirstPl) != 0 {
				continue
			}
			n, did = np{start: p, head: p, end: p + 1, poss: -1}, true
		case s.is(i-1, "stop", "quit") && did && s.hasAny("@", "pls", "please"):
			// "@grant pls stop 'fixing' modbus addresses by hand"
			n = np{start: i - 1, head: i - 1, end: i, poss: -1, implicit: true}
		default:
			n = s.npEndingAt(i - 1)
		}
		if k+1 < len(s.toks) && s.toks[k+1].kind == tWord && s.nominal(k+1) && s.f(k+1)&(fDet|fPossessive|fPron|fVerb) == 0 && !pastForm(&s.toks[k+1]) && !s.is(k+1, "it", "them", "this", "that", "everything", "things", "stuff") && !s.is(i-1, "for") && n.end == i && !n.implicit {
			continue // a quoted modifier: the "fixed" flag
		}
		if s.is(k+1, "status", "state", "flag", "mode", "label", "button", "setting", "option", "field", "tag", "toggle", "checkbox") {
			continue // a label: the couriers' "paused" status
		}
		if n.ok() && !n.implicit && n.end == i && s.f(n.head)&(fTech|fThing) != 0 && !departmentWords[s.low(n.head)] && !(s.toks[n.head].upper && s.low(n.head) == "it") {
			continue
		}
		if !did || !n.ok() || !(n.implicit || s.personish(n) || s.f(n.head)&fPossessive != 0 || departmentWords[s.low(n.head)] && n.start == n.head) || !n.implicit && s.f(n.head)&(fFirstSg|fFirstPl) != 0 || s.is(n.head, "my", "our", "its") || s.is(n.head, "it") && !s.toks[n.head].upper || s.hasAny("planned", "agreed", "intended") {
			continue // "our on-call architect" is a person; "we decided to 'wait and see'" the team's own account
		}
		from := min(n.start, i)
		phrase := s.span(from, k+1)
		s.add(idJudgement, from, k+1,
			fmt.Sprintf("%q puts what someone did in scare quotes; the quotes grade the person instead of saying what they saw and did", phrase),
			"Drop the quotes and describe what was done, what the person expected it to do and what it did.")
		return
	}
}

// attitudeAfter returns the end of a dismissive attitude told in the
// clause after the verb of thinking at i ("… are optional", "… someone
// else's problem", "… knows better than the runbook"), or 0.
func (s *sentence) attitudeAfter(i int) int {
	for j := i + 1; j < len(s.toks) && j <= i+12 && !s.boundary(j); j++ {
		switch {
		case s.is(j, "optional", "optional-ish") && (s.is(i-1, "clearly", "apparently", "obviously", "evidently", "still", "somehow") || s.anyWithin(0, i, "some")):
			return j + 1 // "some people clearly think alerts are optional"; not "the vendor thinks the retry is optional"
		case s.is(j, "someone", "somebody") && (s.is(j+1, "else's") || s.seq(j+1, "else", "'s")):
			return min(j+4, len(s.toks))
		case s.is(j, "know", "knows") && s.is(j+1, "better") && s.is(j+2, "than"):
			return j + 3
		case s.is(j, "rules", "rule", "process", "policy", "freeze") && s.is(j+1, "do", "does") && s.f(j+2)&fNeg != 0 && s.is(j+3, "apply"):
			return j + 4
		case s.seq(j, "not", "their") && s.is(j+2, "problem", "job", "concern", "business"):
			return j + 3
		}
	}
	return 0
}

// adviceVerbs start the advice a "maybe next time" hands to someone else:
// "maybe test the form before you ship it".
var adviceVerbs = wordSet(`test read check ask try look run tell wait talk use follow open review
	answer reply call consider learn double-check verify communicate coordinate think warn inform
	mention loop let`)

// pointedAdvice flags advice handed to someone else with "maybe" about next
// time, which says they should have known: "@webteam maybe test the form
// before you ship it next time?", "maybe next time product could ask the
// people who run it before promising a date". The team's own "maybe next
// time we add a check" plans; it grades nobody.
func (s *sentence) pointedAdvice() {
	if s.lesson || s.blameFound() {
		return
	}
	m := -1
	for i := range s.toks {
		if s.is(i, "maybe", "perhaps") {
			m = i
			break
		}
	}
	if m < 0 || !s.hasAfter(m, "before") || !(s.seqWithin(m, len(s.toks), "next", "time") || s.seqWithin(m, len(s.toks), "before", "you")) {
		return // "@ana maybe try the staging link next time" is a tip; the advice to have checked "before" grades
	}
	for i := m + 1; i < len(s.toks); i++ {
		if s.f(i)&(fFirstPl|fFirstSg) != 0 || s.is(i, "let's", "lets") {
			return // "maybe next time we page the vendor sooner"
		}
	}
	j := m + 1
	if s.seq(j, "next", "time") {
		j += 2
	}
	if s.is(j, ",") {
		j++
	}
	end := 0
	switch {
	case adviceVerbs[s.low(j)] && (s.addressed() || s.hasAny("you", "your", "u", "ur")):
		end = j + 1 // an imperative to someone addressed
	default:
		n := s.personStartingAt(j)
		if !n.ok() || n.start != j || !s.personish(n) || s.writer(n) || !s.is(n.end, "could", "should", "might", "can") {
			return
		}
		v := n.end + 1
		if s.seq(v, ",", "you", "know", ",") {
			v += 4 // "could, you know, read the ticket"
		}
		if adviceVerbs[s.low(v)] {
			end = v + 1 // "maybe next time product could ask … before promising a date"
		}
	}
	if end == 0 {
		return
	}
	s.add(idJudgement, m, end,
		fmt.Sprintf("%q hands someone advice they should have known to follow; it grades them instead of asking what made the step easy to miss", s.span(m, end)),
		"Name what would have put the step in front of them: a check in the tool, a line in the runbook, a review the process asks for.")
}

// addressed reports whether the line speaks to someone by handle: "@webteam
// maybe test …".
func (s *sentence) addressed() bool {
	for i := range s.toks {
		if s.low(i) == "@" && i+1 < len(s.toks) && s.toks[i+1].kind == tWord {
			return true
		}
	}
	return false
}

// accusedInChat flags a chat line that tells someone addressed by handle
// what they did, in disbelief: "@grace you approved the CoA with blank
// fields??", "@raj dude, you deployed at 8:55 on valentines morning. why."
// A plain "@ana you restarted the pod at 10:02?" checks a fact.
func (s *sentence) accusedInChat() {
	if s.lesson || s.blameFound() || !s.addressed() {
		return
	}
	disbelief := false
	for i := range s.toks {
		if s.is(i, "??", "?!", "!?", "???") || s.is(i, "?") && (s.is(i+1, "?", "!") || s.is(i-1, "?", "!")) || s.is(i, "!") && s.is(i+1, "?") {
			disbelief = true
		}
		if s.is(i, "thank", "thanks", "thx", "ty", "legend", "hero", "nice", "awesome", "amazing", "perfect", "good", "🙏", "👍", "🎉") {
			return // "@kim you rolled back already?? thank you", "you paged the vendor?? nice"
		}
	}
	if w := len(s.toks) - 1; w > 0 && (s.is(w, "why") || s.is(w, ".") && s.is(w-1, "why") || s.is(w, "?") && s.is(w-1, "why") && s.is(w-2, ".", ",")) {
		disbelief = true // "… on valentines morning. why."
	}
	if !disbelief {
		return
	}
	for i := range s.toks {
		if s.is(i, "you", "u") && i+1 < len(s.toks) && s.toks[i+1].kind == tWord && pastForm(&s.toks[i+1]) {
			s.add(idJudgement, i, i+2,
				fmt.Sprintf("%q tells someone what they did in disbelief; it puts them on trial instead of asking what the tools showed them", s.span(i, i+2)),
				"Ask how the action came about — what the person saw, what the tool offered, what nothing stopped — and record it in the timeline.")
			return
		}
	}
}

// choiceDenied reports whether the clause of a bad decision at i denies it:
// "the outage was not the result of one bad decision", "nobody made a bad
// call with what they knew".
func (s *sentence) choiceDenied(i int) bool {
	for j := i - 1; j >= 0 && j >= i-8 && !s.boundary(j); j-- {
		if s.f(j)&fNeg != 0 || s.is(j, "nobody", "noone") || s.seq(j, "no", "one") {
			return true
		}
	}
	return false
}

// puzzledWhy flags a person's judgement graded through feigned puzzlement:
// "it remains unclear why the engineering lead considered a production
// change during the switchover acceptable", "I'm not sure why Tomasz
// thought Saturday night was a good time to re-map every zone". The
// question is not asked: the evaluative word answers it. Asking what made
// the choice look reasonable ("we don't yet know why Priya chose to
// restart") is not flagged.
func (s *sentence) puzzledWhy() {
	for i := range s.toks {
		if !s.is(i, "why", "how", "what") || !s.puzzleBefore(i) {
			continue
		}
		n := s.npStartingAt(i + 1)
		if !n.ok() || !(s.personish(n) || s.agentBy(n)) || s.writer(n) || s.firstPerson(n) {
			continue
		}
		v := n.end
		if s.is(i, "what") {
			// "one wonders what the security team was doing while the
			// credentials sat in a public repository"
			if s.is(v, "was", "were") && s.is(v+1, "doing") && s.is(i-1, "wonder", "wonders", "wondering") {
				s.addPuzzled(max(i-2, 0), v+2, n)
				return
			}
			continue
		}
		if s.is(i-1, "understand") && s.is(i-2, "to") && s.is(i-3, "difficult", "hard", "impossible") {
			// "it is difficult to understand why the control room chose
			// to override the shutdown": the puzzlement is the verdict
			w := v
			if s.is(w, "has", "had", "have") {
				w++
			}
			base := false
			if s.is(w, "could", "would", "did") && s.f(w+1)&fNeg == 0 {
				w, base = w+1, true // "how someone with ten years here could mix up the two clusters"
			}
			if w < len(s.toks) && s.toks[w].kind == tWord && (pastForm(&s.toks[w]) || s.is(w, "chose", "ran", "took", "made", "went", "let", "put", "sent", "set") || base && s.f(w)&(fBe|fHave|fDet|fPrep) == 0) {
				s.addPuzzled(max(i-4, 0), w+1, n)
				return
			}
		}
		if s.is(v, "would", "could") && (s.is(v+1, "choose", "decide", "think", "want", "pick", "go") || s.is(n.head, "anyone", "anybody", "someone", "somebody") && v+1 < len(s.toks) && s.toks[v+1].kind == tWord && s.f(v+1)&(fNeg|fHave|fBe) == 0) || s.is(v, "decided", "chose") && s.puzzleBefore(i) && s.is(i-1, "understand", "baffling", "puzzling", "mystery") {
			// "why anyone would choose to run a schema change on payday",
			// "I don't understand why he decided to restart all the
			// cluster when only one node had a problem": the choice is
			// graded by what hindsight set beside it.
			if e := s.gradedContrast(v+2, 16); e > 0 || s.is(v, "would", "could") {
				s.addPuzzled(max(i-3, 0), max(e, v+2), n)
				return
			}
		}
		if !s.is(v, "thought", "considered", "felt", "believed", "judged", "deemed", "found", "decided", "figured", "assumed") {
			continue
		}
		for k := v + 1; k < len(s.toks) && k <= v+14 && !s.boundary(k); k++ {
			if s.is(k, "acceptable", "appropriate", "wise", "sensible", "prudent", "reasonable", "okay", "ok", "fine", "safe", "smart", "necessary") ||
				s.is(k, "good", "great", "right", "ideal") && s.is(k+1, "time", "idea", "moment", "call", "plan", "day", "night") {
				if s.negatedBefore(k, 2) {
					break
				}
				s.addPuzzled(max(i-3, 0), k+1, n)
				return
			}
		}
	}
}

// addPuzzled flags from to as a choice of n graded through a question the
// sentence already answers.
func (s *sentence) addPuzzled(from, to int, n np) {
	s.add(idJudgement, from, to,
		fmt.Sprintf("%q grades a person's choice through a question it already answers", s.span(from, to)),
		fmt.Sprintf("Ask what %s saw and what made the choice look reasonable then, and describe the action neutrally.", s.who(n)))
}

// gradedContrast returns the end of what a choice is set beside within k
// tokens of i, or 0: "when only one node had a problem", "even the plan
// was one farm per week", "rather than read it", "on payday", "in the
// middle of salary day".
func (s *sentence) gradedContrast(i, k int) int {
	for j := i; j < len(s.toks) && j <= i+k; j++ {
		switch {
		case s.seq(j, "when", "only"), s.seq(j, "rather", "than"), s.seq(j, "instead", "of"), s.seq(j, "in", "the", "middle", "of"):
			return j + 2
		case s.is(j, "even", "although", "though") && j+1 < len(s.toks) && !s.is(j+1, "more", "less", "faster", "slower"):
			return j + 1
		case s.is(j, "payday", "salary", "peak", "launch", "black"):
			return j + 1
		}
	}
	return 0
}

// faintPraise flags praise that grades a person by what it leaves unsaid:
// "to their credit, did eventually locate the wiring diagram", "did well
// to eventually notice that the certificate had expired three days
// earlier", "very nice that the platform team finally saw the alarm, after
// the budget was gone", "interesting choice from the DBA to reindex on
// payday", "bold choice". Credit given plainly ("to her credit, Priya
// spotted it within minutes") is not flagged: the lateness is the barb.
func (s *sentence) faintPraise() {
	for i := range s.toks {
		credit := -1
		switch {
		case s.is(i, "credit") && s.is(i-2, "to") && s.f(i-1)&fPossessive != 0:
			credit = i - 2
		case s.seq(i, "did", "well", "to"), s.seq(i, "nice", "that"), s.seq(i, "at", "least") && s.is(i-1, "well", ",", "but", ":") || s.seq(i, "good", "of"),
			s.seq(i, "to", "be", "fair"), s.seq(i, "in", "fairness"):
			credit = i
		case s.sneeringThanks(i) > 0:
			// "lovely of the adapter vendor to mention the API change two
			// days after shipping it"
			e := s.sneeringThanks(i)
			s.add(idJudgement, i, e,
				fmt.Sprintf("%q thanks with a sneer; it grades the people instead of saying what the change notice looked like", s.span(i, e)),
				"Say when and how the change reached the team, and what would have made it arrive in time.")
			return
		case ironicChoice(s, i):
			if s.hasAny("paid", "saved", "worked", "right", "correct", "correctly", "well", "helped", "limited") {
				continue
			}
			e := i + 2
			if s.is(i-1, "very", "an", "a", "quite", "such", "real") {
				i--
			}
			s.add(idJudgement, i, e,
				fmt.Sprintf("%q grades a person's choice by irony; it does not say what made the choice look reasonable", s.span(i, e)),
				"Describe what was decided and what the people deciding saw and were asked for at the time.")
			return
		default:
			continue
		}
		for j := credit + 2; j < len(s.toks) && j <= credit+20; j++ {
			late := s.is(j, "eventually", "finally") || s.seq(j, "shortly", "after") || s.is(j, "only") && j+2 < len(s.toks) && s.countWord(j+1) && s.is(j+2, "minutes", "hours", "days", "weeks") ||
				s.is(j, "already") && s.hasWithin(j-4, 4, "after")
			if late && s.personAround(max(credit-8, 0), j) {
				s.add(idJudgement, credit, j+1,
					fmt.Sprintf("%q praises with a barb: the lateness is the point, and it grades the people, not what made the problem hard to see", s.span(credit, j+1)),
					"Say when and how the problem became visible to the people, and what made it hard to see sooner.")
				return
			}
		}
	}
}

// sneeringThanks returns the end of thanks at i that the sentence's
// lateness turns into a sneer ("lovely of the adapter vendor to mention
// the change two days after shipping it"), or 0.
func (s *sentence) sneeringThanks(i int) int {
	if !s.is(i, "lovely", "nice", "kind", "thoughtful", "generous", "sweet") || !s.is(i+1, "of") {
		return 0
	}
	n := s.npStartingAt(i + 2)
	if !n.ok() || !s.is(n.end, "to") || !s.agentBy(n) || !s.hasAny("after", "late", "later", "finally", "eventually") && !s.seqWithin(n.end, len(s.toks), "really", "helped") {
		return 0 // "nice of Kenji to restart the gateway at exactly 6am, really helped"
	}
	return n.end + 2
}

// personAround reports whether a person other than the writer is named
// from i to j: the one praised.
func (s *sentence) personAround(i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		if s.toks[k].kind == tWord && s.toks[k].cap && s.f(k) == 0 && (shape(s, k) == personShape || k == 0 && s.person(s.npStartingAt(k)) && (s.f(k+1)&(fHave|fBe|fDo|fModal) != 0 || k+1 < len(s.toks) && s.toks[k+1].kind == tWord && pastForm(&s.toks[k+1]))) {
			return true // a name the lexicon does not know: "Chloé"
		}
		if s.f(k)&(fRole|fName|fPlainName|fPron) != 0 && s.f(k)&(fFirstSg|fFirstPl) == 0 {
			if n := s.npStartingAt(k); n.ok() && (s.personish(n) || s.agentBy(n)) {
				return true
			}
			if n := s.npEndingAt(k); n.ok() && (s.personish(n) || s.agentBy(n)) {
				return true
			}
		}
	}
	return false
}

// countedRepeat flags an act counted against a person or a team: "for the
// third time this month the sample sheet has the wrong barcodes", "third
// such slip this year", "the second major outage caused by the same
// individual this year", "the second quarter running that the histology
// unit has sent slides to the wrong pathologist". A system's repeats
// ("the third outage this year from the same firmware bug") are a
// pattern to study and are not flagged; nor is a repeat that helped.
func (s *sentence) countedRepeat() {
	if s.forward || s.lesson || s.question || s.hasAny("caught", "fixed", "saved", "prevented", "spotted", "thanks", "thank", "kudos", "flagged") {
		return
	}
	for i := range s.toks {
		if !s.is(i, "second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "6th", "umpteenth", "nth") || s.negatedBefore(i, 3) ||
			s.is(i+1, "tonight", "today", "alert", "alerts", "page", "pages", "alarm") || s.is(i+1, "week", "day", "night", "shift") && s.hasAny("covering", "covered", "cover", "leave", "holiday") {
			continue // "3rd tonight, 41st this week" counts alerts; "covering a second week in a row" counts the load
		}
		end := 0
		for k := i + 1; k < len(s.toks) && k <= i+9; k++ {
			if s.is(k, "running") && k <= i+3 || s.seq(k, "in", "a", "row") || s.is(k, "such") && k == i+1 {
				end = k + 1
				break
			}
			if s.is(k, "this", "last") && s.is(k+1, "month", "quarter", "year", "week", "season", "term", "shift") {
				end = k + 2
				break
			}
		}
		if end == 0 || s.is(end, "running") {
			continue
		}
		slip := s.hasAny("wrong", "without", "slip", "slips", "mistake", "mistakes", "forgot", "forgotten", "yesterday's", "yesterday", "stale", "expired", "short-shipped", "error", "errors")
		if !slip && !s.hasAny("caused", "same", "again", "missed", "lost", "left", "leave", "incident", "outage", "failed") {
			continue // "our third planning session this month with the vendor team"
		}
		if !slip && (!s.personAround(0, len(s.toks)) && !s.handleAround() && !s.hasAny("team", "shift", "unit", "crew", "staff", "individual", "desk", "department") ||
			s.hasAny("involving", "involved", "design", "unrelated", "priority", "provider", "vendor", "supplier") || s.seq(0, "this", "is") && !s.hasAny("individual", "person", "same")) {
			continue // "the third incident this year involving the same queue, which tells us the design …"
		}
		from := i
		if s.is(i-1, "the") {
			from = i - 1
		}
		s.add(idJudgement, from, end,
			fmt.Sprintf("%q counts how often people repeated the act; it grades them instead of asking what lets the same step go wrong again", s.span(from, end)),
			"Say what each occurrence had in common in the system: the tool, the check that was missing, the step that looks right and is not; a recurring slip is a design problem.")
		return
	}
}

// ironicChoice reports whether i starts a choice graded by irony:
// "interesting choice", "bold choice", "brave decision".
func ironicChoice(s *sentence, i int) bool {
	return s.is(i, "interesting", "bold", "brave", "fascinating", "curious", "creative", "questionable", "inspired", "strange", "odd", "puzzling", "baffling") && s.is(i+1, "choice", "decision", "call", "move", "timing", "approach") ||
		s.is(i, "creative", "liberal", "flexible", "imaginative", "novel") && s.is(i+1, "interpretation", "reading", "take") && s.is(i+2, "of", "on")
}

// quotedMinimiser flags a person's own words for what they did, quoted back to
// grade it: the quotation marks say the words were not true. "removed by
// Oksana during what she described as a \"tidy-up\"", "Luca \"just
// quickly\" edited the route map", "unplugging dock 3 \"to see what
// happens\"", "Liam's phone was \"on silent\" again". What a screen, a
// button or a status said ("clicked \"Rollback\"", "marked \"low risk\" by
// the template") is a label, not a grade, and a quotation the sentence
// bears out ("which matched the diff") is plain.
func (s *sentence) quotedMinimiser() {
	if s.forward || s.hasAny("matched", "accurate", "accurately", "correct", "correctly", "indeed", "confirmed") {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].quote || s.toks[i].kind != tWord || s.quotedBefore(i) {
			continue
		}
		n := s.quotedRun(i)
		end := i
		for end < len(s.toks) && s.toks[end].quote {
			end++
		}
		sneer := s.is(end, ",") && s.seq(end+1, "which", "means") // "Tariq is \"looking into it\", which means we'll hear back next week"
		if n == 0 || n > 10 || !sneer && !s.minimises(i, end) || s.labelBefore(i) || s.anyWithin(i, end-i, "?") || s.quotedRuns() >= 3 || s.writtenBefore(i) {
			i = end
			continue // a question asked, or words listed: "surprised", "stressed", "fine"
		}
		if !s.personAround(0, len(s.toks)) && !s.handleAround() {
			return
		}
		from := i // from the word before the quotation, which is the writer's
		for from > 0 && s.toks[from].quote {
			from--
		}
		s.add(idJudgement, from, end,
			fmt.Sprintf("%s puts a person's own words for what they did in quotation marks; the irony grades them instead of saying what made the step look safe at the time", s.span(from+1, end)),
			"Drop the quotation marks and the irony: say what the person meant to do, what they saw, and what would have shown them the risk.")
		return
	}
}

// typicalOf flags a group's act told as what that group always does:
// "typical ops, ignore the canary and promote anyway", "typical
// networking again".
func (s *sentence) typicalOf() {
	i := -1
	for k := range s.toks {
		if s.is(k, "typical", "classic") && (k == 0 || s.linePrefix(k) || s.low(k-1) == ":") {
			i = k
			break
		}
	}
	if i < 0 || !(departmentWords[s.low(i+1)] || s.f(i+1)&fRole != 0) || !s.is(i+2, ",", "again", "-", "—", ":") {
		return
	}
	s.add(idJudgement, i, i+2,
		fmt.Sprintf("%q grades a group by what it always does; it says nothing of what made this step look reasonable", s.span(i, i+2)),
		"Say what the group did this time, what they saw, and what the tooling offered them.")
}

// famousFor flags a person's habit named with irony: "Ollie's famous
// \"I'll do it Monday\"", "the famous Jonas Monday-morning hotfix".
func (s *sentence) famousFor() {
	for i := range s.toks {
		if !s.is(i, "famous", "legendary", "trademark", "signature") {
			continue
		}
		from, to := -1, 0
		switch {
		case s.low(i-1) == "'s" && s.f(i-2)&(fName|fPlainName) != 0:
			from, to = i-2, i+1
		case s.is(i-1, "the") && s.f(i+1)&(fName|fPlainName) != 0:
			from, to = i-1, i+2
		default:
			continue
		}
		s.add(idJudgement, from, to,
			fmt.Sprintf("%q names a person's habit with irony; it grades the person instead of saying what made the step look reasonable", s.span(from, to)),
			"Say what happened this time and what the process asked for; a person's habits are not a cause.")
		return
	}
}

// ironicPraise flags thanks or praise addressed to people for the harm the
// same sentence tells: "thanks @karen for the heads-up about the cert, two
// days after it expired", "thank you to Bruno for the very quick deploy, so
// quick that nobody could review it", "nice one data team, the dashboard
// now says we served negative impressions". Thanks for what helped
// ("thanks to Priya for catching the expired cert before it hit
// customers") is plain.
func (s *sentence) ironicPraise() {
	for _, m := range s.matches {
		if strings.HasPrefix(m.rule, "blame.") {
			return
		}
	}
	o := -1
	for i := 0; i < len(s.toks) && i < 8; i++ {
		if s.is(i, "thanks", "thank", "thx", "kudos", "bravo", "congrats", "congratulations", "cheers", "gr8") || s.seq(i, "well", "done") || s.is(i, "nice", "great", "good", "brilliant", "excellent") && s.is(i+1, "one", "job", "work", "going", "call", "idea", "move") {
			o = i
			break
		}
	}
	if o < 0 || !s.clauseStart(o) && !s.linePrefix(o) && !(s.handleAt(o-2).ok() && (o == 2 || s.linePrefix(o-2))) && !(s.is(o, "thanks") && s.is(o-1, "my", "our")) {
		return
	}
	if !s.personAround(o, min(o+6, len(s.toks))) && !s.handleAfter(max(o-4, 0), o+4) && !s.hasWithin(o, 6, "team", "ops", "crew", "desk", "centre", "center", "department", "staff", "group") && !s.anyWithin(o, 4, "everyone", "everybody", "folks", "guys") && !s.is(o+1, "you") {
		return
	}
	marked := s.ironyMarked(o)
	for k := range s.toks {
		if s.is(k, helped...) && !marked {
			return // thanks for what helped
		}
	}
	barb := -1
	for k := o + 2; k < len(s.toks); k++ {
		switch {
		case s.is(k, "after") && (s.is(k-1, "only", "days", "hours", "weeks", "minutes", "day", "week") || s.is(k+1, "it", "they", "the") && s.hasWithin(k+1, 4, "expired", "broke", "failed", "called", "died", "crashed", "went")) &&
			!(s.is(k+1, "the", "a") && s.is(k+2, "delay", "outage", "storm", "fire", "flood", "failure", "breakdown", "cancellation", "power", "freight", "late")) && !s.hasWithin(k+1, 3, "delay", "storm", "breakdown"):
			// not "for re-tuning the piano in forty minutes after the freight delay"
			barb = k
		case s.is(k, "expired", "broke", "broken", "negative", "deleted", "wiped", "corrupted", "crashed", "outage", "lost", "roof", "wiping", "deleting", "breaking", "crashing", "corrupting", "dropping", "nuking", "testers", "guinea") && !s.hasWithin(max(k-5, 0), 5, "no", "not", "never", "despite", "without", "before") && !s.seq(k-1, "got", "lost") && !s.is(k-1, "from", "stop", "stopped", "prevent", "prevented", "avoid", "avoided", "fixing", "fixed", "rebuilding", "restoring"):
			barb = k // "thanks @ines for wiping the lift ticket price table", "for making our customers the testers"
		case s.is(k, "down") && !s.is(k-1, "back") && !s.is(k+1, "to", "from") && s.anyWithin(max(k-6, 0), 6, "taking", "took", "bringing", "brought", "knocking", "knocked") && s.anyWithin(max(k-6, 0), 6, "site", "whole", "prod", "production", "service", "network", "everything", "checkout", "platform") || s.seq(k, "discovering", "that") || s.seq(k, "in", "fact") ||
			s.is(k, "peak", "rush") && s.anyWithin(max(k-5, 0), 5, "choosing", "chose", "picking", "picked"):
			barb = k // "thanks @dario for taking the whole site down", "on discovering that the IVR can, in fact, be switched off", "for choosing Monday morning peak"
		case s.seq(k, "in", "front", "of") && (k+3 < len(s.toks) && s.toks[k+3].kind == tNum || s.is(k+3, "everyone", "everybody", "thousands", "hundreds", "customers", "users", "fans", "guests", "our") || s.is(k+3, "the") && s.is(k+4, "board", "whole", "press", "customer", "customers", "ceo", "regulator")) || s.is(k, "on", "with") && s.is(k+1, "real", "live", "actual", "paying") && s.is(k+2, "customers", "users", "patients", "fans", "riders", "guests", "traffic", "data"):
			barb = k // "for discovering, in front of 60,000 fans, that …", "trialling the format on real customers"
		case s.is(k, "late") && s.is(k-1, "too", "week", "day", "days", "weeks", "hours"):
			barb = k
		case (s.is(k, "nobody", "noone") || s.seq(k, "no", "one")) && !s.anyWithin(k+1, 5, "wrong", "blame", "fault", "blamed", "hurt", "harmed"):
			barb = k // not "thanks all. nobody did anything wrong here today"
		case s.is(k, "own") && s.is(k-1, "his", "her", "their") && s.is(k+1, "commit", "change", "deploy", "script", "mistake", "config", "push", "release"):
			barb = k // "thanks to Piotr for the quick reaction, even if the problem was coming from his own commit"
		case s.seq(k, "during", "the", "peak") || s.seq(k, "in", "the", "production") || s.is(k, "in", "on") && s.is(k+1, "production", "prod", "live"):
			barb = k
		case s.is(k, "without") && !s.is(k+1, "being", "hesitation", "complaint", "complaining", "fail", "pause", "question", "questions", "delay", "cutting", "incident", "injury", "injuries", "harm", "damage", "shortcuts", "panic", "drama") && !s.seq(k+1, "a", "fuss") && !s.seq(k+1, "anyone", "asking") && !s.hasAny("safe", "safely", "carefully", "calmly"):
			barb = k // "thx for approving the override without calling the ward"
		case s.is(k, "surprise", "surprises") || s.seq(k, "in", "the", "middle", "of") || s.seq(k, "told", "you") || s.seq(k, "asked", "you"):
			barb = k // "the lovely surprise of disabling the queue", "the one area we told you to avoid"
		case s.toks[k].quote && s.toks[k].kind == tWord && k <= o+8 && s.is(s.wordBefore(k), "for", "the", "your", "that") && s.hasWithin(s.wordBefore(k)-1, 2, "for", "on") && s.quotedPraise(k):
			barb = k // "thanks so much for \"testing\" the discount code", "for the \"quick fix\""
		}
		if barb >= 0 {
			break
		}
	}
	if barb < 0 && !marked {
		return
	}
	e := o + 2
	for e < len(s.toks) && e < o+6 && !s.boundary(e) {
		e++
	}
	s.add(idJudgement, o, e,
		fmt.Sprintf("%q thanks people for the harm the sentence goes on to tell; the irony grades them instead of saying what happened", s.span(o, e)),
		"Drop the thanks and tell what happened plainly: what the people did, what they saw, and what the system let through.")
}

// mockedAddressee flags a line that opens with mock praise and ends with a
// face of irony, aimed at a group or a person it names: "nice one
// lighting, cue 112 fired in the middle of the ballad 🙃", "thanks for the
// surprise, car shop, love finding …🙃", "oh cool, maintenance shut the
// compressor down with zero notice, very helpful 🙃", "wonderful,
// transport planning put the peas on the chiller route again 👏👏". A
// thumbs-up or clapping mocks only after harm or a repeat; an irony face
// at a system alone ("the build is green again 🙃") grades nobody.
func (s *sentence) mockedAddressee() {
	if s.blameFound() || s.question || s.forward {
		return
	}
	o := s.firstWord()
	// Past the speaker of a chat line: "03:18 <gustavo> wonderful, …".
	for g := min(o+4, len(s.toks)-1); g > o; g-- {
		if s.toks[g].kind == tWord && s.linePrefix(g) {
			o = g
			break
		}
	}
	for o < len(s.toks) && s.is(o, "oh", "wow", "ah", "well", "so", "just") {
		o++
	}
	laughed := false // "lol nice one @tunde, …": a laugh opening the line
	for k := 0; k < o && k < len(s.toks); k++ {
		laughed = laughed || s.is(k, "lol", "lmao", "haha")
	}
	marked := laughed || s.textHas(ironyMarks)
	clap := !marked && s.textHas(approvalMarks)
	// Words alone can mark the irony in a chat line: praise for what went
	// wrong again ("great, another masterpiece from the vessel desk,
	// cranes 2 and 3 both on bay 18", "wonderful, warehouse has decided
	// scanners are optional tonight").
	worded := !marked && !clap && o > 0 && s.linePrefix(o) && s.anyWithin(o, len(s.toks)-o, harmCues...) && !s.anyWithin(0, len(s.toks), helpedOutright...) &&
		!s.hasAny("nobody", "noone", "anything", "nothing") && !s.textHas(noOneMarks)
	if !marked && !clap && !worded {
		return
	}
	e := 0
	switch {
	case s.is(o, "thanks", "thank", "thx", "ty", "cheers", "kudos", "congrats", "bravo"):
		e = o + 1
		if s.is(e, "you") {
			e++
		}
	case s.is(o, "nice", "great", "good", "lovely", "brilliant", "stellar", "excellent") && s.is(o+1, "one", "job", "work", "move", "call", "stuff"):
		e = o + 2
	case s.is(o, "love", "loving") && s.is(o+1, "that", "how", "it", "finding", "seeing", "discovering"):
		e = o + 2
	case s.is(o, "wonderful", "cool", "great", "lovely", "brilliant", "awesome", "amazing", "fantastic", "perfect", "nice", "superb", "marvellous", "splendid", "classic") && s.is(o+1, ",", "!", "."):
		e = o + 2
	case s.is(o, "round") && s.seq(o+1, "of", "applause"), s.is(o, "another") && s.is(o+1, "masterpiece", "triumph", "classic", "banger", "gem"),
		s.is(o, "genius", "stellar", "outstanding", "impressive", "amazing", "incredible", "truly") && s.is(o+1, "move", "work", "stuff", "effort", "job", "planning", "how"):
		e = o + 2 // "round of applause for court IT", "genius move from marine coord"
	}
	if e == 0 || !s.mockedPeople(e) && !s.endVocative() && !s.thanksVocative(o, e) {
		return
	}
	if clap && (s.anyWithin(0, len(s.toks), helpedOutright...) || !s.badHour(e) && !s.anyWithin(e, len(s.toks)-e, "lapse", "lapsed", "again", "wrong", "late", "missing", "forgot", "forgetting", "wandering", "wandered", "ignored", "ignoring", "skipped", "skipping", "broke", "broken", "off", "left", "open", "instead", "isn't", "wasn't", "without")) {
		return
	}
	end := e
	for end < len(s.toks) && end < e+4 && !s.boundary(end) {
		end++
	}
	s.add(idJudgement, o, end,
		fmt.Sprintf("%q mocks the people the line goes on to name; the irony grades them instead of saying what happened", s.span(o, end)),
		"Drop the mock praise and tell what happened plainly: what the people did, what they saw, and what the system let through.")
}

// noOneMarks clear everyone: "thanks all, no one did anything wrong".
var noOneMarks = [][]byte{[]byte("no one"), []byte("No one")}

// harmCues in a chat line that opens with praise say the praise is
// ironic: what went wrong, again.
var harmCues = []string{"wrong", "can't", "cannot", "broke", "broken", "junk", "optional", "inventing", "invented",
	"discovered", "discovering", "forgot", "missing", "never", "nowhere", "twice"}

// thanksForNothing flags "thanks for nothing" opening a line: sarcasm at
// the people it goes on to name ("thanks for nothing @tally-clerks, half
// the lots have no weights"), with no mark of irony needed. The match
// leaves out "nothing", which the filters would read as a denial.
func (s *sentence) thanksForNothing() {
	o := s.firstWord()
	if !s.seq(o, "thanks", "for", "nothing") || s.question {
		return
	}
	s.add(idJudgement, o, o+2,
		fmt.Sprintf("%q mocks the people the line goes on to name; the irony grades them instead of saying what happened", s.span(o, o+3)),
		"Drop the mock praise and tell what happened plainly: what the people did, what they saw, and what the system let through.")
}

// thanksVocative reports whether thanks at o name their addressee before
// "for": "thanks capital works for commissioning …".
func (s *sentence) thanksVocative(o, e int) bool {
	if !s.is(o, "thanks", "thank", "thx", "ty", "cheers", "kudos") {
		return false
	}
	for k := e; k < len(s.toks) && k < e+4; k++ {
		if s.is(k, "for") {
			return k > e
		}
		if s.toks[k].kind != tWord || !s.nominal(k) || s.f(k)&(fDet|fPron) != 0 {
			return false
		}
	}
	return false
}

// endVocative reports whether the line ends by addressing a team after a
// comma: "…, maintenance 🙃", "…, tray line 🙃".
func (s *sentence) endVocative() bool {
	c := -1
	for k := len(s.toks) - 1; k > 0 && k >= len(s.toks)-6; k-- {
		if s.low(k) == "," {
			c = k
			break
		}
	}
	if c < 0 {
		return false
	}
	words := 0
	for k := c + 1; k < len(s.toks); k++ {
		switch {
		case s.toks[k].kind == tWord && s.nominal(k) && s.f(k)&(fVerb|fPron|fDet) == 0 && !pastForm(&s.toks[k]):
			words++
		case s.toks[k].kind == tWord:
			return false
		}
	}
	return words >= 1 && words <= 3
}

// mockedPeople reports whether the words from e on name whom mock praise
// is aimed at: a person, a team or a department, or an addressee in the
// vocative ("nice one lighting,", "thanks VO for …").
func (s *sentence) mockedPeople(e int) bool {
	for k := e; k < len(s.toks) && k < e+8; k++ {
		w := s.low(k)
		if teamish(w) || departmentWords[w] || s.toks[k].upper && s.toks[k].kind == tWord && len(w) <= 4 && !environments[w] {
			return true // "IT patched", "transport planning put", "thanks VO for"
		}
		if s.is(k, "shop", "yard", "office", "room", "lab", "kitchen", "lighting", "sound", "transport", "logistics", "stores", "warehouse", "reception", "front", "night", "day", "morning", "late", "early") && (s.is(k+1, ",", "for", "team", "shift", "crew", "desk", "planning") || s.f(k+1)&fVerb != 0 || k+1 < len(s.toks) && pastForm(&s.toks[k+1])) {
			return true
		}
	}
	return s.personAround(e, min(e+8, len(s.toks))) || s.handleAfter(max(e-2, 0), e+6)
}

// helpedOutright are the words of plain help. Unlike helped, they leave
// out words that also time a harm ("before", "during"): "letting the bond
// lapse the week before peak season 👏" is no thanks.
var helpedOutright = []string{"caught", "catching", "fixed", "fixing", "restored", "restoring", "spotted", "spotting", "found", "saved", "prevented",
	"helped", "resolved", "recovered", "smoothly", "calm", "calmly", "quickly", "fast", "staying", "stayed", "covering"}

// textHas reports whether the sentence's text holds any of the marks.
func (s *sentence) textHas(marks [][]byte) bool {
	for _, m := range marks {
		if bytes.Contains(s.text, m) {
			return true
		}
	}
	return false
}

// ironyMarks are the faces that turn thanks into their opposite.
var ironyMarks = [][]byte{[]byte("🙃"), []byte("🙄"), []byte("😒"), []byte("🤦"), []byte("😑"), []byte("🫠")}

// approvalMarks clap or approve; after harm they mock.
var approvalMarks = [][]byte{[]byte("👏"), []byte("👍")}

// ironyMarked reports whether thanks at o come with a mark of irony: an
// upside-down or eye-rolling face, or a closing "very brave", "real
// smooth" ("thanks @vendor_cdn for rolling out a config change
// mid-tournament, legends 🙃", "thx @priyanka for editing live quote
// rules on day 3, very brave").
func (s *sentence) ironyMarked(o int) bool {
	if s.textHas(ironyMarks) {
		return true
	}
	for k := o + 2; k < len(s.toks); k++ {
		if s.is(k, "brave", "smooth") && s.is(k-1, "very", "real", "so", "super") || s.seq(k, "cool", "cool") ||
			s.is(k, "made") && s.is(k-1, "really") && s.is(k+1, "our", "my") && s.is(k+2, "day", "night", "morning", "week", "weekend", "shift") {
			return true // "really made our night 👍"
		}
	}
	// A thumbs-up or clapping after harm: "papers turned up in the wrong
	// storeroom 2 days later 👏", "the wiring diagram from 1987, very
	// helpful 👏"
	if s.textHas(approvalMarks) {
		for k := o + 2; k < len(s.toks); k++ {
			if s.is(k, "wrong", "missing", "late", "later", "sleeping", "broke", "broken", "wasn't", "isn't", "none", "outdated") && !s.negatedBefore(k, 4) && !s.is(k-1, "staying", "stayed", "stay", "working", "worked", "up") || s.is(k, "helpful") && s.is(k-1, "very", "so", "super") || s.is(k, "from") && k+1 < len(s.toks) && s.toks[k+1].kind == tNum && len(s.toks[k+1].low) == 4 && s.toks[k+1].low < "2000" {
				return true
			}
		}
	}
	return false
}

// hastyReview flags a review or an approval graded by how short it was:
// "approved the PR after looking at it for maybe 30 seconds", "approved
// by a reviewer who had the diff open for four seconds", "after what must
// have been a very thorough thirty-second review", "approved in three
// minutes, during the lunch". An approval a tool gave ("the pipeline
// approved it in 40 seconds") grades no one, and a short review that the
// change's size explains ("a one-line change, reviewed in two minutes")
// is plain.
func (s *sentence) hastyReview() {
	if s.forward || s.question || s.hasAny("pipeline", "bot", "automatically", "automated", "auto-approved", "one-line", "typo") {
		return
	}
	for k := range s.toks {
		if s.is(k, "because", "since", "as") && s.hasWithin(k+1, 6, "small", "trivial", "tiny", "simple", "revert", "only", "just", "identical", "reviewed") {
			return // a short review the sentence explains by the change: "approved in a minute because it was a revert"
		}
	}
	review := -1
	for k := range s.toks {
		if s.is(k, "approved", "reviewed", "lgtm'd") || s.is(k, "signed") && s.is(k+1, "off") || s.is(k, "replied", "answered") && k+1 < len(s.toks) && s.toks[k+1].quote || s.is(k, "review", "approval") && (s.hasWithin(max(k-3, 0), 3, "thorough", "careful", "quick") || strings.HasSuffix(s.low(k-1), "-second")) || s.seq(k, "diff", "open") || s.seq(k, "looking", "at", "it") {
			review = k
			break
		}
	}
	if review < 0 {
		return
	}
	for k := max(review-10, 0); k < len(s.toks) && k <= review+16; k++ {
		e := s.shortSpan(k)
		if e == 0 || s.is(k-1, "than") || e <= review && s.is(e, "after", "before") {
			continue // "the page loaded 90 seconds after Ana approved the refund" times something else
		}
		if !s.personAround(0, len(s.toks)) && !s.hasAny("reviewer", "approver", "mr", "mr.", "ms", "ms.") && !s.is(review-1, "i", "we") {
			return
		}
		from := min(review, k)
		s.add(idJudgement, from, max(e, review+1),
			fmt.Sprintf("%q grades a review by how long it took; it says nothing of what the reviewer was shown or what the review was meant to catch", s.span(from, max(e, review+1))),
			"Say what the review process asked for, what the diff showed, and what else competed for the reviewer's time; the length alone explains nothing.")
		return
	}
}

// shortSpan returns the end of a span of seconds or a few minutes at k,
// or 0: "30 seconds", "four seconds", "thirty-second", "in three minutes".
func (s *sentence) shortSpan(k int) int {
	switch {
	case s.is(k+1, "seconds", "secs") && (s.countWord(k) || s.is(k, "thirty", "forty", "fifty", "twenty", "fifteen", "ten")) && !s.is(k, "several", "many"):
		return k + 2
	case strings.HasSuffix(s.low(k), "-second") || strings.HasSuffix(s.low(k), "-sec"):
		return k + 1
	case s.is(k+1, "minutes", "minute", "mins", "min") && s.is(k, "one", "two", "three", "four", "five", "1", "2", "3", "4", "5", "a") && s.is(k-1, "in", "within", "for", "after", "took"):
		return k + 2
	case s.is(k+1, "seconds", "secs", "second") && s.toks[k].kind == tNum && numberAt(s.low(k)) > 0 && numberAt(s.low(k)) <= 300:
		return k + 2 // "within 90 seconds of submission"
	case s.seq(k, "under", "a", "minute"):
		return k + 3 // "signed off from a phone, in under a minute"
	case s.is(k, "under") && s.is(k+1, "two", "three", "2", "3") && s.is(k+2, "minutes", "mins") && s.largeChange():
		return k + 3 // "a 1,200-line migration in under two minutes"
	case s.seq(k, "only", "one", "minute") || s.seq(k, "just", "one", "minute"):
		return k + 3 // "approval of 600 lines change in only one minute"
	case s.is(k+1, "minutes", "mins") && (s.is(k, "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen") || s.toks[k].kind == tNum && numberAt(s.low(k)) <= 15) && s.largeChange():
		return k + 2 // "approved a 1,900-line change eleven minutes after it was opened"
	}
	return 0
}

// largeChange reports whether the sentence or its line measures a change in
// hundreds or thousands of lines: "1,900-line change", "diff was 2,400
// lines".
func (s *sentence) largeChange() bool {
	for k := range s.toks {
		w := s.low(k)
		if strings.HasSuffix(w, "-line") && numberAt(strings.TrimSuffix(w, "-line")) >= 300 || s.toks[k].kind == tNum && numberAt(w) >= 300 && s.is(k+1, "lines", "-line", "files") {
			return true
		}
	}
	return false
}

// numberAt reads a count written in digits, with or without thousands
// separators ("1,900"), or returns -1.
func numberAt(w string) int {
	n, digits := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits++
			if n > 1e9 {
				return -1
			}
		case c == ',' && digits > 0:
		default:
			return -1
		}
	}
	if digits == 0 {
		return -1
	}
	return n
}

// helped are the words of thanks meant: what the people did helped.
var helped = []string{"caught", "catching", "fixed", "fixing", "restored", "restoring", "spotted", "spotting", "found", "saved", "prevented", "helped", "resolved", "recovered", "before", "stayed", "staying", "jumping", "covering", "patience", "quickly", "fast", "cleanly", "thinking", "stop", "stopped", "time", "calm", "calmly", "during", "manually", "manual", "smoothly"}

// handleAfter reports whether a chat handle stands from i to j.
func (s *sentence) handleAfter(i, j int) bool {
	for k := i; k < j; k++ {
		if s.handleAt(k).ok() {
			return true
		}
	}
	return false
}

// handleAt returns the person a chat handle at i names ("@pita"), or
// noNP.
func (s *sentence) handleAt(i int) np {
	if s.low(i) != "@" || i+1 >= len(s.toks) || s.toks[i+1].kind != tWord {
		return noNP
	}
	return np{start: i, head: i + 1, end: i + 2, poss: -1}
}

// noSubstitute flags a person's quality set against the care it did not
// replace: "enthusiasm is no substitute for reading the procedure",
// "talent is not a substitute for testing the rollback", said of someone
// named around it. The lesson about a system ("automation is no substitute
// for testing restores") names no one.
func (s *sentence) noSubstitute() {
	for i := range s.toks {
		e := 0
		switch {
		case s.seq(i, "no", "substitute", "for"):
			e = i + 3
		case s.seq(i, "not", "a", "substitute", "for"):
			e = i + 4
		}
		if e == 0 || e >= len(s.toks) || !strings.HasSuffix(s.low(e), "ing") {
			continue
		}
		if !s.is(i-1, "is", "was", "'s", "are", "means") && !s.is(i-2, "is", "was", "'s", "are") || !s.personAround(0, len(s.toks)) && !s.hasAny("hires", "hire", "engineers", "staff", "analyst", "he", "she") {
			continue
		}
		s.add(idJudgement, i, e+1,
			fmt.Sprintf("%q sets a person's quality against the care it did not replace; it grades the person instead of saying what made skipping that step easy", s.span(i, e+1)),
			"Say what the procedure asked, how it reached the person, and what would have made following it the easy path.")
		return
	}
}

// quotedRuns counts the quotations in the sentence by their marks.
func (s *sentence) quotedRuns() int {
	n := 0
	for k := range s.toks {
		if s.is(k, "\"", "“", "”") {
			n++
		}
	}
	return n / 2
}

// minimisers are the words a person uses to make a step sound small or
// safe, which a quotation turns against them.
var minimisers = wordSet(`just quickly quick only slightly small minor tiny little harmless safe low-risk trivial simple
	tidy tidy-up tidying tidied cleanup clean-up cleaning cosmetic creative temporary routine improvement
	optimisation optimization experiment silent slow heart obvious fine nothing sure confident`)

// minimises reports whether the quotation from i to end makes a step
// sound small or safe: "just quickly", "a tidy-up", "to see what happens",
// "knew the values by heart", "on silent".
func (s *sentence) minimises(i, end int) bool {
	for k := i; k < end; k++ {
		if minimisers[s.low(k)] || s.seq(k, "see", "what") || s.seq(k, "low", "risk") {
			return true
		}
	}
	return false
}

// labelBefore reports whether the quotation at i is what a screen, a
// button, a status or a message said: "clicked \"Rollback\"", "marked
// \"low risk\"", "the alert said \"disk almost full\"", "the \"--dry-run\"
// flag".
func (s *sentence) labelBefore(i int) bool {
	p := i - 1
	for p >= 0 && s.toks[p].kind == tPunct {
		p--
	}
	// "during what she described as a \"tidy-up\"" quotes the person
	described := s.is(p-1, "described") && (s.is(p-2, "what") || s.is(p-3, "what") && s.is(p-2, "he", "she", "they"))
	return !described && s.is(p, ":", "clicked", "pressed", "selected", "chose", "marked", "labelled", "labeled", "titled", "named", "set", "typed",
		"entered", "said", "says", "read", "reads", "showed", "shows", "displayed", "returned", "status", "button", "option",
		"field", "tab", "menu", "column", "state", "label", "message", "subject", "flag", "to", "the", "as")
}

// handleAround reports whether a chat handle names a person other than
// the line's own writer: "@rob has been here ten years".
func (s *sentence) handleAround() bool {
	first := true
	for k := range s.toks {
		if s.handleAt(k).ok() {
			if first && s.linePrefix(k+2) {
				first = false
				continue // the line's speaker
			}
			return true
		}
	}
	return false
}

// puzzleBefore reports whether "why" or "how" at i follows a show of
// puzzlement: "unclear", "not sure", "hard to understand", "one might
// ask", "I wonder".
func (s *sentence) puzzleBefore(i int) bool {
	switch {
	case s.is(i-1, "unclear", "baffling", "puzzling", "mystery", "wonder", "wonders", "wondering", "curious", "understand", "explain", "ask", "idea"):
		return !s.is(i-1, "idea") || s.is(i-2, "no")
	case s.is(i-1, "sure") && s.f(i-2)&fNeg != 0:
		return true
	}
	return false
}

// somehowAct flags a person's act told with "somehow": "Gurpreet somehow
// managed to import last month's rate sheet over the current one",
// "somehow bogdan deployed the old build". The word says the act made no
// sense to the writer and stops there. What went well
// ("somehow Ana still found the bad host"), what befell the writers ("we
// somehow lost the connection") and a thing's doing ("somehow the
// dashboard went blank") are not read.
func (s *sentence) somehowAct() {
	for i := range s.toks {
		if !s.is(i, "somehow") {
			continue
		}
		v := -1
		for j := i + 1; j < len(s.toks) && j <= i+4; j++ {
			if s.low(j) == "," || s.toks[j].kind == tWord && s.f(j)&(fName|fPlainName|fRole|fDet|fPossessive) != 0 && !pastForm(&s.toks[j]) {
				continue
			}
			if s.toks[j].kind == tWord && (pastForm(&s.toks[j]) || s.is(j, "managed", "manages", "manage", "got", "went", "made", "did", "put", "sent", "set", "ran", "shipped")) {
				v = j
			}
			break
		}
		if v < 0 {
			continue
		}
		act := v
		if s.is(v, "managed", "manages", "manage") && s.is(v+1, "to") {
			act = v + 2
		}
		if s.is(act, "find", "found", "fix", "fixed", "restore", "restored", "recover", "recovered", "save", "saved", "keep", "kept", "catch", "caught", "get", "notice", "noticed", "spot", "spotted", "survive", "survived", "hold", "held", "stop", "stopped", "bring", "brought", "work", "worked", "pull", "pulled", "avoid", "avoided", "finish", "finished", "stabilise", "stabilised", "stabilize", "stabilized", "resolve", "resolved") || s.f(act)&(fBe|fNeg) != 0 {
			continue
		}
		n := s.agentOfVerb(v)
		if !s.personish(n) || s.firstPersonPlural(n) || s.negatedBefore(v, 3) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients") {
			continue
		}
		from, to := min(n.start, i), max(act, i)+1
		s.add(idJudgement, from, to,
			fmt.Sprintf("%q tells a person's act as beyond understanding; it grades the person instead of saying what made the step look reasonable", s.span(from, to)),
			"Say what the person did and what they saw at that moment: what the tool offered, what looked like the right file or build.")
		return
	}
}

// quotedPraise reports whether the quotation at i names the act being
// thanked for in the person's own small words: "testing", a "quick fix", a
// "little cleanup".
func (s *sentence) quotedPraise(i int) bool {
	for k := i; k < len(s.toks) && s.toks[k].quote; k++ {
		if minimisers[s.low(k)] || s.is(k, "testing", "tested", "test", "fix", "fixing", "cleanup", "clean-up", "tidy", "tidy-up", "improvement", "improvements", "help", "helping", "optimisation", "optimization", "update", "refactor") {
			return true
		}
	}
	return false
}

// wordBefore returns the index of the last word before i, past quotation
// marks and other punctuation, or -1.
func (s *sentence) wordBefore(i int) int {
	for i--; i >= 0 && s.toks[i].kind != tWord; i-- {
	}
	return i
}

// nextTimeAdvice flags care urged on someone for next time: "@hamid maybe
// scroll up before restarting payouts next time", "perhaps next time
// Jamal will read past the first line of the output", and a person kept
// away from a system: "pls don't let @jamal anywhere near the fleet db
// again". The advice tells the reader that the person was careless. What
// the writers will do next time ("next time we check the lag first", and
// so also a sarcastic "can we maybe not push firmware at noon next time")
// and what a system will do ("next time the alert pages the DBA") are not
// read.
func (s *sentence) nextTimeAdvice() {
	for k := range s.toks {
		if s.seq(k, "anywhere", "near") || s.seq(k, "away", "from") && (s.is(k-2, "keep", "keeps") || s.is(k-3, "keep", "keeps")) {
			if n := s.npEndingAt(k - 1); s.handleAt(k-2).ok() || s.personish(n) && !s.writer(n) {
				from := max(k-4, 0)
				s.add(idJudgement, from, k+2,
					fmt.Sprintf("%q keeps a person away from a system as if they were the hazard; it grades them instead of saying what the system let them do", s.span(from, k+2)),
					"Say what the person did and what the system let through; a guard on the system protects everyone.")
				return
			}
		}
		if !s.seq(k, "next", "time") {
			continue
		}
		addressed := s.handleAfter(0, k+4) || s.vocative() // "@hamid maybe scroll up …", "… next time @sam", "Lukas, maybe glance …"
		named := false
		if s.is(k+2, "maybe", "perhaps") || s.is(k-1, "perhaps", "maybe") {
			if n := s.npStartingAt(k + 2); s.personish(n) && !s.writer(n) && s.is(n.end, "will", "might", "could") {
				named = true
			}
		}
		if !addressed && !named || s.hasAny("we", "i", "we'll", "i'll") {
			continue
		}
		care := false
		for j := range s.toks {
			if s.is(j, "read", "scroll", "check", "look", "test", "verify", "double-check", "think", "glance", "open", "confirm") && !s.toks[j].quote || s.is(j, "not", "don't") && s.is(j-1, "maybe", "perhaps", "please", "pls") {
				care = true
			}
		}
		if !care || !s.hasAny("maybe", "perhaps", "please", "pls", "before") {
			continue
		}
		s.add(idJudgement, k, k+2,
			"\"next time\" urges care on a person after the fact; it tells the reader they were careless instead of saying what made the step look safe",
			"Say what the person did and what they saw at that moment, and what would make the careful step the easy one for everyone.")
		return
	}
}

// vocative reports whether the sentence addresses a person by name, set
// off by commas: "Lukas, maybe glance at the dropdown", "Please, Jin, next
// time read …", "maybe check the number twice next time, tom".
func (s *sentence) vocative() bool {
	name := func(k int) bool {
		if k < 0 || k >= len(s.toks) || s.toks[k].kind != tWord || s.f(k)&(fPron|fFirstSg|fFirstPl|fRole) != 0 {
			return false
		}
		return s.f(k)&(fName|fPlainName) != 0 || s.toks[k].cap && nameCased(s.text[s.toks[k].s:s.toks[k].e]) && s.f(k) == 0 || s.bareNickAt(k)
	}
	n := len(s.toks)
	for k := range s.toks {
		if !name(k) {
			continue
		}
		before := k == 0 || s.low(k-1) == "," || s.linePrefix(k) || s.is(k-1, "please")
		after := k+1 == n || s.is(k+1, ",", ".", "!")
		if before && after && (k == 0 || k+1 >= n-1 || s.low(k-1) == "," && s.low(k+1) == ",") {
			return true
		}
	}
	return false
}

// bareNickAt reports whether the lower-case word at k closes a chat line
// as a name: "…, tom".
func (s *sentence) bareNickAt(k int) bool {
	t := &s.toks[k]
	return !t.cap && t.f == 0 && s.low(k-1) == "," && k >= len(s.toks)-2 && nameShaped(t.low) && len(t.low) <= 10 && !systemNouns[t.low]
}

// quotedBack flags a person's words quoted back at them to show they were
// wrong: "so \"tested locally\" meant what exactly", "\"no need for a
// ticket\" - your words", "which part of \"do not run before 6am\" was
// unclear", "\"I'll fix it monday\" was three mondays ago", "you said
// \"saved\" on friday. it was not saved". A quotation the sentence uses
// to tell what happened is plain.
func (s *sentence) quotedBack() {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].quote || s.toks[i].kind != tWord || s.wordBefore(i) >= 0 && s.toks[s.wordBefore(i)].quote {
			continue
		}
		e := i
		for e < len(s.toks) && s.toks[e].quote {
			e++
		}
		for e < len(s.toks) && s.toks[e].kind == tPunct && s.low(e) != "-" && s.low(e) != "," && s.low(e) != "." {
			e++ // the closing mark
		}
		p := s.wordBefore(i)
		to := 0
		switch {
		case s.is(e, "meant") && (s.is(e+1, "what", "never", "nothing", "exactly") || s.seq(e+1, "in", "practice")):
			to = e + 2
		case s.seqWithin(e, e+2, "in", "the", "sense", "that"):
			to = e + 4 // "the change was \"approved\" in the sense that you approved it"
			if s.low(e) != "in" {
				to++
			}
		case s.seqWithin(e, min(e+10, len(s.toks)), "after", "all") && (s.handleAround() || s.hasAny("@")) && s.negWithin(e, 10):
			to = e // "guess the \"quick fix\" from last night wasnt so quick after all @isabella.r"
			for to < len(s.toks) && !s.seq(to, "after", "all") {
				to++
			}
			to += 2
		case s.seq(e, "-", "your", "words") || s.seq(e, ",", "your", "words") || s.seq(e, "your", "words"):
			to = e + 3
			if s.low(e) == "your" {
				to = e + 2
			}
		case p >= 2 && s.seq(p-2, "which", "part", "of") && s.hasWithin(e, 3, "unclear", "confusing", "understand", "ambiguous"):
			i, to = p-2, min(e+3, len(s.toks))
		case s.is(e, "was", "is") && (e+1 < len(s.toks) && s.toks[e+1].kind == tNum || s.is(e+1, "two", "three", "four", "five", "six", "several", "many")) && s.hasWithin(e+2, 3, "ago"):
			to = e + 4
		case s.is(p, "said", "say", "says") && s.is(p-1, "you", "he", "she", "they") && s.negatedClause(len(s.toks)-1):
			// "you said \"saved\" on friday. it was not saved"
			i, to = p-1, e
		case s.hasWithin(e, 4, "exactly") && s.hasWithin(e, 4, "what", "where", "how", "which") && (s.hasAny("you", "your") || s.handleAround() || s.handleAt(0).ok()):
			to = e
			for to < len(s.toks) && !s.is(to, "exactly") {
				to++
			}
			to++
		}
		if to == 0 {
			i = e - 1
			continue
		}
		to = min(to, len(s.toks))
		s.add(idJudgement, i, to,
			fmt.Sprintf("%q quotes a person's words back at them; the irony grades them instead of saying what made their call look right at the time", s.span(i, to)),
			"Drop the irony: say what the person said and believed, what they saw at that moment, and what would have shown otherwise.")
		return
	}
}

// writtenBefore reports whether the quotation at i is a message someone
// wrote, cited as a record: "Kenji wrote in the ticket \"I am not sure
// this is safe\"".
func (s *sentence) writtenBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		if s.is(j, "wrote", "writes", "posted", "commented", "replied", "typed", "messaged", "emailed", "noted") {
			return true
		}
	}
	return false
}

// quotedReason flags a person's own words quoted as the reason for an act
// or as the assurance the incident belied: muted the alarm "because it was
// annoying", copied the files "to work from home", "by his own admission,
// \"half watching\"", assured the committee the upgrade was "fully
// tested", a review comment "in full". The quotation grades the person
// instead of saying why the act made sense to them. A label a system set,
// a message cited as a record and a quotation the sentence bears out are
// plain.
func (s *sentence) quotedReason() {
	if s.forward || s.lesson || s.hasAny("matched", "accurate", "accurately", "correct", "correctly", "indeed", "confirmed", "rightly") {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].quote || i > 0 && s.toks[i-1].quote {
			continue
		}
		e := i
		for e < len(s.toks) && s.toks[e].quote {
			e++
		}
		for i < e && s.toks[i].kind == tPunct {
			i++ // the opening mark
		}
		if i == e || s.toks[i].kind != tWord {
			i = e - 1
			continue
		}
		n := s.quotedRun(i)
		p := s.wordBefore(i)
		if e < len(s.toks) && s.toks[e].kind == tWord && s.nominal(e) && !s.is(e, "and", "but", "which", "that", "when", "because", "so", "at", "in", "on", "for", "to", "from", "by") {
			i = e - 1
			continue // a name: a "single root cause" statement
		}
		if n == 0 || n > 12 || s.anyWithin(i, e-i, "?") || s.writtenBefore(i) && !s.hasWithin(max(i-4, 0), 4, "full", "entirety") {
			i = e - 1
			continue
		}
		why := ""
		switch {
		case s.is(i, "because", "to", "for", "bc", "cos") && p >= 0 && !s.is(p, "to", "for", "said", "says", "asked", "told", "from", "as", "the", "a", "called", "named", "titled", "labelled", "labeled", "marked", "set", "clicked", "chose", "selected"):
			why = "reason" // silenced "for convenience", copied the files "to work from home"
		case s.is(p, "was", "were", "is", "too", "felt", "seemed") && s.hasWithin(max(p-4, 0), 4, "because", "bc", "cos", "since") || s.is(p, "because", "bc", "cos"):
			why = "reason" // muted the alarm bc it was "annoying"
		case s.seqWithin(max(i-6, 0), i, "own", "admission") || s.seqWithin(max(i-6, 0), i, "own", "words") || s.seqWithin(max(i-6, 0), i, "own", "account"):
			why = "own" // "by his own admission, \"half watching\""
		case s.anyWithin(max(i-14, 0), i-max(i-14, 0), "assured", "assures", "assurance", "assurances", "promised", "insisted", "claimed", "vouched", "guaranteed"):
			why = "assurance" // assured the committee the upgrade was "fully tested"
		case s.is(p, "full", "entirety") && s.is(p-1, "in", "its") || s.seqWithin(max(i-8, 0), i, "in", "its", "entirety") || s.seqWithin(max(i-8, 0), i, "in", "full"):
			why = "full" // the review comment, in full: "lgtm, going to lunch"
		case s.seqWithin(e, min(e+6, len(s.toks)), "interesting", "description") || s.seqWithin(e, min(e+6, len(s.toks)), "interesting", "way"):
			why = "described" // "fully tested", which is an interesting description of …
		case s.is(p, "as") && s.hasWithin(max(p-6, 0), 6, "described", "describes", "called", "calls", "branded", "sold", "pitched") || s.is(p, "called", "calls") && s.personAround(max(p-3, 0), p):
			if s.hasAny("not", "never", "failed", "interesting", "instructive", "hardly", "despite", "yet") && !s.hasAny("honest", "assessment", "reasonable", "fair") {
				why = "described" // described their process as "best in class" …
			}
		}
		if why == "" {
			i = e - 1
			continue
		}
		if !s.personAround(0, len(s.toks)) && !s.handleAround() && !s.hasAny("team", "leadership", "ops", "crew", "shift", "department") && !s.hasAny("interesting") {
			return
		}
		from := i // from the word before the quotation, which is the writer's
		for from > 0 && s.toks[from].quote {
			from--
		}
		s.add(idJudgement, from, e,
			fmt.Sprintf("%s quotes a person's own words against them; it grades the person instead of saying what made the act or the assurance reasonable at the time", s.span(from, e)),
			"Drop the quotation and tell what the person believed and why: what they saw, what the process asked of them, and what would have shown otherwise.")
		return
	}
}
