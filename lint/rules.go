package lint

import "strings"

// Rule ids. They are stable: configurations and suppression comments name them.
const (
	idOmission        = "blame.person-omission"
	idJudgement       = "blame.judgement"
	idHumanError      = "blame.human-error"
	idCounterfactual  = "blame.counterfactual"
	idAccountability  = "blame.accountability"
	idSelfBlame       = "blame.self-blame"
	idAccident        = "blame.accident"
	idWithout         = "blame.without"
	idPersonError     = "blame.person-error"
	idPersonState     = "blame.person-state"
	idPersonCause     = "blame.person-cause"
	idWhyQuestion     = "blame.why-question"
	idComparison      = "blame.comparison"
	idReadsAsBlame    = "blame.reads-as-blame"
	idSingleCause     = "root-cause.single-cause"
	idReadsAsOneCause = "root-cause.reads-as-one-cause"
	idMissingSection  = "structure.missing-section"
	idEmptySection    = "structure.empty-section"
	idFewFactors      = "structure.few-factors"
	idActionItem      = "structure.action-item-incomplete"
	idNoReviewDate    = "structure.no-review-date"
	idTimelineNoTimes = "structure.timeline-no-times"
)

// sentenceRule is a rule that reads one triggered sentence.
type sentenceRule struct {
	info  RuleInfo
	group group // trigger groups that call for it
	check func(s *sentence)
}

// docRule is a structure rule that reads the whole postmortem.
type docRule struct {
	info  RuleInfo
	check func(c *docCheck)
}

// sentenceRules run in this order; when two blame findings cover the same
// words, the one that comes first here is kept, since it says more.
var sentenceRules = []*sentenceRule{
	selfBlameRule,
	accountabilityRule,
	humanErrorRule,
	counterfactualRule,
	judgementRule,
	omissionRule,
	stateRule,
	accidentRule,
	withoutRule,
	personErrorRule,
	personCauseRule,
	whyQuestionRule,
	comparisonRule,
	rootCauseRule,
}

var docRules = []*docRule{
	missingSectionRule,
	emptySectionRule,
	fewFactorsRule,
	actionItemRule,
	reviewDateRule,
	timelineRule,
}

// ruleOrder is the order in which rules are documented:
// blame first.
var ruleOrder = []string{
	idOmission, idJudgement, idHumanError, idCounterfactual, idAccountability, idSelfBlame,
	idAccident, idWithout, idPersonError, idPersonState, idPersonCause, idWhyQuestion,
	idComparison, idReadsAsBlame, idSingleCause, idReadsAsOneCause,
	idMissingSection, idEmptySection, idFewFactors, idActionItem, idNoReviewDate, idTimelineNoTimes,
}

// Rules lists every rule with its default severity, in a stable order.
func Rules() []RuleInfo {
	all := map[string]RuleInfo{}
	for _, r := range sentenceRules {
		all[r.info.ID] = r.info
	}
	for _, r := range docRules {
		all[r.info.ID] = r.info
	}
	all[modelRule.info.ID] = modelRule.info
	all[causeModelRule.info.ID] = causeModelRule.info
	out := make([]RuleInfo, 0, len(all))
	for _, id := range ruleOrder {
		out = append(out, all[id])
	}
	return out
}

// ruleIndex maps rule ids to their info.
var ruleIndex = func() map[string]RuleInfo {
	m := map[string]RuleInfo{}
	for _, r := range Rules() {
		m[r.ID] = r
	}
	return m
}()

