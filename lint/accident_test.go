package lint

import "testing"

func TestAccident(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a job launched by mistake, no one named", "Recalculation job launched against live records by mistake; the target was meant to be the test copy.", idAccident},
		{"a job on the wrong shard, explained", "The billing export ran against the wrong customer's shard because the shard map had not been refreshed.", ""},
		{"applied incorrectly by a job", "Allowlist update applied incorrectly by import job; job validation added.", ""},
		{"receiving by error", "Some member was receiving the expiry email by error, we send a correction with apology the same day.", ""},
		{"a shipping agent's wrong entry", "The shipping agent entered an incorrect container weight on the manifest.", idAccident},
		{"an operator resource", "The Kubernetes operator entered an incorrect state after the upgrade.", ""},
		{"to an incorrect peer", "Engineer committed route filter to incorrect BGP peer.", idAccident},
		{"out of sequence", "Administrator performed key rotation out of documented sequence.", idAccident},
		{"job out of order", "The job applied the migrations out of order.", ""},
		{"incomplete file", "Partner warehouse team uploaded incomplete stock file, causing phantom availability.", idAccident},
		{"export incomplete", "The export contained incomplete records.", ""},
		{"in place of", "Thomas restarted the production server in place of the test server.", idAccident},
		{"identified the wrong rule", "Valeria identified the wrong rule and disabled it.", ""},
		{"bare perfect", "My colleague Kwabena has upload the test file to the production server by error.", idAccident},
		{"bare perfect, plan", "We have update the runbook with the new steps.", ""},
		{"adverb", "Dmitri mistakenly ran the cleanup script against prod-eu-1.", idAccident},
		{"inadvertently", "A member of the security team inadvertently revoked certificates used by production services.", idAccident},
		{"by mistake", "Priya ran the reindex in the wrong directory by mistake.", idAccident},
		{"by mistake after an adverb of time", "The lecturers have opened the exam one day before by mistake.", idAccident},
		{"by mistake first", "Keiko by mistake ran the backfill with the production API key.", idAccident},
		{"assumed incorrectly", "The storage team assumed, incorrectly, that nobody still read the v1 bucket.", idAccident},
		{"wrong object", "Sven unplugged the wrong power cable in rack B14.", idAccident},
		{"wrong place", "Engineer ran terraform destroy in the wrong directory.", idAccident},
		{"relative", "In the end it was me who typed the wrong cluster name.", idAccident},
		{"participle subject", "At 10:09 the engineer driving the failover accidentally cordoned the healthy zone.", idAccident},
		{"slip verb", "The administrator who misconfigured the bucket left it public.", idAccident},
		{"organisation", "The support organisation inadvertently communicated an incorrect restoration time.", idAccident},
		{"instead of, other target", "Tomasz drained the healthy pool instead of the degraded one.", idAccident},
		{"instead of, number", "The release manager pushed build 4411 instead of 4410.", idAccident},
		{"by error", "The technician has remove the backup disk by error.", idAccident},
		{"believing", "A consultant wiped the second disk believing it was the spare.", idAccident},
		{"value wrong", "The on-call engineer set the retry limit wrong, so the queue never drained.", idAccident},

		{"system adverb", "The scheduler mistakenly marked the node as healthy after the kubelet reconnected.", ""},
		{"system wrong", "The cleanup script deleted the wrong prefix because the variable was empty.", ""},
		{"agentless passive", "The wrong region was selected by default in the console.", ""},
		{"wrong as subject", "The wrong certificate was served because SNI matched a wildcard first.", ""},
		{"predicate wrong", "The SRE followed the runbook exactly, and the runbook was the thing that was wrong.", ""},
		{"denied", "No one ran the wrong command; the command did something nobody expected.", ""},
		{"the wrong question", "Who made the mistake was the wrong question to ask, the review agreed.", ""},
		{"a wrong object found", "Thanks to Zainab, who found the wrong timezone in minutes.", ""},
		{"a wrong object reported", "Buyers reported the wrong car photos on 212 listings.", ""},
		{"a wrong object used", "Tom used the wrong picture in the banner.", idAccident},
		{"adjective", "A mislabelled fibre patch lead connected the circuit to the wrong port.", ""},
		{"error state", "The pods stayed in error state for ten minutes.", ""},
		{"instead of, a way of working", "Amara paged the storage team instead of debugging alone.", ""},
		{"instead of, a system", "The template rendered the staging host instead of the production one.", ""},
		{"instead of, we decided", "We drained the zone instead of the single node, as the runbook asks.", ""},
		{"believing, a system", "The balancer kept routing to the node, believing it was healthy.", ""},
		{"wrong, a system", "The importer read the date wrong for every row after March.", ""},
	})
}

func TestBrokenHandedOn(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"supplied incorrect data", "One of the restaurant partners supplied incorrect allergen data.", idAccident},
		{"uploaded corrupted files", "Publisher uploaded corrupted files and ignored validation warnings.", idAccident},
		{"deployed a broken build", "The new hire deployed a broken build to production.", idAccident},

		{"replaced the faulty part", "The vendor's technicians replaced the faulty controller at 09:15.", ""},
		{"a job", "The nightly job uploaded corrupted files.", ""},
		{"the writer", "We shipped a broken build.", ""},
		{"a pipeline", "The pipeline deployed a broken build.", ""},
	})
}

func TestMisinformed(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"gave customers wrong info", "cs gave customers wrong info about double charges for the first 30 min", idAccident},
		{"giving wrong informations", "The support agents were giving wrong informations to the customers all morning.", idAccident},
		{"told them it was resolved when it was not", "Our support team told at least forty customers that the issue was resolved when it was not.", idAccident},

		{"a true all-clear", "We told customers it was fixed at 10:30, and it was.", ""},
		{"a status page", "The status page gave customers wrong information because the check was stale.", ""},
		{"a plain update", "Support told customers the fix was rolling out.", ""},
	})
}

func TestAnyoneWouldHave(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"anyone would've picked wrong", "tbh the script made prod and staging look identical, anyone would've picked wrong", ""},
		{"the on-call picked wrong", "the on-call picked the wrong cluster", idAccident},
	})
}
