package lint

import "testing"

func TestPersonCause(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"because a person, nothing else", "ok correction, whole thing is because Gareth released the payment file early, nothing else", idPersonCause},
		{"caused solely by a person doing", "Publishing outage caused solely by editor deleting the shared template.", idPersonCause},
		{"a person's act, that's the whole incident", "tl;dr Hana ran the migration on prod by hand, that's the whole incident", idPersonCause},
		{"a person acts after the one cause", "The outage had a single cause: a researcher overwrote the shared reference files.", idPersonCause},
		{"one cause only, then a person", "Our investigation found one cause only: a payments engineer turned off duplicate detection to speed up a migration.", idPersonCause},
		{"a person's act with a possessive", "it's the contractor's cable pull in rack B4, that's the one and only reason the feed died", idPersonCause},
		{"single cause right there", "single cause right there: contractor wired cell 3 backwards", idPersonCause},
		{"the moment a person edited", "The checkout outage began the moment Farid edited the tax rules directly in the admin console.", idPersonCause},
		{"minutes after a person decided", "The card network went dark about ten minutes after Lena decided to reuse the old certificate bundle.", idPersonCause},
		{"after a person was paged", "The outage began shortly after the on-call engineer was paged.", ""},
		{"errors dropped after a restart", "Errors dropped two minutes after Priya restarted the pod.", ""},
		{"after the pipeline pushed", "The outage began two minutes after the pipeline pushed build 118.", ""},
		{"an act by a person as the root cause", "The root cause was a config push by the on-call engineer.", idPersonCause},
		{"an act by a person before the framing", "Duplicate submission by batch operator identified as root cause.", idPersonCause},
		{"a person's inaction as the cause", "Underlying cause: duty manager inaction.", idPersonCause},
		{"traced the root cause to a person", "We traced the root cause to Tomasz disabling the retention guard last week.", idPersonCause},
		{"root-caused to a role", "Excursion root-caused to integrator uploading outdated PLC program.", idPersonCause},
		{"root cause: a department did", "Root cause: maintenance skipped bladder inspection.", idPersonCause},
		{"root cause: a scheduler did", "Root cause: scheduler retried a batch job that had already committed.", idSingleCause},
		{"a person's deploy broke", "Daniel's deploy broke search for an hour.", idPersonCause},
		{"our interns' changes broke", "Our interns' changes broke the build twice; both times the pre-merge checks were bypassed by an admin override.", ""},
		{"a day's deploy broke", "Tuesday's deploy broke search for an hour.", ""},
		{"a rollback made by the team", "The rollback was made by the team at 21:45 and the service was back at 21:52.", ""},
		{"a mess made by the contractor", "The mess was made by the night contractor.", idPersonCause},
		{"a page editor", "Status updates delayed because status page editor required SSO, which was down.", ""},
		{"sole cause person", "The sole cause of the data loss was the engineer who ran the cleanup job.", idPersonCause},
		{"a person's act with a modifier", "The outage was caused by the contractor's firewall edit.", idPersonCause},
		{"the doing of", "The data loss was entirely the doing of one administrator who ran the cleanup script.", idPersonCause},
		{"a single thing: an act", "The checkout errors were caused by a single thing: the release manager's restart.", idPersonCause},
		{"nothing but hesitation", "The late warning was caused by nothing but the duty manager's hesitation.", idPersonCause},
		{"gerund", "The single cause of the outage was Ben pushing an untested config straight to production.", idPersonCause},
		{"decision", "The primary root cause was the operations team's decision to skip the pre-change checklist.", idPersonCause},
		{"our failure", "The fundamental root cause, we now know, was the platform team's decision to skip the restore test.", idPersonCause},
		{"colon clause", "The root cause was simple: our engineer pushed an untested change straight to production.", idPersonCause},
		{"one action, then a role acting", "Checkout outage traced to one action: a platform engineer force-pushing the release branch.", idPersonCause},
		{"one thing, then a name", "All the trouble come from one thing: Tereza has type 500 instead of 50 in the limits file.", idPersonCause},
		{"a cause logged, then a person with an initial", "09:12 root cause logged: dispatcher K. Mensah cleared the whole queue", idPersonCause},
		{"a person with an initial as the cause", "Underlying cause was J. Alvarez running the export job twice.", idPersonCause},
		{"an act made by a person, far after the framing", "The one reason for the stock mismatch in the Leeds depot is the bulk edit made by Fatima.", idPersonCause},
		{"the outage began when a person edited", "Courier-dispatch outage began when D. Okafor edited the zone config at 18:04.", idPersonCause},
		{"removed by a person, dark shortly afterwards", "The firewall rule was removed by Siddharth, and the booking site went dark shortly afterwards.", idPersonCause},
		{"the outage began when the pipeline pushed", "The outage began when the pipeline pushed build 118.", ""},
		{"a rollback by a person, errors fell afterwards", "The rollback was done by Priya at 14:02, and shortly afterwards the error rate fell.", ""},
		{"the single cause of it was that a person did", "The single cause of the mess at the depot was that Tunde uploaded the price file in pence.", idPersonCause},
		{"the single cause of it was that a file carried", "The single cause of the mess at the depot was that the price file carried pence.", idSingleCause},
		{"one action by a system", "Outage traced to one action: the scheduler restarting every worker at once.", idSingleCause},
		{"an initial before a place", "Underlying cause was the disk of rack B. Nothing else failed.", idSingleCause},
		{"heading", "Root cause of the payroll delay: the HR analyst uploaded the previous month's file.", idPersonCause},
		{"prolonged by", "The outage was prolonged by the engineering team's decision to proceed despite warnings.", idPersonCause},
		{"down to", "The ISP's outage was down to a technician who rebooted the core switch.", idPersonCause},
		{"plain cause", "The cause was the ops engineer, who applied the patch to production.", idPersonCause},
		{"lies with", "The ultimate root cause lies with the hosting company's support agent.", idPersonCause},
		{"result of", "The blackout was the result of an error by a technician configuring the core network.", idHumanError},

		{"a person's change named before the root cause", "cool so Bogdan's rebase is the root cause, we can all go home", idPersonCause},
		{"a role named as the real culprit", "The night operator was the real culprit.", idPersonCause},
		{"a role behind a company word", "For the board: the single root cause was a nurse call vendor engineer who left diagnostic mode enabled.", idPersonCause},
		{"a person named as a cause among others", "Marco's restart was one cause among several.", ""},
		{"a person's thing that is not the cause", "Marco's laptop was not the root cause.", ""},
		{"rc = a chat name's map", "08:30 @nils: rc = kev's hand-edited modbus map. nothing else to it", idPersonCause},
		{"root cause = a chat name doing", "06:44 <fenna> root cause = piet pulling the wrong cable. end of story", idPersonCause},
		{"root cause is a name's change", "07:07 root cause is gareth's threshold change. nothing else to see", idPersonCause},
		{"rc = a pool", "rca: pool maxed on corelink adapter. that's it, that's the rca", idSingleCause},
		{"rc = a signing key", "rca: receipt signing key rotated and old one purged. that's it", idSingleCause},
		{"a message broker as the culprit", "confirmed: single culprit was the kafka broker on node 7", idSingleCause},
		{"root cause is literally a person doing", "14:02 root cause is literally just dmitri rerunning the import twice", idPersonCause},
		{"a single cause, namely a team doing", "The delay had a single cause, namely the facilities team switching off the chiller.", idPersonCause},
		{"one root cause, which was a role leaving", "For the board: one root cause, which was the duty manager leaving the rota unstaffed.", idPersonCause},
		{"root cause = a handle", "root cause = @omar. enough said", idPersonCause},
		{"system cause", "The delay was caused by a missing index on the orders table.", ""},
		{"firmware", "We believe the partition storm was caused by the switch firmware update the provider rolled out that night.", ""},
		{"carrier system", "The SMS delays were caused by the carrier throttling the sender ID after a volume spike.", ""},
		{"operator error modifier", "One cause was an operator console that accepted any host.", ""},
		{"phone", "One cause was that the on-call engineer's phone was on silent.", ""},
	})
}

