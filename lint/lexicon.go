package lint

import (
	_ "embed"
	"strings"
)

// wflag is a set of things a word can be. A word may be several at once
// ("that" is a determiner, a relative pronoun and a subordinator); the
// clause finder decides by position.
type wflag uint64

const (
	fPron       wflag = 1 << iota // a pronoun that stands for people: I, she, they, someone, nobody
	fThing                        // a pronoun for things: it, this, these
	fRole                         // a role or group of people: engineer, on-call, team
	fAmbig                        // a role word that also names software: operator, agent, manager
	fPersonMod                    // a modifier that keeps an ambiguous role human: support agent, release manager
	fName                         // a common given name
	fTech                         // a product or technology: Kafka, Redis
	fMass                         // a common noun often written without article: Monitoring, Traffic
	fDet                          // the, a, our, every
	fPrep                         // of, on, by, for
	fConj                         // and, but, or
	fSub                          // a subordinator: because, when, although
	fRel                          // who, which, that
	fBe                           // is, was, been
	fHave                         // has, had, have
	fDo                           // did, does
	fModal                        // should, could, will
	fNeg                          // not, never, n't
	fAdv                          // an adverb that may sit inside a verb group: also, then, simply
	fVerb                         // a word known to be a verb in some form
	fPastPart                     // a past participle: checked, taken, read
	fFail                         // a failure or omission predicate: forgot, ignored, skipped
	fDiligence                    // a verb of checking or care: check, verify, read, follow
	fEvent                        // a bad event: outage, incident, data loss
	fNegQuant                     // a negative quantifier for people: nobody, no one
	fFirstSg                      // I, me, my, myself
	fFirstPl                      // we, us, our
	fPossessive                   // my, his, her, their, our, your
	fRemedy                       // a word that says a fix is in place: now, added, shipped
	fQuestion                     // how, what, which, where
	fPlan                         // a label that opens a forward-looking line: action, todo, next
	fTimeWord                     // UTC, am, pm
	fPlainName                    // a given name that is no common word: a name even in lower case
)

// lexicon maps a lower-case word to what it can be.
type lexicon map[string]wflag

func (l lexicon) add(f wflag, words string) {
	for _, w := range strings.Fields(words) {
		if strings.IndexByte(w, '_') >= 0 {
			w = strings.ReplaceAll(w, "_", " ")
		}
		l[w] |= f
	}
}

//go:embed lexicon/names.txt
var namesText string

//go:embed lexicon/tech.txt
var techText string

//go:embed lexicon/roles.txt
var rolesText string

// baseLexicon is built once; a Linter with extra roles copies it.
var baseLexicon = buildLexicon()