// triggers are the words that send a sentence down the expensive path,
// with the rule groups they call for. Each matches at the start of a word
// and as a prefix. Only a configuration with accepted phrases and the
// tests build them; the default automaton is embedded.
func triggers() []pattern {
	var ps []pattern
	add := func(g group, words ...string) {
		for _, w := range words {
			ps = append(ps, pattern{w, g})
		}
	}
	add(gOmission, "don't test", "doesn't test", "do not test", "does not test", "dont test", "doesnt test", "don't check", "doesn't check", "do not check", "does not check", "dont check", "doesnt check", "don't read", "doesn't read", "do not read", "does not read", "dont read", "doesnt read", "don't understand", "doesn't understand", "do not understand", "does not understand", "dont understand", "doesnt understand", "don't review", "doesn't review", "do not review", "does not review", "dont review", "doesnt review", "don't verify", "doesn't verify", "do not verify", "does not verify", "dont verify", "doesnt verify", "don't validate", "doesn't validate", "do not validate", "does not validate", "dont validate", "doesnt validate", "don't follow", "doesn't follow", "do not follow", "does not follow", "dont follow", "doesnt follow", "don't monitor", "doesn't monitor", "do not monitor", "does not monitor", "dont monitor", "doesnt monitor", "don't study", "doesn't study", "do not study", "does not study", "dont study", "doesnt study", "don't listen", "doesn't listen", "do not listen", "does not listen", "dont listen", "doesnt listen")
	add(gOmission, "and he did not", "and she did not", "and they did not", "and he didn't", "and she didn't", "and they didn't", "but he continue", "but she continue", "but they continue", "and he never", "and she never", "and they never", "but he did not", "but she did not", "but they did not", "but he didn't", "but she didn't", "but they didn't", "but he not", "but she not")
	add(gOmission, "failed to", "fails to", "failing to", "fail to", "forgot", "forget", "neglect",
		"ignor", "missed", "misses", "overlook", "skipped", "skips", "skipping",
		"misread", "misjudg", "mistyp", "disregard", "bother", "too slow", "did not", "didn't",
		"didnt", "never", "nobody", "no one", "none of", "had not", "hadn't", "has not", "hasn't",
		"omit", "bypass", "circumvent", "dismissed", "deviated from", "left out", "took too long", "slow to",
		"think to", "chose to", "decided to", "opted to", "oversight", "omission", "inaction",
		"inability", "failure to", "failure of", "failure by", "refusal", "have not", "haven't",
		"havent", "let ", "lets ", "letting", "chose", "decided", "opted", "preferred",
		"elected", "rather than", "instead of", "not react", "not control", "not supervis", "not enforc", "not schedul", "not follow", "not check", "not test", "not verif",
		"not read", "not notif", "not escalat", "not inform", "not review", "not monitor", "not confirm",
		"not respond", "not answer", "not look", "not notic", "not tell", "not told", "not understand",
		"not updat", "not run", "not ran", "not wait", "not ask", "not consider", "not anticipat",
		"not study", "not studied", "not assess", "not handle", "not handled", "not grasp",
		"not invoke", "not mention", "not raise", "not pass", "not share", "not plan", "not account",
		"not log", "not record", "not act", "not respect", "not obey", "not compl", "not observ",
		"not appl", "not ack", "not pick", "nobody picked", "no one picked", "noone picked", "not make", "not made", "not do ", "not done", "not perform", "forget ", "forgets",
		"ignore ", "skip ", "miss ", "keep ignoring", "keeps ignoring", "kept ignoring", "noone", "brushed off", "shrugged off",
		"waved off", "laughed off", "glossed over", "skated over", "sat on", "sitting on", "sits on")
	add(gPersonCause, "the moment", "minutes after", "minute after", "seconds after", "moments after", "hours after", "right after", "shortly after", "soon after", "just after", "straight after", "immediately after")
	add(gState, "tenure", "in role", "into role", "in the role", "into the role", "into her role", "into his role", "into their role", "in post", "first day", "second day", "third day", "first week", "second week", "on day", "joined", "newly", "new hire", "new joiner", "new starter", "new recruit", "no training", "no experience",
		"consecutive", "hours awake", "hours straight", "week straight", "weekend straight", "days straight")
	add(gRootCause, "none of this", "none of it", "none of that", "none of these", "nothing of this", "nothing from this", "nothing of it", "all of this", "no incident", "no outage", "this outage never", "this incident never", "this incident would", "this outage would", "this incident will", "this outage will", "be no incident", "be no outage", "we wouldn't be here", "we would not be here", "we'd not be here")
	add(gJudgement, "strange choice", "strange decision", "odd choice", "odd decision", "puzzling choice", "puzzling decision", "baffling choice", "baffling decision", "difficult to understand why", "hard to understand why", "impossible to understand why", "difficult to understand how", "hard to understand how", "impossible to understand how")
	add(gJudgement, "to their credit", "to his credit", "to her credit", "did well to", "nice that", "at least", "good of", "interesting choice", "bold choice", "brave choice", "fascinating choice", "curious choice", "creative choice", "questionable choice", "inspired choice",
		"interesting decision", "bold decision", "brave decision", "curious decision", "questionable decision", "interesting call", "bold call", "bold move", "interesting move", "interesting timing", "brave call", "would choose", "would decide", "would think", "would want", "decided to", "chose to")
	add(gJudgement, "second time", "third time", "fourth time", "fifth time", "2nd time", "3rd time", "4th time", "second such", "third such", "fourth such", "quarter running", "month running", "week running", "year running", "in a row", "this month", "this quarter", "this year", "this week")
	add(gJudgement, "wonderful,", "great,", "brilliant,", "amazing,", "lovely,", "fantastic,", "perfect,", "awesome,", "cool,", "masterpiece", "round of applause", "genius move", "stellar work", "nice one", "visionary", "congrats to", "kudos to", "bravo")
	add(gJudgement, "seconds review", "second review", "looking at it for", "diff open", "in one minute", "in two minutes", "in three minutes", "in four minutes", "in five minutes", "in 2 minutes", "in 3 minutes", "in 4 minutes", "in 5 minutes", "in a minute", "under a minute", "seconds of", "seconds after", "minutes after it", "minutes after being", "seconds", "secs", "within 30", "within 45", "within 60", "within 90", "within 120")
	add(gJudgement, "typical ", "classic ", "'s famous", "the famous", "'s legendary", "really helped")
	add(gAccountability, "the one who")
	add(gState, "fresh out of")
	add(gState, "not at", "not on console", "don't know", "dont know", "did not know", "didn't know", "on the radio", "on radio", "too busy", "absent from", "walked away", "wandered away", "wandered off", "stepped away", "overslep", "on phone", "on his phone", "on her phone", "on their phone", "on my phone", "phone out", "texting", "scrolling", "looking at his", "looking at her", "talking with", "talking to", "chatting with", "chatting to", "gossiping", "for a smoke", "smoke break", "cigarette break", "in the cinema", "in the pub")
	add(gState, "for the first time", "since only", "since just", "only since", "just since", "fortnight", "weeks here", "week here", "days here", "months here", "only his", "only her", "only their", "only two weeks", "only three weeks", "only one week", "only a week", "only four weeks", "only two days", "only three days", "only a month", "only two months", "only three months", "been here longer", "night shifts", "consecutive nights", "double shifts")
	add(gState, "at once", "also handling", "also juggling", "also covering", "also running", "also managing", "during phone call", "during a phone call", "during the all-hands", "during his", "during her", "during their", "during lunch", "while on the", "unread")
	add(gState, "busy ", "occupied with", "occupied by", "preoccupied", "juggling", "on the phone", "one eye on", "half-watching", "half-listening", "half-reading", "between bites", "muted on", "muted in", "new to", "new tech", "new since", "days of", "weeks of")
	add(gWithout, "after being explicitly", "after being asked", "after being told", "after being warned", "after being instructed", "after being clearly", "after being specifically", "after being repeatedly", "after being expressly", "past failing", "past the failing", "past red", "through failing", "past two", "past three")
	add(gJudgement, "trust was misplaced", "trust is misplaced", "all the more", "all the stranger", "better judgement", "better judgment", "must have known", "must know", "never follow")
	add(gJudgement, "no substitute for", "not a substitute for", "wonders what", "wonder what", "thanks", "thx", "thank you", "thank to", "cheers", "gr8", "kudos", "bravo", "well done", "nice one", "great job", "good job", "nice job", "nice work", "great work", "congrats", "congratulations")
	add(gJudgement, "creative interpretation", "creative reading", "liberal interpretation", "flexible interpretation", "imaginative interpretation")
	add(gJudgement, "unclear why", "not sure why", "understand why", "understand how", "wonder why", "ask why", "curious why", "no idea why", "puzzling why", "baffling why", "explain why")
	add(gJudgement, "wonder why", "wonders why", "wondered why",
		"looking at the pager", "looking at the alerts", "looking at the dashboard", "looking at the screen", "looking at the channel", "watching the pager", "watching the alerts", "watching the dashboard", "watching the screen", "lied to", "lied about", "overruled the")
	add(gJudgement, "think", "thinks", "believe", "believes", "maybe", "perhaps")
	add(gJudgement, "waited", "with the seriousness", "bad faith", "acted surprised", "act surprised", "acting surprised", "heads-up", "heads up", "disappointed")
	add(gJudgement, eyeRollMarks...)
	add(gJudgement, "worst possible", "habit", "tendency", "manage to", "like maniacs", "like idiots", "like amateurs", "like children", "like headless", "like cowboys", "nobody listen", "no one listen",
		"told twice", "told repeatedly", "told several", "told many", "told multiple", "told more than once",
		"asked twice", "asked repeatedly", "asked three", "asked several", "asked multiple", "asked many", "asked more than once",
		"reminded twice", "reminded repeatedly", "reminded three", "reminded several", "reminded multiple",
		"warned twice", "warned repeatedly", "warned several", "warned many", "warned multiple", "warned more than once", "yolo")
	add(gJudgement, "notorious for", "how little attention", "how little care", "how little thought", "found the time")
	add(gJudgement, "fumbl", "undertrained", "overreacted", "click-happy", "trigger-happy", "click happy", "just sat there", "did anything", "out of touch", "of their responsibilities", "of his responsibilities", "of her responsibilities")
	add(gJudgement, "do not care", "does not care", "did not care", "dont care", "doesnt care",
		"unacceptable", "not acceptable", "not knowing", "fell for a", "fell for the",
		"falsif", "misled", "looseness", "slept through", "lost focus", "losing focus", "lost concentration", "not carefully", "hygiene")
	add(gJudgement, "👏", "nice one", "🙄", "🤦", "😒", "🤡", "🙃", "👀", ":roll_eyes:", ":facepalm:", ":face_palm:", ":unamused:", ":clown_face:", ":upside_down_face:", ":eyes:", "smh")
	add(gJudgement, "outside their authority", "outside his authority", "outside her authority", "outside its authority", "beyond their authority", "acceptable standard", "required standard")
	add(gState, "doesn't know", "don't know", "didn't know", "doesnt know", "dont know", "didnt know", "not know", "never know", "not knowing")
	add(gJudgement, "only after", "has yet to", "have yet to")
	add(gJudgement, "sweet time", "not at the standard", "no right to", "little care")
	add(gJudgement, "point fingers", "pointing fingers", "point the finger", "pointing the finger", "name names", "naming names")
	add(gJudgement, "take more care", "take greater care", "take better care", "more ownership", "greater ownership", "ownership of what", "think more", "more seriously", "own the", "own this")
	add(gJudgement, "anyway", "regardless", "as if", "as though", "more focused", "more concerned", "more interested", "more worried", "says something", "tells something", "guess who", "here we are", "see the result", "paying the price", "paid the price", "tells you everything", "says it all", "says everything", "how that ended", "how it ended", "predictable consequences", "predictable results", "did we expect", "did they expect", "did you expect", "did he expect", "did she expect", "go wrong", "lovely outcome", "great outcome", "nice outcome",
		"good thinking", "great thinking", "brilliant thinking", "nice thinking", "smart thinking", "planning", "well done", "genius", "bravo", "first time", "very clever", "too clever", "napping", "one job", "to learn", "never learn", "brilliant job", "excellent job", "excellent work", "brilliant work", "stellar job", "stellar work")
	add(gJudgement, "insufficient", "inadequate", "poor attention", "poor supervision", "weak supervision", "lax supervision", "classic", "unbelievable", "amazing", "brilliant", "shocking", "seriously", "great job", "nice job", "good job", "great timing", "great work", "nice work", "professional", "says everything", "stellar", "classy", "incredible", "as usual", "as always", "as ever", "once again", "yet again", "again", "did nothing", "done nothing", "do nothing", "slept through", "let us", "wilfully blind", "willfully blind", "seriously", "don't care", "doesn't care", "lack of responsib", "lack of vigilance", "lack of familiarity", "on the part of", "what happens when", "what happened when", "what you get", "took", "spent", "lost", "wasted", "needed", "classic", "failure of oversight", "not professional", "for convenience", "amateur", "indecisi", "disorganis", "disorganiz", "of the standard", "below the standard", "assumed", "presumed", "not attention", "consistent with our safety", "inconsistent with our safety", "short-sighted", "shortsighted", "in a hurry", "in hurry", "terrible call", "awful call", "loose discipline", "loose practice", "clueless", "dismissive", "evasive", "zero clue", "zero discipline", "no discipline", "fell short", "falls short", "fell well short", "fell far short", "falls well short", "falls far short", "failure of judg", "made matters worse", "made it worse", "made things worse", "made everything worse", "made it far worse", "made it much worse", "made it even worse", "made things harder", "made it harder", "made everything harder", "made matters harder", "made the situation worse", "poorly planned", "jumped the gun", "took a shortcut", "took the shortcut", "off-script", "off script", "even know", "went back to sleep", "mishandl", "useless", "no idea what", "treats ", "treated ", "treat ", "treating ", "too fast", "too quickly", "too hastily", "be more careful", "be more attentive", "be more vigilant", "be more diligent", "be more cautious",
		"careless", "sloppy", "sloppi", "lazy", "lazi", "negligen", "incompeten",
		"reckless", "inexperienc", "unqualified", "blindly", "fat-finger", "fat finger", "messed up",
		"mess up", "screwed up", "screwed this", "screwed it", "screwed that", "screwed things", "messed this", "messed it", "messed that", "messed things", "botched", "bungled", "dropped the ball", "drop the ball",
		"asleep at the", "poor judg", "bad judg", "error in judg", "lapse", "bad call",
		"poor call", "poor decision", "bad decision", "poor choice", "stupid", "dumb", "idiot",
		"foolish", "irresponsib", "thoughtless", "inattent", "complacen", "unprofessional",
		"clums", "rookie", "silly mistake", "cowboy", "know better", "known better", "knew better",
		"careful", "paying attention", "pay attention", "payed attention", "paid attention", "fat fingered", "fat fingering", "without thinking",
		"wasn't thinking", "was not thinking", "made a mistake", "made a stupid", "made a careless",
		"hastily", "rashly", "cavalier", "shoddy", "lax", "half-baked", "half-assed", "bonehead",
		"bone-headed", "moronic", "inexcusab", "be bothered", "rubber-stamp", "rubber stamp",
		"waved through", "waved it through", "obvious mistake", "basic mistake", "made an error",
		"of his depth", "of her depth", "of their depth", "of my depth",
		"up to the task", "up to the job", "no business", "what he was doing", "what she was doing", "what they were doing",
		"slapdash", "blunder", "overconfiden", "hasty", "corners", "blew it", "blown it", "be trusted",
		"discipline", "practices", "habits", "workmanship", "professionalism", "rushed", "hurried",
		"lacked the", "lacks the",
		"lacking the", "care", "caution", "jobs properly", "job properly", "jobs well", "job well",
		"made the mistake", "fucked up", "fuck up", "fucking up", "effed up", "cocked up", "cock-up",
		"balls-up", "bodged", "screw-up", "screwup", "fuckup", "bad job", "poor job", "lousy job",
		"terrible job", "poor work", "newbie", "noob", "do their job", "do his job", "do her job",
		"doing their job", "doing his job", "doing her job", "arrogan", "a mess of", "poor decisions", "bad decisions",
		"care about", "not serious", "lack of", "lacked", "attentive", "vigilant", "thorough", "diligent")
	for _, w := range []string{"experience", "care", "attention", "diligence", "rigo", "discipline",
		"judg", "competence", "skill", "professionalism", "focus", "caution", "ownership", "thought",
		"effort", "common sense"} {
		add(gJudgement, "lack of "+w)
	}
	add(gHumanError, "manual mistake", "manual error", "human error", "human mistake", "human-error", "human failure",
		"operator error", "operator mistake", "user error", "pilot error", "engineer error",
		"engineering error", "developer error", "admin error", "administrator error",
		"personnel error", "staff error", "human errors", "operator errors", "pebkac", "pebcak",
		"finger trouble", "manual error", "human factor", "error by", "error on the part", "error made by",
		"errors by")
	// any role's error: "analyst error", "DBA mistake"
	for _, r := range strings.Fields(`analyst dba sre technician contractor intern agent clerk nurse
		pharmacist clinician dispatcher controller driver teller support ops team vendor programmer
		tester coder sysadmin on-call oncall deployer reviewer author manager supervisor translator
		planner accountant cashier trainee staff employee partner signaller signalman caseworker
		producer editor journalist reporter fitter installer picker packer courier crew officer agent
		adjuster underwriter handler keeper guard porter caretaker shunter`) {
		add(gHumanError, r+" error", r+" mistake")
	}
	add(gCounterfactual, "would not", "wouldn't", "was not going", "will not", "could see", "could catch", "could avoid", "could prevent", "could stop", "could fix", "could notice", "could save")
	add(gCounterfactual, "shouldve", "couldve", "wouldve", "should had")
	add(gAccountability, "work anymore", "touch anymore", "deploy anymore", "no longer work", "no longer touch", "no longer deploy", "no longer approve", "no longer operate",
		"off deploys", "off deployments", "off releases", "off prod", "off production", "off on-call", "off call", "off shift", "off duty", "more training", "additional training", "extra training", "further training")
	add(gCounterfactual, "should have", "should've", "shouldn't have", "should not have",
		"could have", "could've", "couldn't have", "ought to have", "should never have",
		"could never have", "could easily have", "should really have", "should also have", "if ", "would",
		"had to", "had the", "had he", "had she", "had they", "had we", "had i ", "had our", "had his",
		"had her", "had their", "had someone", "had anyone", "had somebody", "had anybody", "had any",
		"had one", "had staff", "had ops", "we'd", "they'd", "i'd", "you'd", "it'd", "he'd", "she'd",
		"that'd", "would've", "only needed", "just needed", "simply needed", "needed to do",
		"only had to", "just had to", "simply had to", "might have", "might've", "needed was",
		"would have", "would've")
	add(gAccountability, "spoken with", "spoke with", "talked with", "addressed with", "held to account", "explain to me")
	add(gAccountability, "off nights", "shadowed by", "supervised by a", "their admin", "their access", "their write", "will not have", "access is revoked", "access was revoked", "off days", "off shift", "off our", "off the contract", "off the crane", "off the rota", "off the roster", "off the line", "off the desk", "no longer allowed", "no longer permitted", "no longer authorised", "no longer authorized", "no longer welcome", "no longer trusted", "no longer cleared", "not more allowed", "not more permitted", "not anymore allowed", "limited his", "limited her", "limited their", "restricted his", "restricted her", "restricted their", "write permissions", "write access", "deploy permissions", "admin rights", "admin access", "access rights", "access revoked", "permissions revoked", "access has been", "access was", "access is", "access of", "into a role", "misreading", "miscalculation", "misjudgement", "misjudgment", "blunder", "slip-up", "unfamiliarity", "inexperience", "mix-up", "misstep", "error was", "mistake was", "error is", "mistake is", "to shadow", "will shadow", "shadowing a senior", "to countersign", "a senior to", "coaching session", "sent again", "sent back to", "be sent to", "sent to training", "reassigned to", "transferred to", "suspended pending")
	add(gAccountability, "conversation has", "conversation was", "conversations have", "conversations were", "conversation with", "conversations with", "discussion has", "discussion with", "chat has", "chat with", "talk has", "talk with", "written up")
	add(gAccountability, "individual reviews", "annual appraisal", "serious conversation with", "written up for", "performance reviews", "warning letter", "written warning", "receive a sanction", "receive sanctions", "performance ratings", "review his performance", "review her performance", "review their performance")
	add(gAccountability, "performance issues", "performance problems", "performance failings", "remain on the rota", "remain on the rotation", "remain on call", "stay on the rota", "remain in the role", "remain in his role", "remain in her role", "remain in their role")
	add(gAccountability, "performance plan", "performance review", "performance concerns", "development area", "line manager", "fit for duty", "disciplinary action", "disciplinary process", "improvement plan", "below expectations", "needs improvement", "poor mark")
	add(gAccountability, "dismissed following", "dismissed after", "dismissed for", "their conduct", "his conduct", "her conduct", "pulled off", "removed from pool", "retraining ordered", "retraining required", "conduct of", "behaviour of", "behavior of", "reflect on", "reflecting on", "to explain why", "to explain himself", "to explain herself", "to explain themselves", "to replace the", "to remove the", "heads will roll", "heads should roll", "heads must roll", "heads would roll", "heads gonna roll", "heads rolled", "performance improvement", "performance conversation", "performance matter", "disciplinary matter", "conduct review", "talking-to", "talking to", "stern look", "stern word", "appropriate steps", "appropriate action", "production role", "from primary rotation", "from the rotation", "from rotation", "off the", "not be on", "excluded from", "whoever", "by ", "mistakes were", "errors were", "mistakes have", "to blame", "sits with", "sit with", "belongs to", "belong to", "responsible ", "responsible,", "responsible.",
		"accountab", "responsib", "fault", "blame", "mistake", "disciplin",
		"reprimand", "criticised", "criticized", "faulted", "censured", "rebuked", "castigated", "spoken to", "talked to", "warned", "cautioned", "counselled", "counseled", "admonish", "step back", "stepped back", "stepping back", "steps back", "step down", "stepped down",
		"step aside", "stepped aside", "to go through", "to do the training", "to take the training", "training", "formal warning", "written warning", "final warning", "was fired",
		"were fired", "been fired", "be fired", "got fired", "sacked", "was terminated",
		"were terminated", "been terminated", "be terminated", "was dismissed", "were dismissed",
		"been dismissed", "be dismissed", "suspended", "demoted", "let go", "removed from", "role in",
		"punish", "consequences", "caused", "broke ", "took down", "brought down", "taken down",
		"due to", "because of", "finger", "scapegoat", "written up", "on the part of", "liabilit",
		"culpab", "attribut", "is on", "was on", "'s on", "that's on", "thats on", "one's on", "it's on", "are on", "were on", "squarely on",
		"entirely on", "all on", "totally on", "completely on", "really on", "clearly on",
		"definitely on", "failed its", "failed you", "failed their", "failed our customers",
		"failed customers", "failed users", "failed us", "failed residents", "failed patients", "failed passengers", "failed everyone", "failed students", "failed riders", "failed players", "failed guests", "failed members", "failed readers", "fails its", "identified", "lies with", "rests with",
		"retrain", "re-train", "reassigned", "demoted", "sidelined", "benched", "relieved", "barred",
		"banned", "escorted", "stood down", "stood aside", "taken off", "moved off", "moved out of", "put on",
		"placed on", "docked", "undergo", "repeat", "retake", "revoked", "no longer", "hearing",
		"performance plan", "performance improvement", "performance review", "appraisal", "squarely", "lay with", "lies on", "rests on",
		"falls on", "fell on", "fired the", "fired two", "fired both", "fired all", "fired an",
		"fired a ", "fired our", "fired its", "fired his", "fired her", "fired their", "sacked the",
		"dismissed the", "dismissed two", "guilty", "culprit", "culpable", "liable", "responsable", "his fault", "her fault",
		"their fault", "criticis", "criticiz", "faults", "faulted", "accused", "accuses", "singles out", "singled out")
	add(gSelfBlame, "is mine", "was mine", "are mine", "were mine", "entirely mine", "all mine", "it was me", "weak link", "i had a typo", "i made a typo",
		"my fault", "our fault", "my mistake", "our mistake", "my bad", "my error",
		"my own", "our own", "my copy", "my typo", "our typo", "my oversight", "our oversight",
		"my failure", "our failure", "wrong", "sorry", "oops", "whoops", "apolog", "i nuked", "i borked",
		"i trashed", "i hosed", "i bricked", "i broke", "i killed", "i wiped", "i fried", "i tanked",
		"my carelessness", "my negligence", "my screw", "my blunder", "on me", "myself",
		"ourselves", "known better", "on us", "mea culpa", "let the team", "let everyone",
		"let you", "let them", "let my", "let our", "let us")
	add(gOmission, "contrary to", "against standing", "against clear", "against written", "against the", "against policy", "against procedure", "against instructions", "against orders", "against guidance", "against advice")
	add(gState, "wandered off", "freaking out", "freaked out")
	add(gSelfBlame, "made mistake", "make mistake", "did mistake", "do mistake", "making mistake", "doing mistake", "made error", "make error", "did error", "making error")
	add(gState, "left post", "left his", "left her", "left their", "left the post", "left poolside", "left station", "abandoned", "deserted", "phones", "telephone", "absorbed", "speaking in")
	add(gAccountability, "early by", "prematurely by", "without expiry", "propped", "uncapped", "left disconnected", "left unplugged", "left unguarded", "left unlabelled", "left exposed", "left behind")
	add(gAccountability, "resignation", "a word with", "pending re", "pending disciplinary", "off the")
	add(gOmission, "dismissed", "dismisses", "dismissing", "despite", "said nothing", "did nothing", "staff failure", "operator failure", "engineer failure", "employee failure", "personnel failure", "user failure", "human failure", "crew failure", "team failure", "contractor failure", "vendor failure", "supplier failure", "management failure", "developer failure", "technician failure")
	add(gJudgement, "went silent", "gone silent", "over safety", "above safety", "over patient safety", "over reliability")
	add(gJudgement, "somehow", "next time", "anywhere near", "away from", "good enough", "courtesy of", "would have expected", "is guilty", "was guilty", "guilty party", "track record of")
	add(gJudgement, "do its job", "doing its job", "went home", "go home", "acts surprised", "like a toy", "like toys", "better judgment", "better judgement",
		"more caution", "greater caution", "more care", "met the standard", "meet the standard", "left shift early", "left the shift early", "left work early", "left early")
	add(gOmission, "don't respect", "do not respect", "doesn't respect", "does not respect", "dont respect", "doesnt respect")
	add(gAccident, "incomplete", "out of sequence", "out of order", "out of documented", "out of the documented", "out of the correct", "out of the proper", "out of the required", "out of the agreed", "out of the published", "out of its")
	add(gAccident, "customers wrong", "customers incorrect", "customers inaccurate", "customers misleading", "customers outdated", "clients wrong", "wrong info", "wrong informations", "incorrect info", "inaccurate info", "misleading info", "outdated script", "told customers", "telling customers", "told the customers", "customers that", "customers it was")
	add(gAccident, "mixed up", "muddled up")
	add(gAccountability, "warnings", "supervision of", "oversight of", "monitoring of", "scrutiny of", "checks on", "supervise", "watched more", "watched closely", "monitored more", "monitored closely", "supervised more", "supervised closely", "observed closely", "pair with", "paired with", "pair up", "partner with", "without a second", "without supervision", "without a supervisor", "unsupervised", "away from", "rights off", "access off", "permissions off", "privileges off", "keys off", "button off", "buttons off", "controls off", "role off", "duties off", "rights away", "access away", "button away", "buttons away", "controls away", "keys away", "remove", "until a", "until the", "until his", "until her", "until their", "pending a", "pending the")
	add(gAccountability, "refresher", "re-certified", "recertified", "capability meeting", "capability hearing", "capability review", "on his file", "on her file", "on their file", "transitioning out", "grounded", "no longer handle", "no longer hold", "no longer sign", "module before", "module again")
	add(gJudgement, "individual compliance", "individual performance", "individual choice", "individual judg", "individual conduct", "individual lapse", "individual failing", "individual error", "individual decision", "individual accountab", "individual behav", "individual's", "colleague's judg", "colleague's choice", "colleague's conduct", "person's judg", "person's choice", "conduct of one", "conduct of a single", "behaviour of one", "choices of one", "level of the individual", "localised lapse", "localized lapse", "isolated lapse", "isolated matter", "individual matter")
	add(gWithout, "before she", "before he", "before they", "before to", "before the", "before crew", "before checking")
	add(gRootCause, "always the", "always dns", "always going to be", "lead back to", "leads back to", "led back to", "leading back to", "point back to", "points back to", "traces back to", "single origin", "one origin", "common origin", "sole origin", "point of origin", "symptom of", "symptoms of")
	add(gRootCause, "down to one factor", "down to one thing", "down to one cause", "down to one reason", "down to a single", "the one that caused", "the one which caused", "the one that triggered")
	add(gJudgement, "pattern of", "track record of", "would it have killed", "total mess", "complete mess", "real mess", "couldn't organise", "couldn't organize", "could not organise", "could not organize", "called it a day")
	add(gOmission, "non-compliance by", "non-compliance of", "noncompliance by")
	add(gJudgement, "failure of the individual", "failure of individuals", "failure of professionalism")
	add(gAccident, "meant for", "intended for", "thinking she", "thinking he", "thinking i", "instead of only", "incorrect", "incompatible", "uncalibrated", "mismatched", "outdated", "obsolete", "unredacted", "superseded", "mistyped", "erroneous", "corrupted", "corrupt", "malformed", "broken", "invalid", "faulty", "defective", "buggy", "deleted", "dropped", "wiped", "purged", "truncated", "unplugged", "disconnected", "yanked", "severed", "formatted", "overwr", "erased", "nuked", "bulk-deleted", "pulled", "powered off", "switched off", "turned off", "shut off", "disabled", "silenced", "left", "leaves", "leaving", "shut down", "cut through", "posted", "pasted", "committed", "forwarded", "emailed", "leaked", "published", "exposed", "copied",
		"accidental", "accidently", "inadvertent", "by error", "mistaken", "mistakingly", "erroneous",
		"incorrectly", "wrongly", "unintentional", "unknowing", "unwitting", "wrongful", "by mistake",
		"by accident", "on accident", "in error", "instead of", "in place of", "wrong", "misconfigur", "mistyp", "miskey", "mis-key", "misclick",
		"mis-click", "misappl", "mislabel", "misrout", "misnam", "misenter", "mis-enter", "misspel",
		"misidentif", "mispast", "mistook", "miscalculat", "miscount", "misinterpret", "misunderst",
		"misjudg", "believing", "thinking it", "thinking that", "thinking the", "thinking they", "assuming it",
		"assuming that", "assuming the")
	add(gWithout, "no review", "no ticket", "no second", "no notice", "no handover", "no sign-off", "no approval", "no pr,", "outside agreed", "outside the agreed", "outside an agreed", "outside approved", "outside the approved", "outside the change", "outside the maintenance", "outside change", "outside maintenance", "not recorded", "unreviewed", "unannounced", "unticketed")
	add(gWithout, "occasions", "consecutive", "thrice")
	add(gWithout, "reminded", "warned", "nagged", "pinged", "chased", "briefed", "fourth time", "third time", "fifth time", "three times", "four times", "five times", "six times", "ten times", "several times", "many times", "multiple times", "numerous times", "countless times", "twice", "reminder", "how many times", "how often",
		"meetings", "briefings", "emails", "went to", "sent to", "send the", "sent the", "separate warnings", "warnings about", "how many reminders", "how many warnings", "how many notices")
	// a telling counted out by its days: "on Monday, Tuesday and Thursday",
	// "in the September, October and November retros"
	for _, d := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december") {
		add(gWithout, "and "+d, "and again on "+d, "and also "+d)
	}
	add(gWithout, "no reason recorded", "no reason given", "no reason logged", "no rationale", "the heaviest", "the busiest", "after the change was", "overrode", "overriding")
	add(gWithout, "even though the", "even if the", "them not to", "him not to", "her not to", "people not to", "against live", "against production", "against prod", "on live", "in live", "tested against", "tested on", "tested in", "testing against", "testing on", "testing in", "test load against", "load test against", "test against")
	add(gWithout, "not reviewed by", "not checked by", "not consulted by", "not read by", "not opened by", "not actioned by", "not verified by", "not tested by", "not acknowledged by", "not answered by", "not followed by", "not used by",
		"never reviewed by", "never checked by", "never consulted by", "never read by", "never opened by", "never actioned by", "unactioned by", "unanswered by", "unread by", "unopened by", "ignored by",
		"shared admin", "shared account", "root account", "personal account", "personal token", "personal key", "ahead of", "before approval", "before client approval", "before sign-off",
		"approval was", "approval were", "sign-off was", "permit was", "consent was", "clearance was", "authorisation was", "authorization was")
	add(gWithout, "clicked past", "clicked through", "clicked straight", "clicked right", "clicking past", "clicking through", "scrolled past", "went past the", "skipped past", "overrode", "to \"", "during \"", "for \"", "as \"", "to '", "during '")
	add(gState, "recently promoted", "recently hired", "recently appointed", "freshly promoted", "just promoted", "week on shift", "day on shift", "week in role", "week on the job", "trainee alone", "intern alone", "apprentice alone", "trainee unsupervised", "intern unsupervised")
	add(gState, "finished his", "finished her", "finished their", "from a", "attending a", "at a wedding", "to catch", "busy with", "went straight", "gone straight")
	add(gState, "in no condition", "in no state to", "in no fit state", "on shift for", "on duty for", "awake for", "on the team", "in the company", "at the company", "first month", "newest", "brand-new", "been here", "double shift", "triple shift", "off shift", "leaving for", "before going on", "shift since", "working since", "awake since", "duty since", "weeks into", "days into", "months into")
	add(gWithout, "issued three", "issued twice", "issued four", "issued several", "issued multiple")
	add(gWithout, "no further action", "no action taken", "own change", "own pull", "own pr", "own merge", "own code", "own work", "own request", "own script", "own author", "self-approved", "self-reviewed", "self-merged", "who authored", "who wrote it", "freeze active", "declared change freeze", "during the freeze", "during the change freeze", "during change freeze", "override used", "by @")
	add(gRootCause, "one-cause", "single-cause", "one-reason", "would not happen", "would not have happened")
	add(gRootCause, "one reason", "one place", "one thing", "one source", "one spot", "one point", "one origin", "alone", "by itself",
		"downstream", "is why", "was why", "'s why", "rc confirmed", "rc found", "rc identified", "rc located", "rc nailed")
	// whole consequences of one condition: "there would have been no
	// customer impact", "none of our customers would have been affected",
	// "no messages would have been dropped", "we would have lost no filings"
	add(gWhole, "be writing this", "none of us would", "none of us'd", "will not have any", "won't have any", "would not have any", "wouldn't have any", "would not lose any", "wouldn't lose any", "will not lose any", "would not lose a single", "wouldn't lose a single")
	add(gWhole, "would have", "would've", "wouldn't have", "would not have", "would never have", "none of our", "none of their", "none of its", "none of them")
	add(gWithout, "following two", "following three", "following four", "following several", "following repeated", "after two", "after three", "after several", "after repeated", "before exam", "unverified", "acknowledged by", "dismissed by", "snoozed by", "silenced by", "muted by", "cleared by")
	add(gAccident, "leave ", "transposed", "rather than", "in place of", "knocked", "fumbled", "spilled", "elbowed")
	add(gOmission, "staff failure", "operator failure", "human failure", "crew failure", "personnel failure", "employee failure", "management failure", "engineer failure", "technician failure", "developer failure", "contractor failure", "anyway", "regardless", "nonetheless", "properly", "correctly", "carefully", "thoroughly", "on time", "in time", "as required", "as instructed", "as trained", "as briefed", "as told", "as agreed")
	add(gAccountability, "no longer have", "lose production", "loses production")
	add(gAccountability, "disciplined", "reprimanded", "suspended", "warned", "cautioned", "admonished", "rebooked", "rehired", "re-engaged", "booked again", "used again", "conduct process", "conduct investigation")
	add(gJudgement, "to be fair", "in fairness", "lovely of", "nice of", "kind of the", "thoughtful of", "generous of", "anyone would", "anybody would", "someone would")
	add(gRootCause, "no problem at all", "no problems at all", "no disruption at all", "no impact at all", "no issue at all", "no issues at all", "not exist")
	add(gWithout, "took no", "did nothing", "declined", "declining", "rejected the", "rejecting the", "vetoed", "deprioritised", "deprioritized", "refused the", "the same shift", "the same team", "the same person", "the same people", "the same engineer", "the same crew", "the same operator", "the same group", "the same on-call", "the same night", "the same contractor", "the same vendor", "the same squad")
	add(gWithout, "unsupervised", "unsanctioned", "no supervision", "no oversight", "stage skipped", "step skipped", "check skipped", "checks skipped", "review skipped", "tests skipped", "test skipped", "canary skipped", "approval skipped", "staging skipped", "gate skipped", "checklist skipped",
		"stage bypassed", "step bypassed", "check bypassed", "checks bypassed", "review bypassed", "approval bypassed", "gate bypassed",
		"nobody was told", "nobody was informed", "nobody was notified", "nobody was warned", "nobody was consulted", "nobody was asked", "no one was told", "no one was informed", "no one was notified", "no-one was told")
	add(gWithout, "been told", "been warned", "been asked", "been instructed", "been reminded", "been advised",
		"were told", "was told", "were warned", "was warned", "were asked", "was asked", "were instructed",
		"was instructed", "were reminded", "was reminded")
	add(gWithout, "told them", "asked them", "warned them", "reminded them", "told him", "told her", "warned him", "warned her",
		"we had warned", "we warned", "i warned", "we had told", "we told", "i told", "we asked", "i asked", "we reminded", "shrugged")
	add(gWithout, "told nobody", "told no one", "told noone", "tell nobody", "tells nobody", "telling nobody", "informed nobody", "informed no one",
		"notified nobody", "notified no one", "warned nobody", "warned no one", "tell anybody", "tell anyone", "inform anybody", "inform anyone",
		"not inform", "n't inform", "not tell", "n't tell", "not notify", "n't notify", "not warn", "n't warn", "never told", "never informed", "never warned", "never notified")
	add(gWithout, "overrode", "overriding", "overrides", "overridden", "despite", "in spite of", "violated", "violating", "breached the", "disregarded", "twice", "two times", "a second time",
		"skipping", "skipped", "bypassing", "bypassed", "circumventing", "circumvented",
		"before the", "before any", "before it", "before its", "before their", "before confirming", "before checking", "before verifying", "before validating", "before testing", "before reading",
		"unreviewed", "unauthorised", "unauthorized", "unapproved", "unchecked", "untested", "unsanctioned", "untranslated", "unverified", "unproofed")
	add(gWithout, "instead of", "twice", "two times", "second time", "outside approved", "outside the approved", "outside the change", "outside the maintenance", "outside agreed", "outside the agreed", "with no", "with zero", "without", "w/o", "against", "contrary to", "against policy", "against the policy", "against advice", "against written", "against engineering", "against the advice", "against our", "against the written", "against instructions", "against procedure", "against the procedure", "against the rules", "against guidance", "in breach", "in violation", "in defiance", "in contravention", "in disregard", "in clear", "in direct", "in flagrant", "in open", "in blatant", "in plain", "in obvious", "in express", "in complete", "in total")
	add(gRootCause, "caused the", "caused all", "caused this", "attributed", "attributes", "one origin", "one source", "one explanation", "one underlying", "the reason this", "the reason the", "the reason why", "went wrong because", "went bad because", "one thing that", "point of failure that", "only this", ", period", "boils down", "comes down", "came down", "smoking gun", "reason of everything", "reason for everything", "reason of all", "reason for all", "in one line", "in one sentence", "went wrong:", "the problem was", "the problem is", "one explanation", "single explanation", "pins the", "pinned the", "resulted from", "stemmed from", "arose from", "originated from", "actually caused", "really caused", "ultimately caused", "actually triggered", "identifiable", "clear cause", "obvious cause", "simple cause", "identified cause", "known cause", "underlying cause", "the bottom of", "underlying reason", "one root", "single root", "single biggest", "one biggest", "only biggest", "cause only", "whys", "five why", "5 why", "come from one", "comes from one", "came from one", "come only", "comes only",
		"explains every", "explains the entire", "explains all", "unique cause", "one only", "cause only", "source only", "principal")
	add(gComparison, "show the same", "demonstrate the same", "if only the rest", "half as", "other people", "other colleagues", "other members")
	add(gComparison, "unlike", "contrast to", "contrast with", "more than can be said", "more than could be said", "cannot be said", "can't be said", "can not be said", "the only", "at least someone", "at least somebody", "at least one of", "at least one person", "the rest of", "the others")
	add(gWhy, "whose brilliant", "whose great", "whose clever", "whose genius", "whose wonderful", "whose smart", "you even", "u even", "he even", "she even", "they even", "anyone even", "anybody even", "someone even", "anyone over there even", "ya even")
	add(gWhy, "how does a", "how did a", "how can a", "how could a", "how does someone", "how did someone")
	add(gWhy, "whose fault", "whose blame", "actually open", "actually read", "actually check", "actually look", "actually test", "actually follow", "actually use")
	add(gWhy, "why", "who ", "whose idea", "was nobody", "were nobody", "did nobody", "is nobody", "was no one", "were no one", "did no one", "is no one", "was noone", "did noone", "which genius", "which of you", "which one of you", "which of u", "which one of u", "which idiot", "which clown", "what genius", "which muppet", "who the hell", "who on earth", "who tf", "who broke", "who break", "who messed", "who screwed", "who caused",
		"who forgot", "who missed", "who ignored", "who nuked", "who killed", "who borked",
		"who wiped", "who trashed", "who took down", "who brought down", "who did this",
		"who did that", "who pushed this", "who pushed that", "who approved this",
		"who approved that", "who merged this", "who merged that", "who deployed this",
		"who deployed that", "who shipped this", "who shipped that", "who is to blame",
		"who was to blame", "who is responsible", "who was responsible", "who is accountable",
		"who was accountable", "who is guilty", "who was guilty")
	add(gPersonCause, "the doing of", "'s hesitation", "'s diagnosis", "'s edit", "'s reboot", "'s restart", "'s script", "'s upload", "'s command", "'s instruction", "'s announcement", "'s misdiagnosis", "'s indecision")
	add(gPersonCause, "broke ", "crashed ", "killed ", "wiped ", "took down", "brought down")
	add(gPersonCause, "began when", "started when", "shortly afterwards", "soon afterwards", "and afterwards", "and after that", ", after that", "right afterwards", "just afterwards", "immediately afterwards")
	add(gPersonCause, "culprit", "rc", "rca", "one thing that", "single thing that", "only thing that", "one thing behind", "single thing behind", "only thing behind", "all comes from", "all problem comes", "everything comes from", "caused", "led to", "triggered", "sparked", "misuse", "cause", "reason", "root", "caused by", "prolonged by", "triggered by",
		"worsened by", "resulted from", "results from", "result of", "stemmed from", "stems from",
		"down to", "traced to", "provoked by", "produced by", "generated by", "originated", "made by",
		"came from", "comes from", "back to", "traces to", "because", "rooted in", "heart of", "bottom of", "core of", "at its heart", "at its core")
	add(gState, "drunk", "intoxicated", "tipsy", "unresponsive", "confusion", "misjudg", "misunderstanding", "misreading", "afk", "uncontactable", "reachable", "contactable", "under pressure", "tired", "exhausted", "fatigue", "sleep", "drowsy", "half-asleep", "half asleep",
		"asleep", "slept", "dozed", "nodded off", "fell asleep", "distracted", "overwhelmed", "panic",
		"rushed", "rushing", "hurried", "hurry", "stressed", "flustered", "frazzled", "overconfiden",
		"over-confiden", "unprepared", "unready", "untrained", "underqualified", "under-qualified",
		"unfamiliar", "ill-prepared", "ill-equipped", "unfit", "incapable", "overworked", "burned-out",
		"burnt-out", "hasty", "haste", "careless", "inattent", "complacen", "inexperienc",
		"unqualified", "incompeten", "unsupervised", "froze", "freezes", "lacked", "lacks", "lacking",
		"ready", "prepared", "qualified", "trained", "experienced", "competent", "familiar", "fit",
		"capable", "equipped", "aware", "attentive", "vigilant", "diligent", "not careful", "not focused", "skilled", "certified", "authorised", "authorized", "cleared",
		"new to", "training", "been shown", "been taught", "have had", "exhaustion", "tiredness",
		"distraction", "formed", "burned out", "burnt out", "worn out", "stressed out", "jet-lag",
		"jetlag", "hungover", "tiring", "in a hurry", "in a rush", "in panic", "in a panic")
	add(gPersonError, "error", "lapse", "mistake", "typo", "oversight", "misconfiguration", "misstep", "slip",
		"blunder", "gaffe", "goof", "fumble", "miscalculation", "misjudg", "misclick", "mis-key",
		"miskey", "mistyp", "wrong", "erroneous", "incorrect", "botched", "fault of", "fault by",
		"faults of", "mishandl", "manipulation", "bad config", "bad change", "bad command",
		"bad setting", "bad choice", "bad decision", "bad ", "broken", "faulty", "sloppy", "careless",
		"hasty", "rushed", "untested", "unsanctioned", "unauthori", "unapproved", "rogue", "introduced")
	add(gRootCause, "none of this", "none of it", "none of the", "nothing would", "nothing that followed", "nothing to write", "no incident", "no outage", "have happened", "have occurred")
	add(gRootCause, "what caused", "what broke", "what triggered", "what took down", "only problem", "only issue", "and ended with", "and ends with", "and end with", "in a word", "in one word", "was 100%", "is 100%", "'s 100%", "came 100%", "comes 100%", "from 100%")
	add(gRootCause, "one cause", "one reason", "due to one", "owing to one", "due to a single", "owing to a single")
	add(gRootCause, "reduces to", "reduced to", "pointed to", "pointed at", "points to", "points at", "that's all", "that is all", "only factor", "sole factor", "single factor", "only driver", "sole driver", "had one", "has one", "had a single", "has a single", "because of one", "because of a single", "was only one", "is only one", "is simple:", "was simple:", "alone explains", "alone caused")
	add(gRootCause, "no other cause", "no deeper cause", "no further cause", "no second cause", "no other reason", "no other factor", "behind every", "behind all", "behind each", "cause:", "cause statement", "cause finding", "what killed", "what sank", "what ruined", "what doomed", "what wrecked", "headline:", "origin of event", "origin of incident", "origin of the", "source of the", "traces back", "traced back", "trace back", "the whole incident", "the entire incident", "the entire rc", "the whole outage", "that's the incident", "that is the incident", "thats the incident", "that's the rc", "one cause", "one knob", "one setting", "one thing", "one bug", "everything else is", "everything else was", "incident cause:", "outage cause:", "nothing else changed", "nothing else involved", "nothing else to find")
	add(gRootCause, "one reason:", "one reason,", "one cause:", "and one only", "all down to", "no other contributing", "no other factors", "no other causes", "no other causal", "nothing else wrong", "nothing else was wrong", "nothing else broke", "everything is because", "everything was because", "all of this is because", "all this is because", "all of it is because", "happened because", "happening because", "occurred because")
	add(gRootCause, "caused every", "produced every", "produced all", "produced the entire", "produced the whole", "stopped every", "stopped all", "took down every", "took down all", "took down the entire", "took down the whole")
	add(gRootCause, "thing is bc", "thing was bc", "thing is cos", "all started with", "all began with", "everything that", "everything which", "simple as that", "end of story", "full stop", "nothing but", "simply because", "entirely down", "solely down", "wholly down", "purely down", "squarely down", "caused the entire", "caused the whole", "cause only", "reason only")
	add(gRootCause, "culprit", "origin of", "source of", "source for", "rc:", "rc was", "rc is", "underlying issue",
		"underlying problem", "real issue", "real problem", "actual issue", "actual problem", "root", "rca", "cause", "solely", "entirely", "purely", "exclusively",
		"boil", "one thing", "only thing", "sole reason", "single reason", "true reason", "real reason",
		"ultimate reason", "fundamental reason", "one reason", "only reason", "principal", "chief cause",
		"core cause", "core reason", "primary reason", "chief reason", "principal reason", "original cause", "basic cause", "base cause", "only because", "solely because",
		"entirely because", "purely because", "just because", "all because", "all bc", "all cos", "all cuz", "all coz", "only due", "solely due", "came down", "comes down", "come down",
		"heart of", "back to", "originat", "stemm", "stems from", "stem from", "arose from", "arises from",
		"fundamental", "its core", "at heart", "in essence", "in one sentence", "boiled down", "strip away", "at bottom", "fully explains", "entirely explains", "completely explains", "is what broke", "was what broke", "is what caused", "was what caused", "is what sank", "was what sank", "is what killed", "was what killed", "is what triggered", "was what triggered", "started from one", "started from a single", "started with one", "started with a single", "began with one", "began with a single", "began from one", "everything happen", "key cause", "bottom line", "in the end", "put simply", "simply put", "put plainly", "plainly put", "in short", "story short", "nutshell", "end of the day", "tl;dr", "tldr", "basically", "essentially", "core issue", "core problem", "true issue", "true problem", "ultimately",
		"reason was", "reason is", "pinpoint", "isolated the", "nailed the", "tracked down the",
		"its heart", "its core", "trace", "attribut", "one reason", "reason for", "reason of", "down to", "underlying",
		"sole", "single", "unique", "decisive", "lone", "the one", "one and only", "only one", "flowed from", "flows from",
		"flow from", "followed from", "follows from", "hinge", "coming from", "comes from", "came from", "come from",
		"coming back", "nothing else", "nothing more", "whole story", "whole bug", "whole thing", "entire outage", "that's it",
		"plain and simple", "explains", "explained", "because of", "no other", "responsible for", "brought down", "took down", "took it", "only from", "driver", "primary trigger", "full stop", "nothing more", "to blame", "lay entirely", "lies entirely", "lay solely", "lies solely", "solely responsible", "entirely responsible", "the fault", "blames", "blamed", "rc =", "rca tl", "rca in", "rca summary", "definitive cause", "definite cause", "confirmed cause", "actual cause", "final cause", "exact cause", "caused by", "explained by", " = ", "the reason", "the cause", "only one", "one only", "one origin", "one source", "one reason", "one cause", "whole", "entire", "behind", "main trigger", "at bottom", "one thing", "whole", "entire", "pinned")
	return ps
}