// TestPersonCauseNotOnGaps checks that a gap named as the root cause is
// root-cause framing but no blame.
func TestPersonCauseNotOnGaps(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"The underlying root cause is that we had no staging environment for the geo-router.",
		"The real root cause was that nobody owned the warehouse-etl job.",
		"Everything boils down to one cause: we had no backpressure.",
		"The config change is the root cause.",
		"root cause = @renovate-bot bumping the driver",
		"Root cause: the payment provider's regional outage.",
		"root cause = vendor firmware regression, closing",
		"Root cause: nobody owned the renewal job.",
		"The vendor's patch was the root cause.",
		// chat's shorthand and a machine's act after "root cause:"
		"rca: pool maxed on corelink adapter. that's it, that's the rca",
		"rca: receipt signing key rotated and old one purged. that's it",
		"confirmed: single culprit was the kafka broker on node 7",
		"11:05 <hana> root cause = daylight saving shift in the read scheduler. nothing else to it",
		"Root cause: scheduler retried a batch job that had already committed.",
	} {
		if b, r := classify(l, text); b || !r {
			t.Errorf("%q: blame %v, root-cause %v; want root-cause only", text, b, r)
		}
	}
}

// TestPersonCauseNotAJob: a program's act after a possessive is no
// person's, though the sentence names one cause.
func TestPersonCauseNotAJob(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"The outage was caused by the scheduler's restart at midnight.",
		"The late alerts were caused by nothing but the exporter's upload queue.",
	} {
		for _, f := range l.Lint("case.md", []byte(text)) {
			if f.Rule == idPersonCause {
				t.Errorf("%q: a program's act named as a person's: %s", text, f.Message)
			}
		}
	}
}