// buildLexicon builds the lexicon every linter starts from.
func buildLexicon() lexicon {
	l := make(lexicon, 1<<14) // about 12,500 words, sized once
	l.add(fPron, `i me myself we us ourselves you yourself yourselves he him himself she her herself
		they them themselves someone somebody anyone anybody everyone everybody nobody
		whoever people folks y'all u ya ppl noone`)
	l.add(fThing, `it its itself this these those something nothing everything anything`)
	l.add(fNegQuant, `nobody none noone`)
	l.add(fFirstSg, `i me my myself mine`)
	l.add(fFirstPl, `we us our ourselves ours`)
	l.add(fPossessive, `my his her their our your ur`)
	l.add(fRole, `engineer engineers operator operators developer developers dev devs sre sres
		dba dbas admin admins administrator administrators sysadmin sysadmins reviewer reviewers
		approver approvers deployer deployers contractor contractors consultant consultants hire hires
		intern interns team teams teammate teammates colleague colleagues coworker coworkers co-worker
		staff employee employees person persons human humans individual individuals responder
		responders commander commanders on-call oncall on-caller on-callers lead leads manager managers
		owner owners author authors committer committers maintainer maintainers analyst analysts agent
		agents technician technicians user users customer customers member members scribe architect
		architects tester testers programmer programmers coder coders specialist specialists
		ops devops support helpdesk management leadership engineering qa rotation shift crew
		newcomer newcomers junior seniors lead responder firefighter firefighters guy guys
		executive executives director directors vp cto ceo cfo cio coo ciso cso cpo cmo cdo cro vps ctos ceos pm pms em ems ic ics sme smes
		sales finance legal marketing infra sysops netops secops devsecops noc soc officer officers
		scientist scientists designer designers submitter requester assignee captain captains
		steward stewards personnel temp temps trainee trainees clerk clerks teller tellers
		signaller signallers signalman signalmen dispatcher dispatchers electrician electricians
		installer installers fitter fitters staffer staffers recruit recruits apprentice
		apprentices volunteer volunteers representative representatives rep reps advisor advisors
		adviser advisers auditor auditors inspector inspectors supervisor supervisors foreman
		foremen planner planners accountant accountants cashier cashiers pilot pilots official
		officials subcontractor subcontractors licensee licensees workforce squad squads
		department departments company companies organisation organisations organization
		organizations firm firms vendor vendors provider providers supplier suppliers carrier
		carriers registrar registrars isp isps telco telcos partner partners controller
		controllers worker workers group groups board boards operations desk security techie techies
		tech techs swe swes sde sdes csm csms tam tams joiner joiners starter starters grad grads
		graduate graduates cleaner cleaners janitor janitors guard guards plumber plumbers builder
		builders contributor contributors boss bosses division divisions hq lineman linemen linesman
		oncaller oncallers translator translators pharmacist pharmacists nurse nurses doctor doctors
		clinician clinicians physician physicians lecturer lecturers teacher teachers professor
		professors courier couriers driver drivers bookkeeper bookkeepers librarian librarians
		researcher researchers moderator moderators receptionist receptionists surgeon surgeons
		therapist therapists paramedic paramedics mechanic mechanics recruiter recruiters lawyer
		lawyers underwriter underwriters labourer labourers laborer laborers biomed`)
	l.add(fAmbig, `operator operators agent agents manager managers user users owner owners
		admin admins lead leads customer customers member members rotation shift support ops
		management engineering qa infra sales finance legal marketing controller controllers
		worker workers group groups board boards operations desk security tech techs starter starters
		cleaner cleaners guard guards builder builders division divisions producer producers success`)
	l.add(fRole, `success merchandising`)                        // "customer success did not pass the warning on"
	l.add(fRole|fAmbig, `handler handlers scheduler schedulers`) // "the claims handler", not "the webhook handler"
	l.add(fRole|fAmbig, `broker`)                                // "the customs broker", not "the mqtt broker"
	l.add(fRole, `eng`)                                          // chat's "eng on call didnt ack"
	l.add(fRole|fAmbig, `office offices`)                        // "head office", "the press office"; not "the office"
	l.add(fRole, `coordinator coordinators`)
	l.add(fRole, `patrol patrols patroller patrollers liaison liaisons`) // "ski patrol failed to radio the lifties"
	l.add(fRole|fAmbig, `pharmacy pharmacies lab labs`)                  // "pharmacy failed to push the formulary", not "the lab results"
	l.add(fRole, `editor editors projectionist projectionists journalist journalists reporter reporters curator curators
		chef chefs surveyor surveyors bioinformatician bioinformaticians geologist geologists biologist biologists
		statistician statisticians trader traders banker bankers machinist machinists welder welders postdoc postdocs`)
	l.add(fRole, `producer producers moderator moderators clerk clerks dispatcher dispatchers planner planners
	actuary actuaries integrator integrators reseller resellers distributor distributors
	agency agencies outsourcer outsourcers organiser organisers organizer organizers forecaster
	forecasters purser pursers brewmaster brewmasters paralegal paralegals promoter promoters agronomist
	agronomists instructor instructors call-taker call-takers freelancer freelancers`)
	l.add(fRole, `observer observers keyholder keyholders bosun bosuns boatswain boatswains mate mates
		baker bakers grader graders rider riders uploader uploaders locum locums linguist linguists
		interpreter interpreters hygienist hygienists sonographer sonographers winemaker winemakers
		vintner vintners usher ushers referee referees umpire umpires commentator commentators
		liftie lifties lifty harbourmaster harbourmasters harbormaster harbormasters deckhand deckhands
		cellarhand cellarhands mgr mgrs housekeeper housekeepers embryologist embryologists andrologist
		andrologists valet valets coss fcstr newbie newbies geotech geotechs gang gangs prepress`)
	l.add(fRole, `yardmaster yardmasters hostler hostlers switchman switchmen diver divers jockey jockeys
		subcontractor subcontractors stagehand stagehands invigilators audiologist audiologists
		phlebotomist phlebotomists pumpman pumpmen millwright millwrights sawyer sawyers biochemist
		biochemists fueller fuellers shot-firer shot-firers banksman banksmen`)
	l.add(fRole|fAmbig, `hand hands tender tenders`) // "the cave hand", "the machine tender"; not "on the other hand", "the tender"
	l.add(fRole, `keeper keepers`)
	l.add(fRole|fAmbig, `loader loaders`)          // "the loader would have read the label", not "the config loader"
	l.add(fRole|fAmbig, `leader leaders`)          // "the module leader's decision", not "the leader node"
	l.add(fRole|fAmbig, `sup sups`)                // "night sup didn't start the CIP"
	l.add(fRole, `mgr mgrs`)                       // "hub mgr told floor to keep inducting"
	l.add(fRole|fAmbig, `processor processors op`) // "the loan processor forgot", not "the payment processor"; "the night op"
	l.add(fPersonMod, `intake reception records counter loan cellar packing vault line pit reservations allergen localisation localization module`)
	l.add(fRole|fAmbig, `publisher publishers`) // "the publisher uploaded", not "the roster publisher"
	l.add(fRole, `trader traders broker brokers dealer dealers editor editors copywriter copywriters
		marketer marketers picker pickers packer packers storekeeper storekeepers surveyor surveyors
		chemist chemists radiographer radiographers dentist dentists vet vets veterinarian
		veterinarians caretaker caretakers curator curators archivist archivists miner miners
		geologist geologists lineworker lineworkers warden wardens ranger rangers buyer buyers
		salesperson salespeople salesman salesmen estimator estimators
		agronomist agronomists concierge concierges bartender bartenders chef chefs cook cooks
		crewmember crewmembers deckhand deckhands stevedore stevedores porter porters
		keeper keepers lookout lookouts shunter shunters fueller fuellers fueler fuelers caseworker
		caseworkers adjuster adjusters subeditor subeditors sub-editor sub-editors journalist
		journalists reporter reporters photographer photographers welder welders
		machinist machinists carpenter carpenters painter painters gardener gardeners farmer farmers
		fisherman fishermen sailor sailors seaman seamen mariner mariners skipper skippers helmsman
		navigator navigators conductor conductors attendant attendants waiter waiters waitress
		barista baristas secretary secretaries assistant assistants paralegal paralegals judge judges
		banker bankers statistician statisticians midwife midwives carer carers caregiver caregivers
		counsellor counsellors counselor counselors coach coaches instructor instructors tutor tutors
		invigilator invigilators examiner examiners assessor assessors headteacher headteachers
		marshaller marshallers trucker truckers haulier hauliers custodian custodians superintendent
		superintendents operative operatives technologist technologists webmaster webmasters
		presenter presenters announcer announcers copilot copilots co-pilot co-pilots landlord
		landlords seller sellers merchant merchants lender lenders insurer insurers regulator
		regulators reseller resellers distributor distributors retailer retailers manufacturer
		manufacturers airline airlines outsourcer outsourcers employer employers
		shopkeeper shopkeepers storeman storemen warehouseman warehousemen packer
		dockworker dockworkers docker dockers crane-driver rigger riggers scaffolder scaffolders
		liaison liaisons cataloguer cataloguers cataloger catalogers wrangler wranglers refueller
		refuellers refueler refuelers merchandiser merchandisers proctor proctors auctioneer
		auctioneers spokesperson spokespeople watchman watchmen brewer brewers artist artists
		cellarman cellarmen groundsman groundsmen lifeguard lifeguards steward stewardess
		plasterer plasterers roofer roofers glazier glaziers locksmith locksmiths optician opticians
		radiologist radiologists anaesthetist anaesthetists anesthesiologist anesthesiologists
		pathologist pathologists phlebotomist phlebotomists orderlies registrant registrants servant servants bank banks newsroom newsrooms chief chiefs postdoc postdocs crews
		signaller signallers man men woman women searcher searchers attendant attendants notary notaries affineur affineurs shotfirer shotfirers`)
	l.add(fPersonMod, `desk support customer service release incident product program project engineering
		duty shift night day weekend human account delivery change on-call oncall site sales team
		office general senior junior new former first second third primary secondary lead tech end
		experienced inexperienced tired careless sloppy same other previous next another responsible
		sre ops devops dba qa it hr pager escalation certain various several some particular
		individual both all remaining affected involved relevant two three four
		depot warehouse factory farm construction care healthcare agency dock ramp store shop plant
		mill yard floor kitchen catering cleaning temporary casual seasonal contract ward clinic
		postal railway frontline front-line field ground hotel restaurant retail help
		impatient inattentive distracted exhausted overworked panicked rushed careless-seeming
		hasty nervous untrained unqualified shipping booking travel ticketing gate check-in claims
		insurance letting estate border customs port news copy managing sub features sports picture
		section deputy assistant video web digital`)
	l.add(fDet, `the a an this that these those my your his her its our their every each all some no
		any both either neither another several many few most one two three four five six seven
		eight nine ten whose which what`)
	l.add(fPrep, `of in on at by for with from to into onto over under during through across about
		against between behind without within via per after before since until till around near
		off up down out upon beyond toward towards despite except like past along among amid`)
	l.add(fConj, `and but or nor yet so plus then`)
	l.add(fSub, `because although though when whenever while after before since until unless if as
		once whereas where whether so_that even_though even_if why`)
	l.add(fRel, `who which that whom whose`)
	l.add(fBe, `be is are was were been being am 's 're 'm`)
	l.add(fHave, `have has had having 've 'd`)
	l.add(fDo, `do does did doing done`)
	l.add(fModal, `will would should could can may might must shall ought 'll wo ca`)
	l.add(fNeg, `not never n't no`)
	l.add(fAdv, `also then just simply only already even ever still again always again really
		actually clearly obviously apparently once twice later soon immediately quickly finally
		eventually initially first originally completely entirely totally fully partly mostly
		probably certainly basically literally unfortunately accidentally mistakenly inadvertently
		repeatedly consistently somehow thus therefore indeed too very anyway`)
	l.add(fVerb|fDiligence, `check checks checked checking verify verifies verified verifying test tests
		tested testing read reads reading follow follows followed following notice notices noticed
		noticing look looks looked looking review reviews reviewed reviewing escalate escalates
		escalated escalating ask asks asked asking confirm confirms confirmed confirming validate
		validates validated validating update updates updated updating notify notifies notified
		notifying page pages paged paging inform informs informed informing wait waits waited
		waiting monitor monitors monitored monitoring double-check double-checked double-checks
		consult consulted heed heeded respond responded answer answered acknowledge acknowledged
		document documented report reported investigate investigated realize realized realise
		realised catch caught remember remembered run ran running take took taken rotate rotated
		renew renewed remove removed disable disabled drain drained communicate communicated
		watch watched bother bothered pay paid glance glanced inspect inspected
		tell told warn warned hand handed try tried attempt attempted backup snapshot snapshotted
		coordinate coordinated plan planned prepare prepared restart restarted roll rolled
		revert reverted alert alerted call called contact contacted proofread rehearse rehearsed
		examine examined re-run re-ran rerun reran re-check re-checked recheck rechecked
		sanity-check sanity-checked look-up spot spotted detect detected respect respected
		calibrate calibrated audit audited understand understood study studied question questioned
		challenge challenged
		understand understood grasp grasped consider considered anticipate anticipated foresee
		foresaw study studied invoke invoked assess assessed handle handled act acted appreciate appreciated mention mentioned raise raised flag
		flagged pass passed forward forwarded relay relayed share shared plan planned train trained
		account accounted log logged record recorded respect respected obey obeyed comply complied
		observe observed apply applied make made perform performed ack acked acking pick picked
		react reacted control controlled supervise supervised enforce enforced schedule scheduled
		adhere adhered`)
	l.add(fVerb|fFail, `fail fails failed failing forgot forget forgets forgotten forgetting neglect
		neglects neglected neglecting ignore ignores ignored ignoring miss misses missed
		overlook overlooks overlooked overlooking skip skips skipped skipping misread misreads
		misjudged misjudge misjudges mistyped mistype disregarded disregard disregards omit omits
		omitted bypass bypasses bypassed circumvent circumvents circumvented dismiss dismisses dismissed
		deviated`)
	l.add(fPastPart, `been done gone seen taken caught written run known made found given thought
		brought built read set put cut shut let hit kept left held told sent spent understood felt met
		paid said sold stood won begun chosen driven eaten fallen forgotten frozen gotten got hidden
		ridden risen shaken spoken stolen torn woken worn drawn grown shown thrown flown blown become
		come lost heard meant led fed bought taught fought sought dealt slept swept wept dug hung
		spun stuck struck rung sung sunk shrunk withdrawn overseen undertaken mistaken rebuilt
		rewritten overridden upheld proofread rerun re-run reran misread
		chose overrode wrote broke drove froze gave grew hid knew rose shook spoke stole swore tore
		wore woke ate beat bit drew fell flew sang sank threw came became began went undid withdrew
		overtook mistook oversaw rewrote swung slid bled fled sped lit lent bent forgot forgotten
		upset overran underwent forbade forgave reset preset offset`)
	l.add(fVerb, `is was were be been are am has have had do did does done go went gone get got
		make made say said know knew think thought see saw come came give gave find found tell told
		become became leave left feel felt bring brought begin began keep kept hold held write wrote
		stand stood hear heard let mean meant set meet met lead led understand understood speak spoke
		spend spent grow grew lose lost fall fell send sent build built sit sat cut put
		deploy deployed deploys deploying push pushed pushes merge merged merges approve approved
		approves enable enabled enables delete deleted deletes restore restored upgrade upgraded
		apply applied applies change changed changes use used uses open opened opens close closed
		start started starts stop stopped stops move moved moves decide decided expect expected
		need needed needs want wanted trust trusted reuse reused copy copied copies flip flipped
		continue continued ship shipped promote promoted cut-over reimage reimaged assume assumed
		wipe wiped expose exposed break broke broken blame blamed blames reply replied mention
		mentioned show showed shows showing cause caused causes causing lie lies lay rest rests
		fall falls bear bears bore accept accepted accepts own owned owns receive received
		`)
	l.add(fEvent, `outage outages incident incidents failure failures breach breaches downtime loss
		exposure error errors mistake mistakes problem problems bug bugs crash crashes deletion
		corruption disruption breakage mess damage issue issues delay delays degradation
		data_loss sev-1 sev1 sev-2 sev2 regression regressions leak leaks miss misses slip slips
		rollback collapse meltdown fiasco disaster overload`)
	l.add(fRemedy, `now since added shipped live introduced built fixed patched replaced installed
		automated enabled created wrote rewrote changed updated deployed merged`)
	l.add(fQuestion, `how what which where when who`)
	l.add(fPlan, `action todo to-do follow-up followup next proposal priority owner fix remediation
		recommendation improvement`)
	l.add(fTimeWord, `utc gmt cet cest pst pdt est edt am pm a.m. p.m.`)
	l.add(fName, namesText)
	// The last line of names.txt holds names that are also common words
	// (mark, grace, max); the others count as names in lower case too, as
	// chat logs write them ("marco forgot the flag").
	lines := strings.Split(strings.TrimSpace(namesText), "\n")
	for _, line := range lines[:len(lines)-1] {
		for _, w := range strings.Fields(line) {
			if l[w]&^fName == 0 {
				l[w] |= fPlainName
			}
		}
	}
	l.add(fTech, techText)
	l.add(fMass, `firmware software hardware middleware bug bugs defect defects
		monitoring alerting paging logging caching tracing traffic replication failover
		failback latency load capacity storage memory cpu disk networking network production staging
		automation tooling documentation communication coordination detection recovery rollback
		rollout deployment deployments configuration config maintenance data power cooling billing
		checkout search login auth authentication authorization dns tls ssl security compliance
		backups backup scheduling routing scaling autoscaling throughput ingestion indexing
		migration migrations provisioning testing qa ci cd retry retries everything nothing
		something anything nobody everybody somebody anybody mitigation resolution impact
		detection trigger summary timeline status severity root rca cause causes analysis
		contributing lessons impact follow-up housekeeping cleanup observability telemetry
		visibility ownership escalation escalations review reviews approval approvals
		validation verification morning evening night midnight noon today yesterday tomorrow
		monday tuesday wednesday thursday friday saturday sunday january february march april may june
		july august september october november december traffic queue queues writes reads
		requests errors timeouts alerts pages deploys releases jobs pods nodes hosts servers
		latencies graphs dashboards probes customers users clients`)
	// The trades' own names for people at work, from abbot to yardman: a
	// word no list above knows is a role ("the groom loaded the horses",
	// "the hauler left the hatch open").
	for _, w := range strings.Fields(rolesText) {
		if l[w] == 0 {
			l[w] = fRole
		}
	}
	return l
}

