package lint

import "testing"

func TestHumanError(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"human error", "Human error caused the outage.", idHumanError},
		{"operator error", "The failed cutover was operator error.", idHumanError},
		{"user error", "Support closed the ticket as user error.", idHumanError},
		{"pilot error", "It was a classic case of pilot error.", idHumanError},
		{"error by person", "An error by the on-call engineer deleted the volume.", idHumanError},
		{"pebkac", "The ticket was closed as PEBKAC.", idHumanError},

		{"error budget", "The error budget for checkout was exhausted by 11:00.", ""},
		{"human-in-the-loop", "The human-in-the-loop review added four minutes.", ""},
		{"user errors metric", "User errors rose to 4% after the release.", ""},
		{"user error message", "The user error message now names the invalid field.", ""},
		{"human factors", "Human factors research informed the redesign.", ""},
		{"not human error", "This was not human error: the console offered no confirmation.", ""},
	})
}
