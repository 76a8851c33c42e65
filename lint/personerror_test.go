package lint

import "testing"

func TestPersonError(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a person's work graded", "Nadia's untested script deleted the rows.", idPersonError},
		{"a vendor's API errors", "The vendor's API errors spiked at noon.", ""},
		{"a crash someone introduced", "Release 4.2 fixed the crash Tomas introduced.", idPersonError},
		{"a decision as the mistake", "His decision to skip the canary was the mistake.", idPersonError},
		{"made by", "The outage was caused by a configuration mistake made by one of our network engineers.", idPersonError},
		{"typo by", "A typo by our DBA in the grant statement removed SELECT from the reporting role.", idPersonError},
		{"on the part of", "The schema drift was an oversight on the part of the analytics team.", idPersonError},
		{"possessive", "Outage resulted from an engineer's misconfiguration of the health check path.", idPersonError},
		{"his", "The delay was his mistake, not the tool's.", idPersonError},
		{"administrative", "The incident resulted from an administrative oversight.", idPersonError},
		{"clerical", "The payroll delay was caused by a clerical error in the submission file.", idPersonError},
		{"made a", "Analysts at the bank made a data-entry error that published stale rates.", idPersonError},
		{"did a mistake", "The DBA did a mistake in the migration script.", idPersonError},
		{"slip adjective", "Mis-keyed command from the on-call engineer removed the routing table.", idPersonError},
		{"our part", "Our failure to renew the domain was an embarrassing oversight on our part.", idSelfBlame},

		{"typo in file", "A typo in the config file set the limit to 10.", ""},
		{"error rate", "The error rate rose to 4% by 02:30.", ""},
		{"errors by region", "Errors by region are shown on the second panel.", ""},
		{"config error", "A configuration error in the release package limited concurrent sessions.", ""},
		{"denied", "There was no mistake by the on-call engineer; the page never arrived.", ""},
		{"system's error", "The parser's error message named the wrong field.", ""},
		{"made no mistake", "I want to be clear that Ravi made no mistake; the form accepted the value.", ""},
	})
}

func TestRoleAndNameErrors(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"role before the error", "The edge outage was caused by engineer misconfiguration.", idPersonError},
		{"a chat name's typo", "found it. kev's typo in the routing map", idPersonError},

		{"human error denied", "This was not classified as human error; the tool allowed the change without confirmation.", ""},
		{"a parser's typo handling", "The parser's typo handling was weak.", ""},
		{"a team error budget", "The team error budget was spent by Tuesday.", ""},
		{"its oversight of", "The regulator will examine the chain's oversight of the app agency.", ""},
	})
}