// personModOK reports whether a modifier keeps an ambiguous role human:
// "the release manager", "the platform lead", "the air traffic controller",
// but not "the storage controller" or "the lock owner".
func (l lexicon) personModOK(mod, head string) bool {
	if l[mod]&(fPersonMod|fRole|fName) != 0 {
		return !(strings.HasPrefix(head, "controller") || strings.HasPrefix(head, "worker") || strings.HasPrefix(head, "handler") || strings.HasPrefix(head, "scheduler")) || humanMods[head][mod]
	}
	if strings.HasPrefix(head, "owner") {
		return !ownedThings[mod]
	}
	if m, ok := humanMods[head]; ok {
		return m[mod]
	}
	return false
}

// wordSet builds a set from a space-separated list.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// departments name the part of an organisation a lead, manager, group or
// board belongs to.
var departments = `operations operational network networking database platform infrastructure security data
	storage systems finance payments billing mobile frontend backend web cloud production technical
	facilities maintenance capacity deploy deployment pipeline service system code feature product
	analytics identity payroll hr it marketing sales legal compliance risk governance architecture
	advisory review approval cab change release program project engineering design research
	night-shift day-shift weekend regional area country team informatics pharmacy clinical editorial
	procurement dispatch scheduling`

// humanMods are the modifiers that make an ambiguous head a person, beyond
// the usual person modifiers.
var humanMods = func() map[string]map[string]bool {
	dept := wordSet(departments)
	m := map[string]map[string]bool{}
	for _, h := range strings.Fields("lead leads manager managers admin admins member members group groups board boards operations support management engineering qa security desk ops infra sales finance legal marketing") {
		m[h] = dept
	}
	m["success"] = wordSet("customer client partner")
	office := wordSet("head back front press regional branch district area compliance finance legal sales programme program project exams exam examinations box ticket admissions registry records registrar admin administration bursary payroll hr it accounts booking dispatch post planning")
	m["office"], m["offices"] = office, office
	ctl := wordSet("air traffic flight ground approach tower area en-route shift duty night human")
	wrk := wordSet("cellar bottling packing assembly sorting facilities site field maintenance warehouse factory plant shift night temp contract construction utility council farm dock rail railway student casual part-time seasonal agency office clinic ward care health social volunteer hourly depot yard store postal delivery ramp baggage")
	m["controller"], m["controllers"] = ctl, ctl
	hnd := wordSet("baggage luggage cargo freight parcel mail call claims claim complaints case ground ramp")
	m["handler"], m["handlers"] = hnd, hnd
	brk := wordSet("customs insurance mortgage stock freight ticket energy power commodity estate property business shipping yacht trade")
	m["broker"] = brk
	sch := wordSet("shift night duty rota roster staff")
	m["scheduler"], m["schedulers"] = sch, sch
	m["worker"], m["workers"] = wrk, wrk
	op := wordSet("control room plant station console switchboard crane machine forklift radio telephone night shift duty human equipment grid")
	m["operator"], m["operators"] = op, op
	tech := wordSet("field support lab site network helpdesk desk it hardware datacenter data-centre data-center repair service on-site onsite night shift")
	m["tech"], m["techs"] = tech, tech
	hand := wordSet("cave cellar deck farm ranch stage mill yard night day extra hired new field dock factory kitchen stable")
	m["hand"], m["hands"] = hand, hand
	tender := wordSet("machine back bar lock bridge boiler furnace kiln pump gate crossing")
	m["tender"], m["tenders"] = tender, tender
	staff := wordSet("new office night cleaning security site building")
	for _, h := range []string{"starter", "starters", "cleaner", "cleaners", "guard", "guards", "builder", "builders"} {
		m[h] = staff
	}
	return m
}()

// ownedThings are what an owner can be of in software: a lock, a row.
var ownedThings = wordSet("thread lock row file process lease mutex key object partition shard record job task resource handle socket port")

// withRoles returns a lexicon that also knows the given role words; a
// multi-word role ("release captain") adds its last word as a role.
func (l lexicon) withRoles(roles []string) lexicon {
	if len(roles) == 0 {
		return l
	}
	m := make(lexicon, len(l)+len(roles))
	for k, v := range l {
		m[k] = v
	}
	for _, r := range roles {
		f := strings.Fields(strings.ToLower(r))
		if len(f) == 0 {
			continue
		}
		m[f[len(f)-1]] |= fRole
		for _, mod := range f[:len(f)-1] {
			m[mod] |= fPersonMod
		}
	}
	return m
}