func TestPersonCauseFrames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"root cause equals", "root cause = dave. that's it.", idPersonCause},
		{"slow reaction of", "The only cause of the long outage was the slow reaction of the on-call engineer.", idPersonCause},
		{"mismanagement by", "The report found that the sole cause of the backlog was mismanagement by senior officials.", idPersonCause},
		{"misreading", "We identified the root cause as Hiroshi's misreading of the capacity graph.", idPersonCause},
		{"at the heart of", "At the heart of the problem was the rostering team's neglect of the manual procedure.", idPersonCause},
		{"the real reason … is that", "The real reason we lost the master recording is that the sound engineer didn't back it up.", idPersonCause},
		{"the one cause here is", "the one cause here is QA not testing the sale build, period", idPersonCause},

		{"management told a committee", "The pilots' union and the airline's management both told the committee that the meltdown had many causes.", ""},
	})
	// One cause, but a system's: the framing is flagged, no person is.
	l := mustLinter(t)
	for _, text := range []string{
		"At the heart of the problem was a retry loop with no backoff.",
		"The real reason the queue grew is that the consumer had no backoff.",
	} {
		for _, f := range l.Lint("case.md", []byte(text)) {
			if f.Category == Blame {
				t.Errorf("%q: want no blame, got %s", text, f.Rule)
			}
		}
	}
}

// TestActByThingNotBlame: a one-cause framing whose act is a thing's, or a
// thing a role merely uses, is root-cause framing only, not blame.
func TestActByThingNotBlame(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"The root cause was a config push by the deploy pipeline.",
		"Everything comes back to one expired OAuth token used by the display fleet manager.",
		"The provider's DNS change was the one and only reason the feed died.",
		"The root cause was the parser, which choked on a date the vendor's export started using.",
		"The root cause: cache expired before the refresh.",
		"The migration ran on the old schema, that's the whole incident.",
	} {
		blame, rootCause := false, false
		for _, f := range l.Lint("case.md", []byte(text)) {
			blame = blame || f.Category == Blame
			rootCause = rootCause || f.Category == RootCause
		}
		if blame || !rootCause {
			t.Errorf("%q: blame %v, root cause %v; want root cause only", text, blame, rootCause)
		}
	}
}
