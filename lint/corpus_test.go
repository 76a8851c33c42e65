package lint

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/debrief/debrief/config"
)

// showMisses prints the misclassified sentences of the tuning splits. The
// validation and held-out splits never print sentences, only their figures:
// they are the check that the rules were not tuned to the sentences they are
// measured on.
var (
	showMisses  = flag.Bool("corpus.show", false, "print misclassified sentences of the tuning splits")
	unseenSplit = flag.Bool("corpus.unseen", false, "measure each tuning split with a blame model trained without it")
)

// A sentence's label says which kinds of framing it holds: blame,
// root-cause, both (blame+root-cause) or neither (clean).
type corpusLine struct {
	blame, rootCause bool
	text             string
	line             int
}

func (c corpusLine) clean() bool { return !c.blame && !c.rootCause }

func readCorpus(t *testing.T, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: want label<TAB>sentence", path, n)
		}
		c := corpusLine{text: text, line: n}
		switch label {
		case "blame":
			c.blame = true
		case "root-cause":
			c.rootCause = true
		case "blame+root-cause":
			c.blame, c.rootCause = true, true
		case "clean":
		default:
			t.Fatalf("%s:%d: unknown label %q", path, n, label)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// classify lints one sentence as a Markdown file and reports whether any
// blame and any root-cause finding was made.
func classify(l *Linter, text string) (blame, rootCause bool) {
	for _, f := range l.Lint("corpus.md", []byte(text)) {
		switch f.Category {
		case RootCause:
			rootCause = true
		case Blame:
			blame = true
		}
	}
	return blame, rootCause
}

// corpusFigures are one split's results.
type corpusFigures struct {
	blame, blameHit  int // sentences labelled blame, and those with a blame finding
	cause, causeHit  int // the same for root-cause
	clean, cleanFP   int // clean sentences, and those with any finding
	blameOnCauseOnly int // root-cause-only sentences that also got a blame finding
	causeOnBlameOnly int // blame-only sentences that also got a root-cause finding
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (f corpusFigures) blameRecall() float64 { return ratio(f.blameHit, f.blame) }
func (f corpusFigures) causeRecall() float64 { return ratio(f.causeHit, f.cause) }
func (f corpusFigures) fpRate() float64 {
	if f.clean == 0 {
		return 0
	}
	return float64(f.cleanFP) / float64(f.clean)
}

func (f corpusFigures) String() string {
	return fmt.Sprintf("blame recall %.3f (%d of %d), root-cause recall %.3f (%d of %d), false positives on clean %.4f (%d of %d); blame on root-cause-only %d, root-cause on blame-only %d",
		f.blameRecall(), f.blameHit, f.blame, f.causeRecall(), f.causeHit, f.cause, f.fpRate(), f.cleanFP, f.clean,
		f.blameOnCauseOnly, f.causeOnBlameOnly)
}

// measure lints every sentence of a split. miss is called for each
// misclassified sentence, or is nil for splits whose sentences must not be
// shown.
func measure(l *Linter, lines []corpusLine, miss func(c corpusLine, blame, rootCause bool)) corpusFigures {
	return measureWith(func(text string) (bool, bool) { return classify(l, text) }, lines, miss)
}

// measureWith measures any classifier of sentences, such as the keyword
// baseline.
func measureWith(classify func(text string) (blame, rootCause bool), lines []corpusLine, miss func(c corpusLine, blame, rootCause bool)) corpusFigures {
	var f corpusFigures
	for _, c := range lines {
		b, r := classify(c.text)
		if c.blame {
			f.blame++
			if b {
				f.blameHit++
			}
		}
		if c.rootCause {
			f.cause++
			if r {
				f.causeHit++
			}
		}
		if c.clean() {
			f.clean++
			if b || r {
				f.cleanFP++
			}
		}
		if c.rootCause && !c.blame && b {
			f.blameOnCauseOnly++
		}
		if c.blame && !c.rootCause && r {
			f.causeOnBlameOnly++
		}
		if miss != nil && (c.blame != b || c.rootCause != r) {
			miss(c, b, r)
		}
	}
	return f
}

// corpusSplits: the rules and the model are tuned on the splits marked
// tune; the others are only ever measured. Each split's first figures, below,
// were measured before anything was tuned on it. The floors are the
// targets on dev, team and public, and the figures reached, rounded down,
// on the others. tune-a and
// tune-b came after heldout-2 from two more authors, in sixteen voices, to
// tune on what heldout-2 showed; since then heldout-2 is a second
// validation split. heldout-2 was written by an author who had seen neither the
// rules nor the corpus, in nine voices, and measured once, with the rules
// frozen: blame 0.590, root cause 0.771, false positives 1.45 %. Its floors
// guard those figures; its sentences are never printed. heldout-3 came from
// a fourth author, in eight voices, and was measured once after the rules
// and the model were frozen: blame 0.696, root cause 0.889, false positives
// 1.00 %. tune-c came next from a fifth author, in six voices; measured
// before anything was tuned on it, it read blame 0.685, root cause 0.840,
// false positives 1.27 %, and it has been tuned on since. heldout-4 came
// from a sixth author, who had seen neither the rules nor the corpus, in six
// voices, and was measured once with the rules and the model frozen: blame
// 0.765, root cause 0.868, false positives 3.03 % (12 of 396). tune-d came
// from a seventh author, in the voices of terse summaries, chat, managers
// and second-language writers; measured before anything was tuned on it, it
// read blame 0.711, root cause 0.814, false positives 4.40 % (22 of 500)
// with the rules of main, and blame 0.720, root cause 0.852, false
// positives 4.40 % with the root-cause, accident and without rules of that
// week, which had been tuned on the other splits only. heldout-5 came from
// an eighth author, who had seen neither the rules nor the corpus, in six
// voices, and was measured once with the rules and the model frozen after
// tuning on tune-d: blame 0.813 (205 of 252), root cause 0.957 (154 of
// 161), false positives 5.28 % (19 of 360); the rules alone 0.722, 0.957,
// 5.28 %; the keyword baseline 0.337, 0.789, 19.7 %. It became a tuning
// split (tune-5) for the next round. heldout-6 came from a ninth author,
// who had seen neither the rules nor the corpus, in six voices, and was
// measured once with the rules and the model frozen after tuning on
// tune-5: blame 0.738 (186 of 252), root cause 0.788 (123 of 156), false
// positives 3.33 % (12 of 360); the rules alone 0.694, 0.788, 2.50 %; the
// keyword baseline 0.190, 0.340, 23.1 %. heldout-7 came from a tenth
// author, in the same six voices, and was measured once right after,
// nothing changed: blame 0.654 (83 of 127), root cause 0.603 (47 of 78),
// false positives 3.33 % (6 of 180); the rules alone 0.567, 0.603, 3.33 %;
// the keyword baseline 0.213, 0.141, 15.6 %. tune-e, 1,000 sentences from an
// eleventh author in the same voices, arrived last and was measured before
// anything was tuned on it: blame 0.767 (270 of 352), root cause 0.847
// (188 of 222), false positives 3.82 % (19 of 498); the rules alone 0.690,
// 0.847, 3.61 %; the keyword baseline 0.247, 0.459, 17.9 %. The round after,
// heldout-6, heldout-7 and tune-e became tuning splits, and so did the
// older validation, heldout-2, heldout-3 and heldout-4: two new held-out
// sets took their place. tune-f, tune-g and tune-h, 2,495 sentences from
// three more authors (subtle blame in software companies; chat and
// second-language writers; other organisations' incidents), were measured
// halfway through that round, before anything was tuned on them: blame
// 0.728, 0.708, 0.798; root cause 0.862, 0.874, 0.672; false positives
// 3.25 %, 2.29 %, 2.39 %; the keyword baseline 0.243, 0.255, 0.317 blame.
// tune-i, tune-j and tune-k, 2,551 sentences from three more authors
// (physical operations; leaders and reviewers; short timeline, status and
// chat lines), measured later the same way: blame 0.687, 0.771, 0.719; root
// cause 0.939, 0.847, 0.948; false positives 4.30 %, 4.23 %, 5.01 %; the
// keyword baseline 0.282, 0.270, 0.259 blame and 10.6 %, 12.3 %, 12.2 %
// false positives. tune-l, tune-m and tune-n, 2,508 sentences from three
// more authors (close pairs of blame and its blameless retelling;
// second-language writers; long first-person sentences), measured the same
// way: blame 0.712, 0.818, 0.757; root cause 0.872, 0.893, 0.886; false
// positives 5.00 %, 1.96 %, 7.48 %; the keyword baseline 0.296, 0.352,
// 0.269 blame and 15.9 %, 6.5 %, 17.5 % false positives. heldout-8 (720
// sentences) and heldout-9 (610), from two authors who saw neither the rules
// nor the corpus, were written at the start of that round and measured
// once at its end, with the rules and the model frozen: blame 0.859 (214 of
// 249) and 0.854 (176 of 206), root cause 0.854 (169 of 198) and 0.925 (148
// of 160), false positives 2.79 % (10 of 359) and 1.61 % (5 of 311); the
// rules alone 0.731 and 0.757 blame; the keyword baseline 0.297 and 0.345
// blame, 0.460 and 0.631 root cause, 13.4 % and 14.1 % false positives.
// Their floors guard those figures; their sentences are never printed.
// The next round, heldout-8 and heldout-9 became tuning splits (tune-8,
// tune-9), and two new held-out sets took their place. tune-o, 800
// sentences from a new author (terse public summaries and
// executive summaries in banking, insurance, retail, ride hailing,
// healthcare scheduling, ground stations and news), was measured before
// anything was tuned on it: blame 0.651 (196 of 301), root cause 0.906
// (145 of 160), false positives 1.49 % (6 of 403); the rules alone 0.571;
// the keyword baseline 0.266, 0.375, 7.69 %. heldout-10 (750 sentences),
// written at the start of that round by an author who saw neither the
// rules nor the corpus, in six voices across airlines, hotels, streaming,
// municipal services, pharmaceutical manufacturing, marketplaces, telecoms
// and payroll, was measured once at its end with the rules and the model
// frozen: blame 0.772 (220 of 285), root cause 0.900 (135 of 150), false
// positives 1.07 % (4 of 375); the rules alone 0.660, 0.900, 0.80 %; the
// keyword baseline 0.323, 0.547, 9.33 %. Its floor guards those figures;
// its sentences are never printed. heldout-12 (600 sentences), from an
// author who saw neither the rules nor the corpus (a hospital pharmacy,
// sports streaming, a student-loan servicer, a 3D-printing marketplace,
// airport baggage, gyms, translation, lottery terminals), arrived at the
// end of the next round, which tuned on the tuning splits only, and was
// measured once with the rules and both models frozen: blame 0.747 (171
// of 229), root cause 0.748 (89 of 119), false positives 1.00 % (3 of
// 301); the rules alone 0.633, 0.731, 1.00 %; without the root-cause
// model 0.747, 0.731; the engine before that round (1b70790) 0.729, 0.731,
// 1.00 %; the keyword baseline 0.275, 0.202, 8.97 %. heldout-11 (750
// sentences), written during that round by another author who saw
// neither the rules nor the corpus, was kept unread and measured once at
// the start of the next, with nothing changed: blame 0.717 (203 of 283),
// root cause 0.914 (138 of 151), false positives 0.80 % (3 of 376); the
// rules alone 0.608, 0.834, 0.80 %; the keyword baseline 0.279, 0.424,
// 7.98 %. Then it became a tuning split, tune-11. With that round's rules
// and the models retrained with it, heldout-10 reads blame 220 of 285 and
// root cause 139 of 150, heldout-12 blame 173 of 229 and root cause 92 of
// 119; the floors follow (heldout-10's blame floor sits a sentence lower,
// where one retraining of the models left it). heldout-13 (350
// sentences), written at the start of the next round by an author who saw
// neither the rules nor the corpus (airline crew scheduling, grocery
// delivery, insurance claims, a mobile game studio), was measured once at
// that round's end with the rules and both models frozen: blame 0.740 (114
// of 154), root cause 1.000 (70 of 70), false positives 1.30 % (2 of 154);
// the rules alone 0.623, 0.986, 1.30 %; the engine before that round
// (ee5ca27) 0.734, 1.000, 1.30 %; the keyword baseline 0.292, 0.743,
// 5.84 %. heldout-14 (350 sentences), from a second author written at the
// same time who saw neither (a city transit fare system, a regional
// telecom, a pension fund's member portal, a hotel chain's booking and key
// cards), was measured once with the same engine: blame 0.617 (92 of 149),
// root cause 0.957 (67 of 70), false positives 0.63 % (1 of 159); the
// rules alone 0.510, 0.914, 0.63 %; the engine before the round the same
// as after; the keyword baseline 0.295, 0.614, 4.40 %. Their floors guard
// those figures; their sentences are never printed. Then both became
// tuning splits (tune-13, tune-14). heldout-15 (350 sentences), from a
// third author commissioned once they were measured (a mortgage lender's
// portal, music streaming, a university hospital's lab systems, a
// container shipping line, a weather radar network), was measured once at
// the end of that round with the rules and both models frozen: blame 0.625
// (90 of 144), root cause 0.857 (60 of 70), false positives 1.23 % (2 of
// 163); the rules alone 0.521, 0.814, 0.61 %; the engine before the round
// (ee5ca27) 0.632, 0.857, 1.23 %; the keyword baseline 0.215, 0.371,
// 4.91 %. heldout-16 (350 sentences), from a fourth author given the same
// companies and voices, arrived just after and was measured once with the
// same engine: blame 0.597 (89 of 149), root cause 0.986 (68 of 69), false
// positives 0.62 % (1 of 161); the rules alone 0.477, 0.986, 0.62 %; the
// engine before the round 0.577, 0.986, 0.62 %; the keyword baseline
// 0.181, 0.406, 6.83 %. Their floors guard those figures; their sentences
// are never printed. heldout-17 (350 sentences), from a fifth author who
// saw neither the rules, the corpus nor the other sets (a ski resort
// chain, a hospital pharmacy's dispensing robots, freight rail signalling
// feeds, a dating app, municipal waste routing), was measured once at the
// start of the next round with that engine (be10ee1): blame 0.906 (145 of
// 160), root cause 0.986 (69 of 70), false positives 1.33 % (2 of 150);
// the rules alone 0.787, 0.971, 1.33 %; the keyword baseline 0.344,
// 0.657, 13.3 %. Its floor guards those figures; its sentences are never
// printed. In the round after, heldout-15 and heldout-16 became tuning
// splits (tune-15, tune-16): they were the sets the engine read worst. Six
// more authors, who saw neither the rules nor the corpus, each wrote 400
// sentences in the five voices for five fictional companies (tune-p to
// tune-u: payroll software, food delivery, postal parcels, cloud DNS, vet
// clinics; a crypto exchange, crew scheduling, telehealth, e-books,
// insurance claims; car rental, tax filing, a hydro dam, podcasts, pharmacy
// benefits; a lottery, a video CDN, a bakery, property listings, student
// records; ferries, B2B invoicing, police dispatch, fashion, farm drones;
// a blood bank, sports streaming, freight brokerage, water billing, a
// quantum cloud). Each was measured once on arrival, before anything was
// tuned on it: tune-p blame 0.686, root cause 0.950, false positives
// 0.59 % (rules alone 0.595, 0.925, 0 %; keyword baseline 0.238, 0.362,
// 10.0 %); tune-q 0.632, 0.975, 0 % (0.524, 0.938, 0 %; 0.205, 0.338,
// 12.9 %); tune-r 0.719, 0.950, 0.59 % (0.589, 0.912, 0 %; 0.211, 0.325,
// 10.6 %); tune-s 0.703, 0.963, 0.59 % (0.573, 0.887, 0 %; 0.168, 0.412,
// 9.41 %); tune-t 0.659, 0.988, 1.18 % (0.557, 0.938, 0.59 %; 0.200,
// 0.450, 14.1 %); tune-u 0.719, 0.938, 0 % (0.562, 0.887, 0 %; 0.222,
// 0.388, 12.4 %). tune-p and tune-q were measured with the engine the last
// round left; tune-r to tune-u after the models were retrained with
// tune-15, tune-16, tune-p and tune-q. Six more authors followed in the
// same round (tune-v to tune-za: a ski lift operator, a mortgage broker's
// CRM, satellite TV, e-discovery, a zoo; meal kits, crane automation, a
// benefits portal, dating, gym door access; airline kiosks, a payroll
// bureau, online chess, wastewater SCADA, concert tickets; a radiology
// archive, card issuing, self-checkouts, a newsroom, EV charging; a weather
// API, an exam platform, warehouse robots, crowdfunding, smart
// thermostats; stock photos, a timetable feed, in-app purchases, court
// e-filing, cold storage), each measured once on arrival with the engine
// of that moment (the blame model reading every sentence at 0.5, the
// comparison rule, the round's first rules): together blame 0.746 (828 of
// 1,110), root cause 0.948 (455 of 480), false positives 0.49 % (5 of
// 1,020); tune-v 0.789, 0.975, 0 % (rules alone 0.654, 0.925, 0 %;
// keyword baseline 0.205, 0.400, 12.9 %); tune-w 0.719, 0.938, 0.59 %
// (0.524, 0.900, 0.59 %; 0.227, 0.300, 11.8 %); tune-x 0.730, 0.925,
// 0.59 % (0.519, 0.850, 0.59 %; 0.168, 0.312, 11.8 %); tune-y 0.741,
// 0.938, 0 % (0.605, 0.912, 0 %; 0.222, 0.362, 12.4 %); tune-z 0.741,
// 0.950, 0 % (0.562, 0.925, 0 %; 0.254, 0.412, 11.8 %); tune-za 0.757,
// 0.963, 1.76 % (0.627, 0.900, 1.76 %; 0.254, 0.475, 10.6 %). Six more
// authors followed after that (tune-zb to tune-zg: car sharing, a museum's
// collection, a 5G core, pet insurance, a theme park; a weighbridge, video
// calls, parking permits, a mobile bank, translation tools; nurse call, a
// crypto wallet, furniture delivery, marathon timing, library e-lending;
// pipeline leak detection, a food bank, sports betting, dental imaging,
// cloud backup; a census site, brewery controls, airline loyalty, a kids'
// coding platform, vessel booking; a vaccine cold chain, fantasy football,
// a law firm's documents, bus arrivals, solar monitoring), each measured
// once on arrival with the engine at 576f63d: together blame 0.786 (873 of
// 1,110), root cause 0.967 (464 of 480), false positives 0.69 % (7 of
// 1,020); tune-zb 0.805, 0.963, 0 % (rules alone 0.611, 0.925, 0 %;
// keyword baseline 0.205, 0.450, 10.6 %); tune-zc 0.800, 0.988, 0.59 %
// (0.562, 0.950, 0.59 %; 0.200, 0.463, 11.2 %); tune-zd 0.778, 0.963,
// 0.59 % (0.632, 0.925, 0.59 %; 0.195, 0.438, 8.82 %); tune-ze 0.751,
// 0.950, 1.76 % (0.535, 0.863, 1.76 %; 0.184, 0.375, 12.4 %); tune-zf
// 0.795, 0.963, 0.59 % (0.616, 0.900, 0 %; 0.232, 0.438, 8.82 %); tune-zg
// 0.789, 0.975, 0.59 % (0.546, 0.912, 0.59 %; 0.173, 0.412, 12.4 %). The
// last six authors of the round (tune-zh to tune-zm: driver payouts, a
// planetarium, furnace controls, student loans, recipe search; ski rental
// tills, a biotech sample tracker, park permits, podcast ads, toll
// transponders; an online pharmacy, a welding cell, campaign donations,
// coworking bookings, fleet tracking; a children's hospital portal,
// currency kiosks, anti-cheat, landscaping schedules, radio playout; a
// wedding registry, haul-truck dispatch, esports, a pension portal, snow
// ploughs; flower delivery, a reactor training simulator, language
// learning, customs filings, stadium turnstiles) were measured once on
// arrival with the engine at e2cd223: together blame 0.795 (881 of 1,108),
// root cause 0.942 (454 of 482), false positives 0.78 % (8 of 1,020);
// tune-zh 0.805, 0.925, 0.59 % (rules alone 0.605, 0.912, 0 %; keyword
// baseline 0.178, 0.350, 10.0 %); tune-zi 0.805, 1.000, 0 % (0.632,
// 0.875, 0 %; 0.173, 0.338, 11.2 %); tune-zj 0.751, 0.950, 1.18 % (0.605,
// 0.887, 1.18 %; 0.195, 0.388, 7.06 %); tune-zk 0.859, 0.975, 1.76 %
// (0.643, 0.900, 1.76 %; 0.238, 0.350, 11.8 %); tune-zl 0.710, 0.829,
// 1.18 % (0.481, 0.768, 0.59 %; 0.164, 0.256, 12.9 %); tune-zm 0.838,
// 0.975, 0 % (0.638, 0.963, 0 %; 0.222, 0.412, 10.0 %). heldout-18 and
// heldout-19 (400 sentences each), commissioned at the start of that round
// from two more authors who saw neither the rules, the corpus nor the
// other sets (a regional bank's card authorisation, online grocery
// delivery, satellite imagery, game matchmaking, a city's transit fares; a
// hotel booking platform, a carrier's SMS gateway, a stock exchange's
// market data, a school district's learning platform, wind turbine
// telemetry), were measured once at its end with the rules and both models
// frozen (bb0a228): heldout-18 blame 0.800 (148 of 185), root cause 0.963
// (77 of 80), false positives 0 % (0 of 170); the rules alone 0.665, 0.912,
// 0 %; the engine before the round (31e614b) 0.730, 0.925, 1.18 %; the
// keyword baseline 0.238, 0.350, 11.8 %. heldout-19 0.784 (145 of 185),
// 0.963 (77 of 80), 1.76 % (3 of 170); the rules alone 0.589, 0.938,
// 1.18 %; the engine before the round 0.670, 0.963, 2.35 %; the keyword
// baseline 0.189, 0.412, 11.2 %. Their floors guard those figures; their
// sentences are never printed. Through the round the older held-out sets,
// never read, moved with it: heldout-10 blame 222 to 233 of 285 (root
// cause 139 to 138 of 150, false positives 3 to 4 of 375), heldout-12 176
// to 183 of 229, heldout-17 147 to 150 of 160. heldout-20 and heldout-21
// (400 sentences each; a regional newspaper's paywall, hospital pharmacy
// ordering, scooter fleets, tax software, rail booking; roaming billing, a
// research computing cluster, fast-food kiosks, home-insurance quotes,
// bike-share docks) came from two more authors at the end of that round
// and were measured once at the start of the next, with the engine as that
// round left it (7019c4d): heldout-20 blame 0.854 (158 of 185), root cause
// 0.963 (77 of 80), false positives 1.76 % (3 of 170); the rules alone
// 0.654, 0.912, 1.18 %; the keyword baseline 0.200, 0.438, 14.1 %.
// heldout-21 0.768 (142 of 185), 0.950 (76 of 80), 0.59 % (1 of 170); the
// rules alone 0.578, 0.912, 0.59 %; the keyword baseline 0.238, 0.375,
// 8.82 %. Their floors guard those figures; their sentences are never
// printed. That round then took 24 more splits from 24 more authors, in
// four batches of six, each split measured once on arrival before anything
// was tuned on it: tune-zn to tune-zs with the engine as the round began
// (7019c4d), blame 0.859 (953 of 1,110), root cause 0.969 (465 of 480),
// false positives 1.27 % (13 of 1,020); tune-zt to tune-zy with the engine
// of f64cd7a, blame 0.852 (946 of 1,110), root cause 0.956 (459 of 480),
// false positives 1.96 % (20 of 1,020), and with 7019c4d 0.822 (912), 0.958
// (460), 1.96 % (20); tune-zz to tune-zze with 7ed844e, 0.828 (919), 0.960
// (461), 1.08 % (11), and with 7019c4d 0.813 (902), 0.960 (461), 1.18 %
// (12); tune-zzf to tune-zzk with a697d33, 0.856 (950), 0.971 (466), 0.69 %
// (7), and with 7019c4d 0.807 (896), 0.969 (465), 1.18 % (12).
// On arrival, each with the rules alone and then the keyword baseline:
// tune-zn 0.816, 0.975, 1.18 % (0.584, 0.912, 0 %; 0.189, 0.550, 12.94 %);
// tune-zq 0.903, 1.000, 1.18 % (0.708, 1.000, 0.59 %; 0.254, 0.775,
// 11.18 %); tune-zp 0.854, 0.950, 2.35 % (0.649, 0.912, 1.18 %; 0.222,
// 0.500, 14.12 %); tune-zr 0.924, 0.988, 0.59 % (0.741, 0.963, 0 %; 0.222,
// 0.725, 18.24 %); tune-zs 0.811, 0.950, 0.59 % (0.616, 0.900, 0.59 %;
// 0.232, 0.512, 12.94 %); tune-zo 0.843, 0.950, 1.76 % (0.638, 0.912, 0 %;
// 0.238, 0.650, 20.59 %); tune-zt 0.881, 0.975, 4.12 % (0.692, 0.938,
// 2.94 %; 0.243, 0.650, 15.29 %); tune-zu 0.870, 0.950, 2.35 % (0.611,
// 0.900, 2.35 %; 0.222, 0.463, 19.41 %); tune-zw 0.838, 0.875, 1.76 %
// (0.627, 0.838, 1.76 %; 0.135, 0.512, 12.35 %); tune-zx 0.795, 0.988,
// 1.18 % (0.562, 0.988, 1.18 %; 0.211, 0.662, 7.06 %); tune-zv 0.865,
// 0.963, 1.18 % (0.697, 0.950, 1.18 %; 0.238, 0.613, 18.24 %);
// tune-zy 0.865, 0.988, 1.18 % (0.638, 0.950, 1.18 %; 0.222, 0.613,
// 13.53 %); tune-zzd 0.849, 0.988, 1.18 % (0.638, 0.975, 1.18 %; 0.243,
// 0.625, 20.59 %); tune-zz 0.859, 0.950, 1.18 % (0.676, 0.925, 1.18 %;
// 0.216, 0.700, 12.35 %); tune-zza 0.849, 0.988, 1.18 % (0.676, 0.938,
// 1.18 %; 0.249, 0.575, 17.06 %); tune-zzb 0.800, 0.950, 0.59 % (0.616,
// 0.938, 0.59 %; 0.205, 0.613, 14.71 %); tune-zzc 0.805, 0.950, 1.76 %
// (0.605, 0.875, 1.18 %; 0.232, 0.550, 21.76 %); tune-zze 0.805, 0.938,
// 0.59 % (0.622, 0.938, 0 %; 0.243, 0.562, 18.24 %); tune-zzf 0.865, 0.975,
// 0 % (0.611, 0.963, 0 %; 0.286, 0.725, 9.41 %); tune-zzg 0.811, 0.975,
// 1.18 % (0.595, 0.938, 1.18 %; 0.259, 0.550, 18.82 %); tune-zzh 0.865,
// 0.950, 0 % (0.622, 0.887, 0 %; 0.178, 0.463, 10 %); tune-zzi 0.854,
// 0.975, 1.76 % (0.616, 0.900, 0 %; 0.211, 0.625, 13.53 %); tune-zzj 0.892,
// 0.975, 0 % (0.659, 0.963, 0 %; 0.303, 0.662, 16.47 %); tune-zzk 0.849,
// 0.975, 1.18 % (0.670, 0.950, 1.18 %; 0.259, 0.600, 16.47 %).
// heldout-22, heldout-23 and heldout-24 (400 sentences each; a pawnshop
// chain's tills, a power station's maintenance scheduling, esports
// tournaments, a charity's donations, cold-chain vaccine logistics; a
// property listings portal, a call centre's telephony, farm irrigation
// sensors, a sports betting app, a museum's ticketing; a ferry's vehicle
// deck booking, a county's property-tax portal, a medical courier network,
// a hotel chain's keycards, a greenhouse grower's climate controls), from
// three more authors, were measured once at the end of that round with the
// rules and both models frozen (825d885): heldout-23 blame 0.892 (165 of
// 185), root cause 0.975 (78 of 80), false positives 2.94 % (5 of 170); the
// rules alone 0.681, 0.938, 2.94 %; the engine as the round began (7019c4d)
// 0.865, 0.975, 4.12 %; the keyword baseline 0.254, 0.650, 17.6 %.
// heldout-24 0.865 (160 of 185), 1.000 (80 of 80), 0.59 % (1 of 170); the
// rules alone 0.616, 0.988, 0.59 %; 7019c4d 0.800, 1.000, 0.59 %; the
// keyword baseline 0.259, 0.700, 14.1 %. heldout-22 0.886 (164 of 185),
// 0.988 (79 of 80), 1.18 % (2 of 170); the rules alone 0.654, 0.950,
// 1.18 %; 7019c4d 0.838, 0.963, 1.18 %; the keyword baseline 0.227,
// 0.613, 17.1 %; about fifteen of its blame sentences were seen by
// accident while the round was still tuning (no rule came from them), so
// heldout-23 and heldout-24 carry the figure. Their floors guard those
// figures; their sentences are never printed. heldout-25 and heldout-26
// (400 sentences each; a bakery chain's online orders, a rail operator's
// crew rostering, crowdfunding, a hospital's infusion pumps, parking
// enforcement cameras; a wealth manager's client reporting, ski lift gate
// scanners, a podcast app's recommendations, a cement kiln's controls, a
// students' union ticket shop) came from two more authors at the end of
// that round and were measured once at the start of the next, with the
// engine as that round left it (288e241): heldout-25 blame 0.859 (159 of
// 185), root cause 0.975 (78 of 80), false positives 1.18 % (2 of 170);
// the rules alone 0.535, 0.938, 1.18 %; the keyword baseline 0.249, 0.487,
// 12.4 %. heldout-26 0.822 (152 of 185), 1.000 (80 of 80), 1.18 % (2 of
// 170); the rules alone 0.605, 1.000, 0.59 %; the keyword baseline 0.216,
// 0.688, 24.1 %. Together 0.841 (311 of 370), 0.988 (158 of 160), 1.18 %
// (4 of 340); the engine of the round before (7019c4d) 0.784 (290 of 370),
// 0.969 (155 of 160), 1.18 % (4 of 340). Their floors guard those figures;
// their sentences are never printed.
// tune-zzl to tune-zzq (400 sentences each; six more authors, each with
// five fictional companies of their own) were measured once on arrival at
// the start of the next round, with the engine as the round before left
// it (288e241): tune-zzl blame 0.832, root cause 0.975, false positives
// 0.59 % (the rules alone 0.632, 0.963, 0.59 %; the keyword baseline
// 0.195, 0.537, 8.24 %); tune-zzm 0.822, 0.850, 0.59 % (0.568, 0.762, 0 %;
// 0.184, 0.312, 7.06 %); tune-zzn 0.805, 0.925, 1.76 % (0.551, 0.863,
// 1.18 %; 0.205, 0.312, 6.47 %); tune-zzo 0.822, 1.000, 2.94 % (0.595,
// 0.950, 2.35 %; 0.162, 0.562, 12.94 %); tune-zzp 0.881, 0.950, 2.35 %
// (0.697, 0.950, 1.76 %; 0.216, 0.575, 12.94 %); tune-zzq 0.838, 0.963,
// 1.18 % (0.638, 0.925, 1.18 %; 0.157, 0.475, 11.76 %); together 0.833
// (925 of 1,110), 0.944 (453 of 480), 1.57 % (16 of 1,020).
// heldout-27 and heldout-28 (400 sentences each; a dental clinic chain's
// appointment booking, a container port's crane scheduling, a
// language-learning app's streaks, a regional water utility's smart
// meters, a fashion retailer's returns warehouse; an airline's loyalty
// points, a city library's e-book lending, a mining company's haul truck
// telemetry, a dating app's messaging, a pension fund's member portal),
// from two more authors commissioned at the start of that round, were
// measured once at its end with the rules and both models frozen
// (dcabdf2): heldout-27 blame 0.892 (165 of 185), root cause 0.963 (77 of
// 80), false positives 4.71 % (8 of 170); the rules alone 0.568, 0.850,
// 4.12 %; the keyword baseline 0.184, 0.425, 12.9 %. heldout-28 0.924 (171
// of 185), 0.912 (73 of 80), 0 % (0 of 170); the rules alone 0.605, 0.850,
// 0 %; the keyword baseline 0.254, 0.250, 4.12 %. Together 0.908 (336 of
// 370), 0.938 (150 of 160), 2.35 % (8 of 340); the engine as the round
// began (288e241) 0.865 (320 of 370), 0.938, 2.35 % (8 of 340). Their
// floors guard those figures; their sentences are never printed.
// heldout-29 and heldout-30 (400 sentences each; a regional ambulance
// service's dispatch, a coffee roaster's subscription shop, a university
// library's room booking, a wind turbine maker's service portal, a
// car-sharing app's unlock system; a national park's permit booking, an
// insurance broker's quote engine, a video game's anti-cheat service, a
// flour mill's production line, a municipal parking app's payments) came
// from two more authors at the end of that round and were measured once
// at the start of the next, with the engine as that round left it
// (f7a8fde): heldout-29 blame 0.903 (167 of 185), root cause 0.988 (79 of
// 80), false positives 0.59 % (1 of 170); the rules alone 0.703, 0.950,
// 0 %; the keyword baseline 0.276, 0.500, 11.8 %. heldout-30 0.897 (166 of
// 185), 0.988 (79 of 80), 4.12 % (7 of 170); the rules alone 0.676, 0.938,
// 2.94 %; the keyword baseline 0.243, 0.550, 9.41 %. Together 0.900 (333
// of 370), 0.988 (158 of 160), 2.35 % (8 of 340); the rules alone 0.689,
// 0.944, 1.47 %; the keyword baseline 0.259, 0.525, 10.6 %; the engine as
// the round before began (288e241) 0.865 (320 of 370), 0.988, 2.35 %.
// Their floors guard those figures; their sentences are never printed.
// tune-zzr to tune-zzw (400 sentences each; six more authors, each with
// five fictional companies of their own) came at the end of that round
// too and were measured once on arrival, unread, with the frozen engine
// (dcabdf2): tune-zzr blame 0.870, root cause 0.875, false positives
// 2.94 %; tune-zzs 0.892, 0.975, 1.18 %; tune-zzt 0.914, 0.938, 2.35 %;
// tune-zzu 0.886, 0.912, 0.59 %; tune-zzv 0.908, 0.887, 1.76 %; tune-zzw
// 0.859, 0.912, 0.59 %; together 0.888 (986 of 1,110), 0.917 (440 of
// 480), 1.57 % (16 of 1,020); the rules alone 0.621, 0.863, 1.27 %; the
// keyword baseline 0.213, 0.413, 10.1 %; the engine as that round began
// (288e241) 0.841 (934 of 1,110), 0.904 (434 of 480), 1.37 % (14 of
// 1,020). They joined the tuning splits in the next round.
// tune-zzx to tune-zzza (400 sentences each; four more authors, each with
// five fictional companies of their own) were commissioned at the start of
// that round and measured once on arrival, unread, with the engine of the
// moment (f536ae2, the round's start with tune-zzr to tune-zzw trained
// in): tune-zzx blame 0.854, root cause 0.963, false positives 1.76 % (the
// rules alone 0.605, 0.900, 1.76 %; the keyword baseline 0.259, 0.412,
// 10.0 %); tune-zzy 0.832, 0.912, 1.18 % (0.573, 0.887, 1.18 %; 0.189,
// 0.400, 12.35 %); tune-zzz 0.870, 0.887, 1.18 % (0.600, 0.825, 0.59 %;
// 0.200, 0.325, 12.94 %); tune-zzza 0.849, 0.875, 5.29 % (0.589, 0.787,
// 5.29 %; 0.292, 0.225, 14.71 %); together 0.851 (630 of 740), 0.909 (291
// of 320), 2.35 % (16 of 680). Then they joined the tuning splits.
// heldout-31 and heldout-32 (400 sentences each; a veterinary hospital
// group's patient records, a cruise line's shore-excursion booking, a
// solar farm's inverter monitoring, a food-delivery app's courier
// dispatch, a stock exchange's market-data feed; a toll-road operator's
// transponder billing, a children's hospital's pharmacy robots, an online
// chess platform's matchmaking, a steel mill's furnace telemetry, a travel
// agency's visa portal), from two more authors commissioned at the start
// of that round, were measured once at its end with the rules and both
// models frozen (b2859f6): heldout-31 blame 0.849 (157 of 185), root cause
// 0.938 (75 of 80), false positives 3.53 % (6 of 170); the rules alone
// 0.595, 0.887, 1.18 %; the keyword baseline 0.254, 0.375, 9.41 %.
// heldout-32 0.930 (172 of 185), 0.963 (77 of 80), 2.94 % (5 of 170); the
// rules alone 0.627, 0.938, 2.35 %; the keyword baseline 0.270, 0.375,
// 15.88 %. Together 0.889 (329 of 370), 0.950 (152 of 160), 3.24 % (11 of
// 340); the rules alone 0.611, 0.913, 1.76 %; the keyword baseline 0.262,
// 0.375, 12.6 %; the engine as the round began (f7a8fde) 0.895 (331 of
// 370), 0.944 (151 of 160), 3.24 % (11 of 340). Their floors guard those
// figures; their sentences are never printed.
// tune-zzzb to tune-zzzg (400 sentences each; six more authors, each with
// five fictional companies of their own) were commissioned at the start of
// the next round and measured once on arrival, unread, with the engine of
// the moment (b7d6d23). tune-zzzb to tune-zzze were written to a brief
// that named typical blame phrasings as examples: blame 0.958 (709 of
// 740), root cause 0.997 (319 of 320), false positives 0.88 % (6 of 680);
// the keyword baseline 0.369, 0.594, 11.8 %, higher than on any earlier
// set, so that text is easier than other authors'. tune-zzzf and
// tune-zzzg were written to a brief that named none and asked for half
// the blame subtle: tune-zzzf 0.903 (167 of 185), 0.963 (77 of 80), 2.35 %
// (4 of 170); tune-zzzg 0.870 (161 of 185), 0.950 (76 of 80), 1.76 % (3 of
// 170); the rules alone 0.757, 0.925, 2.35 % and 0.654, 0.912, 0.59 %; the
// keyword baseline 0.292, 0.613, 16.5 % and 0.243, 0.562, 11.8 %. Then all
// six joined the tuning splits.
// heldout-33 to heldout-36 (400 sentences each; four more authors
// commissioned at the start of that round; a ferry operator's boarding, a
// blood bank's inventory, a podcast host, a wind-turbine contractor's work
// orders, a water utility's billing; a ski-rental chain's tills, a
// genomics lab's pipeline, a ride-hailing app's surge pricing, a library
// consortium's e-lending, an airline's crew scheduling; a hotel chain's
// room keys, a hospital lab's specimen tracking, a weather service's
// forecasts, a freight railway's signalling logs, a language app's
// streaks; a mortgage lender's uploads, a bike-share's docks, a game
// studio's matchmaking, a co-op's grain-silo sensors, a law firm's
// e-discovery) were measured once at its end, with the rules and both
// models frozen (7026079). heldout-33 and heldout-34 were written to the
// brief that named typical blame phrasings: blame 0.935 (173 of 185) and
// 0.957 (177 of 185), root cause 1.000 and 1.000, false positives 1.18 %
// (2 of 170) and 0 %; together 0.946 (350 of 370), 1.000 (160 of 160),
// 0.59 % (2 of 340); the rules alone 0.824, 0.975, 0 %; the keyword
// baseline 0.405, 0.669, 10.9 %. heldout-35 and heldout-36 were written to
// the brief that named none: 0.876 (162 of 185) and 0.881 (163 of 185),
// 0.912 (73 of 80) and 0.887 (71 of 80), 1.76 % (3 of 170) and 1.18 % (2
// of 170); together 0.878 (325 of 370), 0.900 (144 of 160), 1.47 % (5 of
// 340); the rules alone 0.595, 0.838, 0.59 %; the keyword baseline 0.251,
// 0.300, 12.1 %. All four: 0.912 (675 of 740), 0.950 (304 of 320), 1.03 %
// (7 of 680); the engine as the round began (b7d6d23) 0.909 (673 of 740),
// 0.950 (304 of 320), 1.18 % (8 of 680).
// heldout-37 and heldout-38 (400 sentences each; two more authors
// commissioned later in that round, under the brief that named no
// phrasings; a commuter ferry's ticketing, a veterinary pharmacy's
// refills, a solar installer's permits, a sports league's score feed, a
// university's housing allocation; an auction house's bidding, a
// hospital's nurse calls, a furniture retailer's deliveries, a credit
// union's card authorisations, a broadcaster's streaming catalogue) were
// measured once with the same frozen engine: heldout-37 blame 0.897 (166
// of 185), root cause 0.963 (77 of 80), false positives 1.18 % (2 of 170);
// heldout-38 0.778 (144 of 185), 0.863 (69 of 80), 1.76 % (3 of 170);
// together 0.838 (310 of 370), 0.912 (146 of 160), 1.47 % (5 of 340); the
// rules alone 0.603, 0.838, 0.88 %; the keyword baseline 0.265, 0.388,
// 11.2 %. The four under that brief, heldout-35 to heldout-38: 0.858 (635
// of 740), 0.906 (290 of 320), 1.47 % (10 of 680).
// tune-zzzh to tune-zzzk (400 sentences each; four more authors, each with
// five fictional companies of their own, under a brief that named no
// phrasings, asked for half the blame subtle and listed the kinds of clean
// near-miss to include) were measured once on arrival, unread, with the
// engine of the moment (11d856b): tune-zzzh blame 0.800 (148 of 185), root
// cause 0.838 (67 of 80), false positives 2.35 % (4 of 170); tune-zzzi
// 0.843 (156 of 185), 0.875 (70 of 80), 5.88 % (10 of 170); tune-zzzj 0.762
// (141 of 185), 0.838 (67 of 80), 1.76 % (3 of 170); tune-zzzk 0.859 (159
// of 185), 0.875 (70 of 80), 4.71 % (8 of 170). Together 0.816 (604 of
// 740), 0.856 (274 of 320), 3.68 % (25 of 680); the rules alone 0.558,
// 0.781, 3.09 %; the keyword baseline 0.227, 0.244, 14.6 %. Their false
// positives were framings the sentence concedes, supposes or puts as a
// question ("maybe it looks like an operator mistake, but", "if a reader
// comes away thinking this was Chen's fault", "we checked if the operator
// made a mistake") and slips in the writing itself; then all four joined
// the tuning splits.
// heldout-39 and heldout-40 (400 sentences each; two more authors
// commissioned with tune-zzzh to tune-zzzk, under the same brief; an
// airport's baggage handling, a mobile game studio, a pension fund's
// administration, a dark-kitchen food-delivery chain, a radio telescope;
// a blood bank's logistics, a city parking app, a stock-photo marketplace,
// a school district's IT, a cargo-drone startup) were measured once at
// the round's end with the rules and both models frozen (04806ec):
// heldout-39 blame 0.746 (138 of 185), root cause 0.863 (69 of 80), false
// positives 1.76 % (3 of 170); heldout-40 0.838 (155 of 185), 0.938 (75 of
// 80), 2.35 % (4 of 170); together 0.792 (293 of 370), 0.900 (144 of 160),
// 2.06 % (7 of 340); the rules alone 0.519, 0.806, 1.76 %; the keyword
// baseline 0.232, 0.244, 11.5 %; the engine as the round began (11d856b)
// 0.778 (288 of 370), 0.881 (141 of 160), 2.06 % (7 of 340). Their floors
// guard those figures; their sentences are never printed.
// tune-zzzl to tune-zzzo (400 sentences each; four more authors under the
// same brief, commissioned after that measurement) were measured once on
// arrival, unread, with the engine of the moment (5c088cb): tune-zzzl blame
// 0.778 (144 of 185), root cause 0.863 (69 of 80), false positives 3.53 %
// (6 of 170); tune-zzzm 0.854 (158 of 185), 0.938 (75 of 80), 1.18 % (2 of
// 170); tune-zzzn 0.827 (153 of 185), 0.887 (71 of 80), 2.94 % (5 of 170);
// tune-zzzo 0.876 (162 of 185), 0.963 (77 of 80), 1.76 % (3 of 170).
// Together 0.834 (617 of 740), 0.912 (292 of 320), 2.35 % (16 of 680); the
// rules alone 0.557, 0.819, 2.06 %; the keyword baseline 0.258, 0.281,
// 13.5 %. Then all four joined the tuning splits.
// heldout-41 and heldout-42 (400 sentences each; two more authors
// commissioned with tune-zzzl to tune-zzzo, under the same brief; an
// electricity retailer's billing, a museum's ticketing, a shipping line's
// vessel tracking, a fitness-tracker maker, a county court's e-filing; a
// fire department's dispatch, an online bookshop, a chemical plant's batch
// control, a university's exam platform, a neobank's card payments) were
// measured once with the rules and both models frozen (2551dca):
// heldout-41 blame 0.811 (150 of 185), root cause 0.912 (73 of 80), false
// positives 3.53 % (6 of 170); heldout-42 0.805 (149 of 185), 0.800 (64 of
// 80), 2.35 % (4 of 170); together 0.808 (299 of 370), 0.856 (137 of 160),
// 2.94 % (10 of 340); the rules alone 0.551, 0.762, 1.76 %; the keyword
// baseline 0.216, 0.200, 12.1 %; the engine that measured heldout-39 and
// heldout-40 (04806ec) 0.805, 0.856, 2.94 %, and as the round began
// (11d856b) 0.795, 0.850, 3.24 %. Their floors guard those figures; their
// sentences are never printed.
// heldout-43 and heldout-44 (400 sentences each; two more authors
// commissioned after that, under the same brief; a ski-lift maker's
// telemetry, a wedding-venue booking site, a coastal ferry's vehicle-deck
// planning, a clinical-trials data platform, a supermarket chain's
// self-checkouts; a city tram network, a freelance marketplace, a
// blood-glucose monitor app, a grain exporter's port silos, a public
// broadcaster's live subtitles) were measured once with the same frozen
// engine (2551dca): heldout-43 blame 0.773 (143 of 185), root cause 0.863
// (69 of 80), false positives 2.35 % (4 of 170); heldout-44 0.735 (136 of
// 185), 0.863 (69 of 80), 2.94 % (5 of 170); together 0.754 (279 of 370),
// 0.863 (138 of 160), 2.65 % (9 of 340); the rules alone 0.532, 0.812,
// 1.76 %; the keyword baseline 0.219, 0.338, 12.1 %; the engine as the
// round began (11d856b) 0.738 (273 of 370), 0.850 (136 of 160), 2.94 %
// (10 of 340). Their floors guard those figures; their sentences are never
// printed.
// heldout-46 (400 sentences; one more author under the same brief; a
// water-main repair crew's work orders, a B2B invoicing service, a
// children's hospital's pharmacy, a concert-streaming startup, a steel
// mill's crane control) was measured once with the engine as the round
// ended (735c5ca, whose rules and models are 2551dca's with narrower and
// wider root-cause triggers): blame 0.886 (164 of 185), root cause 0.887
// (71 of 80), false positives 5.29 % (9 of 170); the rules alone 0.589,
// 0.812, 3.53 %; the keyword baseline 0.270, 0.325, 11.8 %. Its floors
// guard those figures; its sentences are never printed.
// tune-zzzp to tune-zzzs (400 sentences each; four more authors under the
// same brief, which now also named a counterfactual that makes one
// missing condition the whole incident as a root-cause framing; a dairy
// co-op's tanker routing, a legal e-discovery cloud, a ferry line's
// boarding gates, a weather-model pipeline, a pension payout batch; a
// food-delivery dispatcher, a rail signalling dashboard, a solar inverter
// fleet, an esports match service, a blood bank; a university portal, an
// air-cargo booking system, a smart-lock maker, a private bank's wires, a
// karaoke streaming CDN; a hotel group's room keys, a water utility's
// SCADA, a genomics lab's scheduler, a wind-turbine maker, a marketplace's
// payouts) were measured once on arrival, unread, with the engine of the
// moment (1dda89a): tune-zzzp blame 0.795 (147 of 185), root cause 0.825
// (66 of 80), false positives 1.18 % (2 of 170); tune-zzzq 0.816 (151 of
// 185), 0.938 (75 of 80), 1.18 % (2 of 170); tune-zzzr 0.778 (144 of 185),
// 0.887 (71 of 80), 1.76 % (3 of 170); tune-zzzs 0.789 (146 of 185), 0.825
// (66 of 80), 2.35 % (4 of 170). Together 0.795 (588 of 740), 0.869 (278 of
// 320), 1.62 % (11 of 680); the rules alone 0.573, 0.825, 1.03 %; the
// keyword baseline 0.293, 0.244, 7.65 %. Sixteen of their 42 missed root
// causes were such counterfactuals about a thing ("if the cache had had a
// TTL, none of this would have happened"); then all four joined the tuning
// splits.
// heldout-47 and heldout-48 (400 sentences each; two more authors
// commissioned with tune-zzzp to tune-zzzs, under the same brief; a home
// insurer's claims intake, a chain of veterinary clinics, a tax e-filing
// gateway, a ski resort's lifts and snowmaking, a podcast host; a
// pharmacy chain's refills, a satellite operator's downlinks, a parking
// operator's barriers, a public library's lending, a car-rental fleet)
// were measured once with the rules and both models frozen (d579657):
// heldout-47 blame 0.892 (165 of 185), root cause 0.988 (79 of 80), false
// positives 1.76 % (3 of 170); heldout-48 0.892 (165 of 185), 0.938 (75 of
// 80), 0.59 % (1 of 170); together 0.892 (330 of 370), 0.963 (154 of 160),
// 1.18 % (4 of 340); the rules alone 0.659, 0.912, 0.59 %; the keyword
// baseline 0.341, 0.287, 7.94 %; the engine as the round began (1dda89a)
// 0.870 (322 of 370), 0.919 (147 of 160), 1.18 % (4 of 340). Their floors
// guard those figures; their sentences are never printed.
// tune-zzzt to tune-zzzw (400 sentences each; four more authors under the
// same brief; a rail freight operator, a card processor, a hospital
// records cloud, a multiplayer game studio, a grid operator; a claims
// platform, a CDN, farm sensors, a regional airline, a school LMS; a
// retail bank, a mapping API, a container port, a mobile carrier, a
// marketplace; a genomics lab, a food-delivery firm, a steel works, a
// login provider, a bus network) were measured once on arrival, unread,
// with the engine as the round began (0a27cbc): tune-zzzt blame 0.800 (148
// of 185), root cause 0.875 (70 of 80), false positives 1.76 % (3 of 170);
// tune-zzzu 0.795 (147 of 185), 0.900 (72 of 80), 1.76 % (3 of 170);
// tune-zzzv 0.816 (151 of 185), 0.875 (70 of 80), 2.35 % (4 of 170);
// tune-zzzw 0.768 (142 of 185), 0.912 (73 of 80), 2.35 % (4 of 170).
// Together 0.795 (588 of 740), 0.891 (285 of 320), 2.06 % (14 of 680); the
// rules alone 0.600, 0.856, 1.47 %; the keyword baseline 0.281, 0.403,
// 14.71 %. tune-zzzx to tune-zzzza (four more authors, the same brief;
// parcel hubs, managed Kubernetes, a pharmacy chain, a photo app, a
// council; podcast hosting, a brokerage, a dairy, parking payments,
// telehealth; metro signalling, grocery delivery, web hosting, pensions, a
// school district; payroll, drone inspection, cinemas, a news CMS, a wind
// farm) arrived mid-round and were measured once, unread, with 3a659de:
// tune-zzzx 0.811 (150 of 185), 0.938 (75 of 80), 0.59 % (1 of 170);
// tune-zzzy 0.838 (155 of 185), 0.900 (72 of 80), 0.59 % (1 of 170);
// tune-zzzz 0.795 (147 of 185), 0.850 (68 of 80), 1.76 % (3 of 170);
// tune-zzzza 0.876 (162 of 185), 0.938 (75 of 80), 0 % (0 of 170).
// Together 0.830 (614 of 740), 0.906 (290 of 320), 0.74 % (5 of 680); the
// rules alone 0.603, 0.869, 0.44 %; the keyword baseline 0.265, 0.344,
// 16.32 %. Then all eight joined the tuning splits.
// heldout-49 and heldout-50 (400 sentences each; two more authors
// commissioned with tune-zzzt to tune-zzzw, under the same brief; a water
// utility, an accounting SaaS, a streaming service, a hospital's
// on-premises systems, warehouse robots; a managed SOC, a booking engine,
// mine telemetry, a credit union, a data warehouse) were measured once
// with the rules and both models frozen (0b1e163): heldout-49 blame 0.865
// (160 of 185), root cause 0.938 (75 of 80), false positives 1.18 % (2 of
// 170); heldout-50 0.827 (153 of 185), 0.963 (77 of 80), 1.76 % (3 of
// 170); together 0.846 (313 of 370), 0.950 (152 of 160), 1.47 % (5 of
// 340); the rules alone 0.673, 0.875, 1.18 %; the keyword baseline 0.311,
// 0.388, 16.47 %; the engine as the round began (0a27cbc) 0.800 (296 of
// 370), 0.875 (140 of 160), 2.06 % (7 of 340). Their floors guard those
// figures; their sentences are never printed.
// tune-zzzzc to tune-zzzze (three more authors, the same brief; a
// brewery, a textile factory's ERP, a legal document cloud, a health
// insurer's claims, a radio playout; an airport, an observability SaaS, a
// university's records, a housing repairs portal, a crypto exchange;
// fisheries, an energy retailer, a courier app, a pathology lab, an ad
// exchange; a fourth author's set never came) were measured once on
// arrival, unread: tune-zzzzc with 92da6de 0.886 (164 of 185), 0.975 (78
// of 80), 1.18 % (2 of 170); tune-zzzzd and tune-zzzze with 822c10e 0.876
// (162 of 185), 0.912 (73 of 80), 1.18 % (2 of 170) and 0.870 (161 of
// 185), 0.925 (74 of 80), 1.18 % (2 of 170). Together 0.877 (487 of 555),
// 0.938 (225 of 240), 1.18 % (6 of 510). Then they joined the tuning
// splits.
// heldout-51 and heldout-52 (400 sentences each; two more authors
// commissioned with them; lift monitoring, a pay-later lender, water
// sports rentals, a customs broker, care-home medication rounds; a tram
// control centre, a seed shop, a backup SaaS, a police force's records
// and dispatch, a theatre's box office) were measured once with the rules
// and both models frozen (feb2f64): heldout-51 blame 0.849 (157 of 185),
// root cause 0.963 (77 of 80), false positives 1.18 % (2 of 170);
// heldout-52 0.854 (158 of 185), 0.963 (77 of 80), 1.18 % (2 of 170);
// together 0.851 (315 of 370), 0.963 (154 of 160), 1.18 % (4 of 340); the
// rules alone 0.668, 0.925, 0.29 %; the keyword baseline 0.292, 0.406,
// 17.35 %; the engine as the round began (0a27cbc) 0.819 (303 of 370),
// 0.894 (143 of 160), 1.18 % (4 of 340). Their floors guard those figures;
// their sentences are never printed.
// tune-zzzzf to tune-zzzzh (three more authors, the same brief;
// opticians, quarries, a library network, pet insurance, motorway tolls;
// console game servers, a bakery chain, defence spares, a maternity
// clinic, satellite broadband; lettings, shipping, a lottery, an HR SaaS,
// recycling fleets) were measured once on arrival, unread, with the
// engine frozen for heldout-51 and heldout-52 (feb2f64) for tune-zzzzh,
// 0.881 (163 of 185), 0.975 (78 of 80), 1.18 % (2 of 170), and with
// 6b799bf for tune-zzzzf, 0.827 (153 of 185), 0.950 (76 of 80), 1.18 % (2
// of 170), and tune-zzzzg, 0.859 (159 of 185), 0.950 (76 of 80), 2.35 % (4
// of 170). Then they joined the tuning splits.
// heldout-53 and heldout-54 (400 sentences each; two more authors
// commissioned with them; ski patrol alerts, a builders' merchant, data
// centres, meal kits, harbour pilots; a veterinary group, a chemical
// plant, a robo-adviser, a courts e-filing service, stadium gates) were
// measured once with the rules and both models frozen (8fad900):
// heldout-53 blame 0.816 (151 of 185), root cause 0.875 (70 of 80), false
// positives 2.35 % (4 of 170); heldout-54 0.892 (165 of 185), 0.863 (69 of
// 80), 2.35 % (4 of 170); together 0.854 (316 of 370), 0.869 (139 of 160),
// 2.35 % (8 of 340); the rules alone 0.668, 0.844, 1.76 %; the keyword
// baseline 0.262, 0.312, 12.65 %; the engine as the round began (0a27cbc)
// 0.822 (304 of 370), 0.831 (133 of 160), 2.35 % (8 of 340). Their floors
// guard those figures; their sentences are never printed.
// tune-zzzzi to tune-zzzzl (four more authors, the same brief; rail
// freight, outpatient clinics, a water utility, game servers, a retail
// bank; ad measurement, a newsroom, airline rosters, smart meters, grocery
// delivery; warehouse robots, a university, claims, a semiconductor fab, a
// video CDN; hotels, a payroll SaaS, a mobile core, county courts, drone
// delivery) were measured once on arrival, unread, with the engine as the
// round began (550f090): together blame 0.870 (644 of 740), root cause
// 0.950 (304 of 320), false positives 1.18 % (8 of 680); the keyword
// baseline 0.219, 0.459, 20.15 %. Then they joined the tuning splits.
// heldout-55 and heldout-56 (400 sentences each; two more authors
// commissioned with them; a pharmacy chain, a SOC, a container terminal,
// online exams, managed Kubernetes; cosmetics e-commerce, rail signalling,
// tax filings, a hospital's lab results and paging, scooter sharing) were
// measured once with the rules and both models frozen (b42c5d6):
// heldout-55 blame 0.838 (155 of 185), root cause 1.000 (80 of 80), false
// positives 1.76 % (3 of 170); heldout-56 0.897 (166 of 185), 0.988 (79 of
// 80), 0.59 % (1 of 170); together 0.868 (321 of 370), 0.994 (159 of 160),
// 1.18 % (4 of 340); the rules alone 0.665, 0.981, 1.18 %; the keyword
// baseline 0.224, 0.469, 18.24 %; the engine as the round began (550f090)
// 0.854 (316 of 370), 0.981 (157 of 160), 0.88 % (3 of 340). Their floors
// guard those figures; their sentences are never printed.
// tune-zzzzm to tune-zzzzp (four more authors, the same brief; a dairy
// co-op, concert tickets, veterinary clinics, satellite ground stations, a
// borough council; ferries, an EHR SaaS, restaurant ordering, EV charging,
// pensions; solar inverters, a law firm, an airline's check-in, bookshops,
// a password manager; a steelworks, ride sharing, a school district, a
// mobile game, leak-detection sensors) were measured once on arrival,
// unread, after heldout-55 and heldout-56, with c87bffc: together blame
// 0.893 (661 of 740), root cause 0.975 (312 of 320), false positives 0.88 %
// (6 of 680); the engine as the round began (550f090) 0.877 (649), 0.956
// (306), 0.88 % (6); the keyword baseline 0.224, 0.428, 16.32 %. Then they
// joined the tuning splits.
// tune-6a to tune-6k (eleven more authors, 400 sentences each, the brief
// of heldout-57 and heldout-58) and clean-e to clean-j (six authors of 400
// clean near-misses each) were measured once on arrival, unread, with the
// engine of their day: tune-6a to 6d with 745f0d8, blame 0.853 (631 of
// 740), root cause 0.956 (306 of 320), false positives 2.06 % (14 of 680);
// tune-6e to 6h with 3de33b6, 0.853, 0.969, 1.18 %; tune-6i to 6k with
// b3f5607, 0.890 (494 of 555), 0.954 (229 of 240), 0.59 % (3 of 510);
// clean-e and clean-f 5.00 %, clean-g and clean-h 3.38 %, clean-i and
// clean-j 3.38 % (of 800 each). Then they joined the tuning splits.
// heldout-59 and heldout-60 (400 sentences each; two more authors, the
// same brief; an airline maintenance base, waste collection, a card
// issuer, a toy maker, a radio telescope array; mountain rescue, e-book
// subscriptions, a cement plant, hospital radiology, island drone
// logistics) were measured once with the rules and both models frozen
// (1885763): together blame 0.897 (332 of 370), root cause 0.988 (158 of
// 160), false positives 1.47 % (5 of 340); the rules alone 0.746, 0.950,
// 1.47 %; the engine as the round began (745f0d8) 0.865, 0.975, 2.06 %;
// the keyword baseline 0.314, 0.469, 12.35 %. Their floors guard those
// figures; their sentences are never printed.
// heldout-61 and heldout-62 (400 sentences each; two more authors, the
// same brief; ferry tickets, plasma collection, a bakery, university
// admissions, robotics integration; gas distribution, podcast hosting, a
// veterinary wholesaler, traffic signals, a hotel's reservations) were
// written after a second freeze (0b93193) and measured once: together blame
// 0.889 (329 of 370), root cause 0.944 (151 of 160), false positives 1.18 %
// (4 of 340); the rules alone 0.746, 0.906, 0.88 %; the engine as the round
// began (745f0d8) 0.851, 0.944, 1.76 %; the keyword baseline 0.316, 0.400,
// 15.29 %.
//
// tune-9a to tune-9d and clean-q, clean-r came from six more authors under
// the earlier brief and were measured once on arrival (51afb56): blame
// 0.849, root cause 0.966, false positives 2.21 %; clean-only 2.88 %.
// tune-9e to tune-9h and clean-s, clean-t came from six more authors under
// a brief that gives the kinds of blame but no phrases to copy: on arrival
// tune-9e, 9g, 9h 0.730, 0.983, 0.59 % (3defd88), tune-9f 0.822, 0.950, 0 %
// (0d6b465), clean-s and clean-t 5.25 %. heldout-71 and heldout-72 (the new
// brief, two more authors) were written after a first freeze (b1419c4) and
// measured once: together blame 0.741 (274 of 370), root cause 0.994,
// false positives 0.88 %; the engine as the round began 0.711, 0.988,
// 0.88 %. heldout-73 and heldout-74 (two more authors) were written after a
// second freeze (d94feb4) and measured once: 0.754 (279 of 370), 0.994,
// 0.00 %; the round's first engine 0.732, 0.988, 0.00 %.
//
// tune-10a to tune-10f came from six more authors under the brief with no
// phrases to copy and were measured once on arrival (e70cbce): blame 0.805
// (893 of 1,110), root cause 0.927 (445 of 480), false positives 2.45 %
// (25 of 1,020); the rules alone 0.624, 0.885, 1.86 %; the keyword
// baseline 0.222, 0.446, 11.08 %. heldout-75 and heldout-76 (two more
// authors, the same brief; an ambulance dispatch centre, a chocolate
// factory, a national lottery, an ice arena) were written after a first
// freeze (08e64de) and measured once: together blame 0.832 (308 of 370),
// root cause 0.931 (149 of 160), false positives 1.18 % (4 of 340); the
// rules alone 0.662, 0.875, 0.88 %; the engine as the round began
// (e70cbce) 0.816, 0.919, 1.47 %; the keyword baseline 0.230, 0.438,
// 9.12 %. tune-10g to tune-10j came from four more authors under the same
// brief and were measured once on arrival (0b522fb): blame 0.850 (629 of
// 740), root cause 0.916 (252 of 275), false positives 2.35 % (16 of 680);
// tune-10i lost the 45 root-cause lines another author's drafts had
// overwritten. heldout-77 and heldout-78 (two more authors, the same brief;
// a university's exam platform, a salmon farm, a parcel locker network, a
// district heating plant) were written after a second freeze (cb4dfd4) and
// measured once: together blame 0.849 (314 of 370), root cause 0.950 (152
// of 160), false positives 1.76 % (6 of 340); the rules alone 0.673,
// 0.863, 1.76 %; the engine as the round began (e70cbce) 0.851, 0.938,
// 2.65 %; the keyword baseline 0.211, 0.350, 11.18 %. At the second
// freeze heldout-75 and heldout-76 give 0.835 (309 of 370), 0.931, 1.18 %.
//
// tune-11a to tune-11d came from four more authors under the same brief (a
// blood bank's donor logistics, a ski resort, a container port, a library
// consortium's e-lending, a wind farm, a food delivery marketplace, a
// hospital pharmacy, a theatre chain's ticketing) and were measured once on
// arrival (042eb3a): blame 0.862 (638 of 740), root cause 0.906 (290 of
// 320), false positives 2.94 % (20 of 680); the rules alone 0.699, 0.831,
// 1.76 %; the keyword baseline 0.235, 0.222, 11.76 %. heldout-79 and
// heldout-80 (two more authors, the same brief; a water utility, a game
// studio's live service, an airport's baggage system, an insurer's
// claims platform) were written after a freeze (458c916) and measured
// once: together blame 0.865 (320 of 370), root cause 0.919 (147 of 160),
// false positives 4.71 % (16 of 340); the rules alone 0.743, 0.838,
// 2.94 %; the engine as the round began (042eb3a) 0.865, 0.906, 4.71 %;
// the keyword baseline 0.259, 0.219, 15.29 %. heldout-81 and heldout-82
// (two more authors, the same brief; a city's bike share, a
// semiconductor fab, a weather service's forecast publishing, a chain of
// veterinary clinics) were written after a second freeze (e6ce35f) and
// measured once: together blame 0.838 (310 of 370), root cause 0.869 (139
// of 160), false positives 3.24 % (11 of 340); the rules alone 0.659,
// 0.819, 1.76 %; the first freeze the same as the second, the engine as
// the round began 0.838, 0.863, 3.24 %; the keyword baseline 0.222, 0.256,
// 10.59 %.
//
// Then the models were trained on heldout-5 to heldout-78 as well, all
// measured before (see trainedAfterMeasure in model_train_test.go), so
// their figures no longer tell how the linter reads authors it has not
// learnt from. heldout-83 and heldout-84 (two more authors, the same
// brief; a national rail operator's ticketing, a bakery chain's plants, a
// hospital's laboratory system, a satellite broadcaster's playout centre)
// were written after that freeze (fae020c) and measured once: together
// blame 0.922 (341 of 370), root cause 0.969 (155 of 160), false
// positives 1.47 % (5 of 340); the rules alone 0.759, 0.950, 0.88 %; the
// engine as the round began (661a9f6) 0.916, 0.969, 1.47 %; the keyword
// baseline 0.251, 0.463, 13.24 %.
// tune-12a to tune-12d came from four more authors under the same brief (an
// electricity distributor's field crews, a language-learning app, a city's
// emergency call centre, a stock photo marketplace, a clinical-trial data
// platform, a small airline, a public broadcaster's news site, a grain
// cooperative) and were measured once on arrival with that frozen engine
// (fae020c): blame 0.927 (686 of 740), root cause 0.981 (314 of 320),
// false positives 2.06 % (14 of 680); the rules alone 0.749, 0.956,
// 1.91 %; the keyword baseline 0.276, 0.450, 13.82 %; the engine as the
// round began (661a9f6) 0.907, 0.978, 2.21 %.
// heldout-85 and heldout-86 (two more authors, the same brief; a mountain
// rescue service, a fashion retailer's returns, a toll-road operator, a
// university's research computing) were written after a second freeze
// (4f0c9d8) and measured once: together blame 0.895 (331 of 370), root
// cause 0.994 (159 of 160), false positives 2.65 % (9 of 340); the rules
// alone 0.751, 0.963, 2.06 %; the first freeze (fae020c) 0.895, 0.994,
// 2.94 %; the engine as the round began (661a9f6) 0.884, 0.994, 2.94 %;
// the keyword baseline 0.205, 0.438, 14.12 %.
// heldout-87 and heldout-88 (two more authors, the same brief; a ferry
// operator, a city council's parking permits, a dairy processor, a payroll
// software vendor) were written after a third freeze (1b9802e) and
// measured once: together blame 0.911 (337 of 370), root cause 0.981 (157
// of 160), false positives 2.06 % (7 of 340); the rules alone 0.770, 0.975,
// 0.88 %; the second freeze (4f0c9d8) 0.911, 0.981, 2.35 %; the first
// (fae020c) the same; the engine as the round began (661a9f6) 0.905,
// 0.981, 2.35 %; the keyword baseline 0.281, 0.481, 14.12 %.
// tune-13a to tune-13h came from eight more authors under the same brief
// (a water utility's billing, a game studio's matchmaking, a container
// port, a telehealth provider, a ski resort group, a parcel carrier, a
// library network, a cryptocurrency exchange, a weather radar network, a
// chain of fitness clubs, a hospital pharmacy's robots, a ticketing
// marketplace, an offshore wind farm, a food delivery app's couriers, a
// tram network's signalling, an insurer's claims portal); tune-13a to
// tune-13d were measured once on arrival with the engine of 5d0d734:
// blame 0.947 (701 of 740), root cause 0.981 (314 of 320), false positives
// 1.62 % (11 of 680); tune-13e to tune-13h with that of 0f49b04: 0.945
// (699 of 740), 0.994 (318 of 320), 0.74 % (5 of 680), where 5d0d734 gave
// 0.946, 0.994, 0.88 %. heldout-89 and heldout-90 (two more authors, the
// same brief; a regional airport's baggage handling, a mobile bank's card
// payments, a national lottery's draw and ticket sales, a steel mill's
// furnace control room) were written after a freeze (4f3a49e) and measured
// once: together blame 0.943 (349 of 370), root cause 0.994 (159 of 160),
// false positives 1.47 % (5 of 340); the rules alone 0.778, 0.963, 1.18 %;
// the engine as the round began (5d0d734) 0.943, 0.988, 1.76 %; the
// keyword baseline 0.235, 0.469, 12.06 %.
// tune-14a to tune-14f came from six more authors under the same brief (a
// wine cooperative's bottling line, a satellite operator's ground
// stations, a school district's student records, a car-sharing service, a
// semiconductor fab's wafer tracking, a public radio broadcaster's
// streaming, a pension fund's member portal, a recycling plant's sorting
// line, a water board's flood gates, an online grocery's picking robots, a
// concert venue chain's ticket scanning, a clinical laboratory's sample
// tracking); tune-14a to tune-14d were measured once on arrival with the
// engine of 1acbd2c: blame 0.949 (702 of 740), root cause 0.984 (315 of
// 320), false positives 1.62 % (11 of 680); the rules alone 0.803, 0.944,
// 0.88 %; the keyword baseline 0.254, 0.541, 18.68 %. tune-14e and
// tune-14f with the engine after the readings the first four taught: 0.943
// (349 of 370), 0.981 (157 of 160), 1.76 % (6 of 340), where 1acbd2c gave
// 0.941, 0.981, 1.76 %; the rules alone 0.797, 0.950, 1.18 %; the keyword
// baseline 0.268, 0.562, 19.41 %. heldout-91 and heldout-92 (two more
// authors, the same brief; a city bike-share scheme, a national museum's
// collections database, a tax authority's online filing, a craft
// brewery's cellar control) were written after a freeze (c51a881) and
// measured once: together blame 0.949 (351 of 370), root cause 0.975 (156
// of 160), false positives 0.59 % (2 of 340); the rules alone 0.811,
// 0.938, 0.59 %; the engine as the round began (1acbd2c) 0.949, 0.975,
// 0.59 % (rules alone 0.808); the keyword baseline 0.276, 0.481, 16.47 %.
var corpusSplits = []struct {
	name, path                string
	tune                      bool
	minBlame, minCause, maxFP float64
}{
	{"dev", "testdata/corpus-dev.tsv", true, 0.95, 0.95, 0.01},
	{"team", "testdata/corpus-team.tsv", true, 0.95, 0.95, 0.01},
	{"public", "testdata/corpus-public.tsv", true, 0.95, 0.95, 0.01},
	{"tune-a", "testdata/corpus-tune-a.tsv", true, 0.96, 1, 0},
	{"tune-b", "testdata/corpus-tune-b.tsv", true, 0.97, 1, 0.003},
	{"tune-c", "testdata/corpus-tune-c.tsv", true, 0.97, 0.99, 0.002},
	{"tune-d", "testdata/corpus-tune-d.tsv", true, 0.98, 1, 0.008},
	{"validation", "testdata/corpus-chat.tsv", true, 0.96, 0.98, 0.004},
	{"holdout", "testdata/corpus-holdout.tsv", false, 0.95, 1, 0},
	{"heldout-2", "testdata/corpus-heldout2.tsv", true, 0.94, 1, 0.005},
	{"heldout-3", "testdata/corpus-heldout3.tsv", true, 0.93, 0.99, 0.005},
	{"heldout-4", "testdata/corpus-heldout4.tsv", true, 0.96, 1, 0.006},
	{"tune-5", "testdata/corpus-heldout5.tsv", true, 0.99, 1, 0.006},
	{"tune-6", "testdata/corpus-heldout6.tsv", true, 0.98, 1, 0.006},
	{"tune-7", "testdata/corpus-heldout7.tsv", true, 0.99, 1, 0},
	{"tune-e", "testdata/corpus-tune-e.tsv", true, 0.98, 1, 0.009},
	{"tune-f", "testdata/corpus-tune-f.tsv", true, 0.97, 0.99, 0.005},
	{"tune-g", "testdata/corpus-tune-g.tsv", true, 0.95, 0.98, 0},
	{"tune-h", "testdata/corpus-tune-h.tsv", true, 0.97, 0.98, 0.005},
	{"tune-i", "testdata/corpus-tune-i.tsv", true, 0.96, 1, 0.025},
	{"tune-j", "testdata/corpus-tune-j.tsv", true, 0.96, 0.97, 0.009},
	{"tune-k", "testdata/corpus-tune-k.tsv", true, 0.91, 1, 0.009},
	{"tune-l", "testdata/corpus-tune-l.tsv", true, 0.94, 0.98, 0.014},
	{"tune-m", "testdata/corpus-tune-m.tsv", true, 0.95, 0.97, 0.007},
	{"tune-n", "testdata/corpus-tune-n.tsv", true, 0.97, 0.97, 0.03},
	{"tune-o", "testdata/corpus-tune-o.tsv", true, 0.95, 1, 0.008},
	{"heldout-10", "testdata/corpus-heldout10.tsv", false, 0.87, 0.94, 0.008},
	{"heldout-12", "testdata/corpus-heldout12.tsv", false, 0.83, 0.82, 0.017},
	{"tune-13", "testdata/corpus-heldout13.tsv", true, 0.96, 1, 0},
	{"tune-14", "testdata/corpus-heldout14.tsv", true, 0.92, 1, 0},
	{"tune-15", "testdata/corpus-heldout15.tsv", true, 0.95, 0.94, 0},
	{"tune-16", "testdata/corpus-heldout16.tsv", true, 0.92, 0.98, 0},
	{"heldout-17", "testdata/corpus-heldout17.tsv", false, 0.98, 1, 0.007},
	{"heldout-18", "testdata/corpus-heldout18.tsv", false, 0.9, 0.97, 0},
	{"heldout-19", "testdata/corpus-heldout19.tsv", false, 0.88, 0.97, 0.018},
	{"heldout-20", "testdata/corpus-heldout20.tsv", false, 0.91, 0.96, 0.018},
	{"heldout-21", "testdata/corpus-heldout21.tsv", false, 0.87, 0.93, 0.006},
	{"heldout-22", "testdata/corpus-heldout22.tsv", false, 0.92, 0.98, 0},
	{"heldout-23", "testdata/corpus-heldout23.tsv", false, 0.92, 1, 0.024},
	{"heldout-24", "testdata/corpus-heldout24.tsv", false, 0.91, 1, 0.006},
	{"heldout-25", "testdata/corpus-heldout25.tsv", false, 0.94, 0.98, 0.012},
	{"heldout-26", "testdata/corpus-heldout26.tsv", false, 0.89, 1, 0},
	{"heldout-27", "testdata/corpus-heldout27.tsv", false, 0.92, 0.98, 0.036},
	{"heldout-28", "testdata/corpus-heldout28.tsv", false, 0.91, 0.92, 0},
	{"heldout-29", "testdata/corpus-heldout29.tsv", false, 0.91, 0.98, 0},
	{"heldout-30", "testdata/corpus-heldout30.tsv", false, 0.9, 1, 0.03},
	{"heldout-31", "testdata/corpus-heldout31.tsv", false, 0.87, 0.96, 0.024},
	{"heldout-32", "testdata/corpus-heldout32.tsv", false, 0.95, 0.97, 0.024},
	{"heldout-33", "testdata/corpus-heldout33.tsv", false, 0.94, 1, 0.006},
	{"heldout-34", "testdata/corpus-heldout34.tsv", false, 0.96, 1, 0},
	{"heldout-35", "testdata/corpus-heldout35.tsv", false, 0.89, 0.95, 0.006},
	{"heldout-36", "testdata/corpus-heldout36.tsv", false, 0.88, 0.91, 0.012},
	{"heldout-37", "testdata/corpus-heldout37.tsv", false, 0.92, 0.96, 0.012},
	{"heldout-38", "testdata/corpus-heldout38.tsv", false, 0.78, 0.87, 0.018},
	{"heldout-39", "testdata/corpus-heldout39.tsv", false, 0.81, 0.91, 0.012},
	{"heldout-40", "testdata/corpus-heldout40.tsv", false, 0.85, 0.96, 0.018},
	{"heldout-41", "testdata/corpus-heldout41.tsv", false, 0.83, 0.92, 0.03},
	{"heldout-42", "testdata/corpus-heldout42.tsv", false, 0.83, 0.85, 0.024},
	{"heldout-43", "testdata/corpus-heldout43.tsv", false, 0.81, 0.87, 0.018},
	{"heldout-44", "testdata/corpus-heldout44.tsv", false, 0.79, 0.9, 0.03},
	{"heldout-46", "testdata/corpus-heldout46.tsv", false, 0.89, 0.87, 0.048},
	{"heldout-47", "testdata/corpus-heldout47.tsv", false, 0.89, 0.98, 0.018},
	{"heldout-48", "testdata/corpus-heldout48.tsv", false, 0.9, 0.97, 0.006},
	{"heldout-49", "testdata/corpus-heldout49.tsv", false, 0.88, 0.95, 0.006},
	{"heldout-50", "testdata/corpus-heldout50.tsv", false, 0.86, 0.97, 0.006},
	{"heldout-51", "testdata/corpus-heldout51.tsv", false, 0.84, 0.97, 0.012},
	{"heldout-52", "testdata/corpus-heldout52.tsv", false, 0.92, 0.95, 0.006},
	{"heldout-53", "testdata/corpus-heldout53.tsv", false, 0.85, 0.91, 0.018},
	{"heldout-54", "testdata/corpus-heldout54.tsv", false, 0.9, 0.88, 0.018},
	{"heldout-55", "testdata/corpus-heldout55.tsv", false, 0.88, 1, 0.012},
	{"heldout-56", "testdata/corpus-heldout56.tsv", false, 0.9, 0.98, 0},
	{"heldout-57", "testdata/corpus-heldout57.tsv", false, 0.88, 0.97, 0.048},
	{"heldout-58", "testdata/corpus-heldout58.tsv", false, 0.79, 0.91, 0.059},
	{"heldout-59", "testdata/corpus-heldout59.tsv", false, 0.9, 1, 0.018},
	{"heldout-60", "testdata/corpus-heldout60.tsv", false, 0.92, 0.97, 0.006},
	{"heldout-61", "testdata/corpus-heldout61.tsv", false, 0.91, 0.95, 0},
	{"heldout-62", "testdata/corpus-heldout62.tsv", false, 0.89, 0.95, 0.024},
	{"heldout-63", "testdata/corpus-heldout63.tsv", false, 0.92, 0.97, 0.024},
	{"heldout-64", "testdata/corpus-heldout64.tsv", false, 0.85, 0.98, 0.012},
	{"heldout-65", "testdata/corpus-heldout65.tsv", false, 0.92, 1, 0.012},
	{"heldout-66", "testdata/corpus-heldout66.tsv", false, 0.89, 1, 0.012},
	{"heldout-67", "testdata/corpus-heldout67.tsv", false, 0.84, 0.93, 0},
	{"heldout-68", "testdata/corpus-heldout68.tsv", false, 0.86, 0.96, 0.006},
	{"heldout-69", "testdata/corpus-heldout69.tsv", false, 0.81, 0.97, 0.018},
	{"heldout-70", "testdata/corpus-heldout70.tsv", false, 0.91, 1, 0.024},
	{"heldout-71", "testdata/corpus-heldout71.tsv", false, 0.78, 0.98, 0},
	{"heldout-72", "testdata/corpus-heldout72.tsv", false, 0.75, 1, 0.012},
	{"heldout-73", "testdata/corpus-heldout73.tsv", false, 0.8, 1, 0},
	{"heldout-74", "testdata/corpus-heldout74.tsv", false, 0.81, 0.98, 0},
	{"heldout-75", "testdata/corpus-heldout75.tsv", false, 0.83, 0.92, 0.012},
	{"heldout-76", "testdata/corpus-heldout76.tsv", false, 0.83, 0.93, 0.012},
	{"heldout-77", "testdata/corpus-heldout77.tsv", false, 0.85, 0.93, 0.03},
	{"heldout-78", "testdata/corpus-heldout78.tsv", false, 0.84, 0.96, 0.006},
	{"heldout-79", "testdata/corpus-heldout79.tsv", false, 0.87, 0.91, 0.018},
	{"heldout-80", "testdata/corpus-heldout80.tsv", false, 0.85, 0.92, 0.077},
	{"heldout-81", "testdata/corpus-heldout81.tsv", false, 0.82, 0.81, 0.024},
	{"heldout-82", "testdata/corpus-heldout82.tsv", false, 0.84, 0.91, 0.042},
	{"heldout-83", "testdata/corpus-heldout83.tsv", false, 0.92, 0.97, 0.012},
	{"heldout-84", "testdata/corpus-heldout84.tsv", false, 0.91, 0.96, 0.018},
	{"heldout-85", "testdata/corpus-heldout85.tsv", false, 0.89, 0.98, 0.036},
	{"heldout-86", "testdata/corpus-heldout86.tsv", false, 0.89, 1, 0.018},
	{"heldout-87", "testdata/corpus-heldout87.tsv", false, 0.89, 0.98, 0.024},
	{"heldout-88", "testdata/corpus-heldout88.tsv", false, 0.92, 0.97, 0.018},
	{"heldout-89", "testdata/corpus-heldout89.tsv", false, 0.96, 1, 0.012},
	{"heldout-90", "testdata/corpus-heldout90.tsv", false, 0.92, 0.98, 0.018},
	{"heldout-91", "testdata/corpus-heldout91.tsv", false, 0.94, 1, 0.006},
	{"heldout-92", "testdata/corpus-heldout92.tsv", false, 0.95, 0.95, 0.006},
	{"tune-11", "testdata/corpus-heldout11.tsv", true, 0.98, 0.98, 0.008},
	{"tune-8", "testdata/corpus-heldout8.tsv", true, 0.97, 0.98, 0.009},
	{"tune-9", "testdata/corpus-heldout9.tsv", true, 0.97, 0.98, 0.01},
	{"tune-p", "testdata/corpus-tune-p.tsv", true, 0.96, 1, 0},
	{"tune-q", "testdata/corpus-tune-q.tsv", true, 0.96, 0.98, 0},
	{"tune-r", "testdata/corpus-tune-r.tsv", true, 0.97, 0.98, 0},
	{"tune-s", "testdata/corpus-tune-s.tsv", true, 0.97, 0.96, 0},
	{"tune-t", "testdata/corpus-tune-t.tsv", true, 0.96, 0.98, 0.006},
	{"tune-u", "testdata/corpus-tune-u.tsv", true, 0.95, 0.96, 0},
	{"tune-v", "testdata/corpus-tune-v.tsv", true, 0.96, 0.98, 0},
	{"tune-x", "testdata/corpus-tune-x.tsv", true, 0.93, 0.95, 0},
	{"tune-y", "testdata/corpus-tune-y.tsv", true, 0.93, 0.98, 0},
	{"tune-za", "testdata/corpus-tune-za.tsv", true, 0.94, 0.98, 0.006},
	{"tune-w", "testdata/corpus-tune-w.tsv", true, 0.94, 0.96, 0},
	{"tune-z", "testdata/corpus-tune-z.tsv", true, 0.95, 0.98, 0},
	{"tune-zf", "testdata/corpus-tune-zf.tsv", true, 0.95, 0.98, 0},
	{"tune-zg", "testdata/corpus-tune-zg.tsv", true, 0.95, 1, 0.006},
	{"tune-zb", "testdata/corpus-tune-zb.tsv", true, 0.96, 0.98, 0},
	{"tune-zd", "testdata/corpus-tune-zd.tsv", true, 0.92, 1, 0},
	{"tune-zc", "testdata/corpus-tune-zc.tsv", true, 0.96, 1, 0},
	{"tune-ze", "testdata/corpus-tune-ze.tsv", true, 0.92, 0.97, 0.006},
	{"tune-zh", "testdata/corpus-tune-zh.tsv", true, 0.96, 0.97, 0},
	{"tune-zk", "testdata/corpus-tune-zk.tsv", true, 0.96, 0.98, 0.012},
	{"tune-zm", "testdata/corpus-tune-zm.tsv", true, 0.98, 1, 0.006},
	{"tune-zi", "testdata/corpus-tune-zi.tsv", true, 0.95, 1, 0},
	{"tune-zj", "testdata/corpus-tune-zj.tsv", true, 0.95, 0.98, 0.012},
	{"tune-zl", "testdata/corpus-tune-zl.tsv", true, 0.94, 0.93, 0},
	{"tune-zn", "testdata/corpus-tune-zn.tsv", true, 0.97, 1, 0},
	{"tune-zq", "testdata/corpus-tune-zq.tsv", true, 0.98, 1, 0},
	{"tune-zp", "testdata/corpus-tune-zp.tsv", true, 0.96, 1, 0},
	{"tune-zr", "testdata/corpus-tune-zr.tsv", true, 0.98, 1, 0},
	{"tune-zs", "testdata/corpus-tune-zs.tsv", true, 0.98, 0.97, 0},
	{"tune-zo", "testdata/corpus-tune-zo.tsv", true, 0.98, 0.97, 0},
	{"tune-zt", "testdata/corpus-tune-zt.tsv", true, 0.97, 1, 0.006},
	{"tune-zu", "testdata/corpus-tune-zu.tsv", true, 0.97, 0.98, 0.018},
	{"tune-zw", "testdata/corpus-tune-zw.tsv", true, 0.94, 0.97, 0},
	{"tune-zx", "testdata/corpus-tune-zx.tsv", true, 0.95, 1, 0},
	{"tune-zv", "testdata/corpus-tune-zv.tsv", true, 0.97, 0.98, 0.012},
	{"tune-zy", "testdata/corpus-tune-zy.tsv", true, 0.96, 1, 0},
	{"tune-zzd", "testdata/corpus-tune-zzd.tsv", true, 0.97, 1, 0.006},
	{"tune-zz", "testdata/corpus-tune-zz.tsv", true, 0.96, 1, 0},
	{"tune-zza", "testdata/corpus-tune-zza.tsv", true, 0.96, 1, 0},
	{"tune-zzb", "testdata/corpus-tune-zzb.tsv", true, 0.95, 1, 0},
	{"tune-zzc", "testdata/corpus-tune-zzc.tsv", true, 0.96, 0.97, 0.006},
	{"tune-zze", "testdata/corpus-tune-zze.tsv", true, 0.96, 0.96, 0},
	{"tune-zzf", "testdata/corpus-tune-zzf.tsv", true, 0.96, 1, 0},
	{"tune-zzg", "testdata/corpus-tune-zzg.tsv", true, 0.96, 1, 0.012},
	{"tune-zzh", "testdata/corpus-tune-zzh.tsv", true, 0.93, 1, 0},
	{"tune-zzi", "testdata/corpus-tune-zzi.tsv", true, 0.95, 1, 0},
	{"tune-zzj", "testdata/corpus-tune-zzj.tsv", true, 0.97, 1, 0},
	{"tune-zzk", "testdata/corpus-tune-zzk.tsv", true, 0.96, 1, 0.006},
	{"tune-zzl", "testdata/corpus-tune-zzl.tsv", true, 0.95, 1, 0},
	{"tune-zzm", "testdata/corpus-tune-zzm.tsv", true, 0.95, 0.92, 0},
	{"tune-zzn", "testdata/corpus-tune-zzn.tsv", true, 0.95, 0.97, 0.012},
	{"tune-zzo", "testdata/corpus-tune-zzo.tsv", true, 0.95, 1, 0.012},
	{"tune-zzp", "testdata/corpus-tune-zzp.tsv", true, 0.96, 1, 0.006},
	{"tune-zzq", "testdata/corpus-tune-zzq.tsv", true, 0.96, 1, 0.012},
	{"tune-zzr", "testdata/corpus-tune-zzr.tsv", true, 0.96, 0.92, 0},
	{"tune-zzs", "testdata/corpus-tune-zzs.tsv", true, 0.95, 0.98, 0.006},
	{"tune-zzt", "testdata/corpus-tune-zzt.tsv", true, 0.97, 0.97, 0.006},
	{"tune-zzu", "testdata/corpus-tune-zzu.tsv", true, 0.94, 0.93, 0.006},
	{"tune-zzv", "testdata/corpus-tune-zzv.tsv", true, 0.95, 0.98, 0},
	{"tune-zzw", "testdata/corpus-tune-zzw.tsv", true, 0.96, 0.93, 0.006},
	{"tune-zzx", "testdata/corpus-tune-zzx.tsv", true, 0.95, 0.97, 0.006},
	{"tune-zzy", "testdata/corpus-tune-zzy.tsv", true, 0.95, 0.97, 0.006},
	{"tune-zzz", "testdata/corpus-tune-zzz.tsv", true, 0.96, 0.93, 0.006},
	{"tune-zzza", "testdata/corpus-tune-zzza.tsv", true, 0.95, 0.92, 0.012},
	{"tune-zzzb", "testdata/corpus-tune-zzzb.tsv", true, 0.97, 1, 0.012},
	{"tune-zzzc", "testdata/corpus-tune-zzzc.tsv", true, 0.99, 1, 0.012},
	{"tune-zzzd", "testdata/corpus-tune-zzzd.tsv", true, 0.97, 1, 0},
	{"tune-zzze", "testdata/corpus-tune-zzze.tsv", true, 0.97, 1, 0},
	{"tune-zzzf", "testdata/corpus-tune-zzzf.tsv", true, 0.96, 0.97, 0.012},
	{"tune-zzzg", "testdata/corpus-tune-zzzg.tsv", true, 0.95, 1, 0.006},
	{"tune-zzzh", "testdata/corpus-tune-zzzh.tsv", true, 0.95, 0.96, 0},
	{"tune-zzzi", "testdata/corpus-tune-zzzi.tsv", true, 0.94, 0.98, 0.018},
	{"tune-zzzj", "testdata/corpus-tune-zzzj.tsv", true, 0.92, 0.9, 0},
	{"tune-zzzk", "testdata/corpus-tune-zzzk.tsv", true, 0.98, 0.97, 0},
	{"tune-zzzl", "testdata/corpus-tune-zzzl.tsv", true, 0.94, 0.9, 0.018},
	{"tune-zzzm", "testdata/corpus-tune-zzzm.tsv", true, 0.96, 0.97, 0},
	{"tune-zzzn", "testdata/corpus-tune-zzzn.tsv", true, 0.92, 0.95, 0},
	{"tune-zzzo", "testdata/corpus-tune-zzzo.tsv", true, 0.96, 0.97, 0.006},
	{"tune-zzzp", "testdata/corpus-tune-zzzp.tsv", true, 0.92, 0.93, 0},
	{"tune-zzzq", "testdata/corpus-tune-zzzq.tsv", true, 0.94, 1, 0.006},
	{"tune-zzzr", "testdata/corpus-tune-zzzr.tsv", true, 0.92, 0.95, 0.018},
	{"tune-zzzs", "testdata/corpus-tune-zzzs.tsv", true, 0.94, 0.98, 0.006},
	{"tune-zzzt", "testdata/corpus-tune-zzzt.tsv", true, 0.95, 0.97, 0},
	{"tune-zzzu", "testdata/corpus-tune-zzzu.tsv", true, 0.95, 1, 0},
	{"tune-zzzv", "testdata/corpus-tune-zzzv.tsv", true, 0.96, 0.98, 0},
	{"tune-zzzw", "testdata/corpus-tune-zzzw.tsv", true, 0.96, 0.98, 0},
	{"tune-zzzx", "testdata/corpus-tune-zzzx.tsv", true, 0.94, 0.98, 0},
	{"tune-zzzy", "testdata/corpus-tune-zzzy.tsv", true, 0.97, 0.97, 0},
	{"tune-zzzz", "testdata/corpus-tune-zzzz.tsv", true, 0.95, 0.92, 0.012},
	{"tune-zzzza", "testdata/corpus-tune-zzzza.tsv", true, 0.96, 0.98, 0},
	{"tune-zzzzc", "testdata/corpus-tune-zzzzc.tsv", true, 0.95, 0.98, 0},
	{"tune-zzzzd", "testdata/corpus-tune-zzzzd.tsv", true, 0.94, 0.97, 0},
	{"tune-zzzze", "testdata/corpus-tune-zzzze.tsv", true, 0.97, 0.97, 0.006},
	{"tune-zzzzf", "testdata/corpus-tune-zzzzf.tsv", true, 0.96, 0.98, 0.006},
	{"tune-zzzzg", "testdata/corpus-tune-zzzzg.tsv", true, 0.97, 0.98, 0.012},
	{"tune-zzzzh", "testdata/corpus-tune-zzzzh.tsv", true, 0.98, 1, 0.006},
	{"tune-zzzzi", "testdata/corpus-tune-zzzzi.tsv", true, 0.98, 1, 0},
	{"tune-zzzzj", "testdata/corpus-tune-zzzzj.tsv", true, 0.98, 1, 0},
	{"tune-zzzzk", "testdata/corpus-tune-zzzzk.tsv", true, 0.98, 1, 0},
	{"tune-zzzzl", "testdata/corpus-tune-zzzzl.tsv", true, 0.98, 1, 0},
	{"tune-zzzzm", "testdata/corpus-tune-zzzzm.tsv", true, 0.97, 1, 0},
	{"tune-zzzzn", "testdata/corpus-tune-zzzzn.tsv", true, 0.97, 1, 0.006},
	{"tune-zzzzo", "testdata/corpus-tune-zzzzo.tsv", true, 0.97, 0.97, 0.018},
	{"tune-zzzzp", "testdata/corpus-tune-zzzzp.tsv", true, 0.97, 1, 0},
	{"tune-zzzzq", "testdata/corpus-tune-zzzzq.tsv", true, 0.95, 0.98, 0},
	{"tune-zzzzr", "testdata/corpus-tune-zzzzr.tsv", true, 0.96, 0.93, 0},
	{"tune-zzzzs", "testdata/corpus-tune-zzzzs.tsv", true, 0.96, 0.97, 0},
	{"tune-zzzzt", "testdata/corpus-tune-zzzzt.tsv", true, 0.96, 0.93, 0.018},
	{"tune-zzzzu", "testdata/corpus-tune-zzzzu.tsv", true, 0.96, 0.97, 0},
	{"tune-zzzzv", "testdata/corpus-tune-zzzzv.tsv", true, 0.95, 0.97, 0},
	{"tune-zzzzw", "testdata/corpus-tune-zzzzw.tsv", true, 0.96, 1, 0},
	{"tune-zzzzx", "testdata/corpus-tune-zzzzx.tsv", true, 0.95, 0.9, 0},
	{"clean-a", "testdata/corpus-clean-a.tsv", true, 0, 0, 0.008},
	{"clean-b", "testdata/corpus-clean-b.tsv", true, 0, 0, 0},
	{"clean-c", "testdata/corpus-clean-c.tsv", true, 0, 0, 0.01},
	{"clean-d", "testdata/corpus-clean-d.tsv", true, 0, 0, 0.018},
	{"clean-f", "testdata/corpus-clean-f.tsv", true, 0, 0, 0.003},
	{"tune-6c", "testdata/corpus-tune-6c.tsv", true, 0.95, 0.98, 0},
	{"tune-6d", "testdata/corpus-tune-6d.tsv", true, 0.98, 0.98, 0.006},
	{"clean-e", "testdata/corpus-clean-e.tsv", true, 0, 0, 0.01},
	{"tune-6a", "testdata/corpus-tune-6a.tsv", true, 0.97, 1, 0},
	{"tune-6b", "testdata/corpus-tune-6b.tsv", true, 0.97, 0.98, 0},
	{"tune-6g", "testdata/corpus-tune-6g.tsv", true, 0.95, 0.96, 0},
	{"tune-6h", "testdata/corpus-tune-6h.tsv", true, 0.96, 0.97, 0.006},
	{"clean-g", "testdata/corpus-clean-g.tsv", true, 0, 0, 0.01},
	{"tune-6e", "testdata/corpus-tune-6e.tsv", true, 0.96, 0.98, 0.006},
	{"clean-h", "testdata/corpus-clean-h.tsv", true, 0, 0, 0.013},
	{"tune-6f", "testdata/corpus-tune-6f.tsv", true, 0.93, 0.98, 0.006},
	{"tune-6j", "testdata/corpus-tune-6j.tsv", true, 0.96, 0.96, 0},
	{"clean-i", "testdata/corpus-clean-i.tsv", true, 0, 0, 0.01},
	{"tune-6i", "testdata/corpus-tune-6i.tsv", true, 0.95, 0.97, 0.006},
	{"tune-6k", "testdata/corpus-tune-6k.tsv", true, 0.98, 0.98, 0},
	{"clean-j", "testdata/corpus-clean-j.tsv", true, 0, 0, 0.013},
	{"tune-7a", "testdata/corpus-tune-7a.tsv", true, 0.96, 0.98, 0.006},
	{"tune-7b", "testdata/corpus-tune-7b.tsv", true, 0.95, 1, 0},
	{"tune-7c", "testdata/corpus-tune-7c.tsv", true, 0.97, 1, 0},
	{"tune-7d", "testdata/corpus-tune-7d.tsv", true, 1, 1, 0},
	{"tune-7e", "testdata/corpus-tune-7e.tsv", true, 0.96, 0.97, 0.006},
	{"tune-7f", "testdata/corpus-tune-7f.tsv", true, 0.96, 0.97, 0.012},
	{"clean-k", "testdata/corpus-clean-k.tsv", true, 0, 0, 0.025},
	{"clean-l", "testdata/corpus-clean-l.tsv", true, 0, 0, 0.035},
	{"tune-7g", "testdata/corpus-tune-7g.tsv", true, 0.95, 0.98, 0},
	{"tune-7h", "testdata/corpus-tune-7h.tsv", true, 0.97, 0.98, 0},
	{"tune-7i", "testdata/corpus-tune-7i.tsv", true, 0.97, 1, 0.006},
	{"tune-7j", "testdata/corpus-tune-7j.tsv", true, 0.94, 0.98, 0},
	{"tune-8a", "testdata/corpus-tune-8a.tsv", true, 0.96, 1, 0},
	{"tune-8b", "testdata/corpus-tune-8b.tsv", true, 0.96, 0.98, 0.012},
	{"tune-8c", "testdata/corpus-tune-8c.tsv", true, 0.95, 0.97, 0.018},
	{"tune-8d", "testdata/corpus-tune-8d.tsv", true, 0.97, 0.97, 0},
	{"clean-m", "testdata/corpus-clean-m.tsv", true, 0, 0, 0.018},
	{"clean-n", "testdata/corpus-clean-n.tsv", true, 0, 0, 0.015},
	{"tune-8e", "testdata/corpus-tune-8e.tsv", true, 0.91, 0.98, 0},
	{"tune-8f", "testdata/corpus-tune-8f.tsv", true, 0.91, 0.97, 0.006},
	{"tune-8g", "testdata/corpus-tune-8g.tsv", true, 0.95, 1, 0},
	{"tune-8h", "testdata/corpus-tune-8h.tsv", true, 0.94, 0.96, 0},
	{"clean-o", "testdata/corpus-clean-o.tsv", true, 0, 0, 0.01},
	{"clean-p", "testdata/corpus-clean-p.tsv", true, 0, 0, 0.008},
	{"tune-9a", "testdata/corpus-tune-9a.tsv", true, 0.96, 0.98, 0.012},
	{"tune-9b", "testdata/corpus-tune-9b.tsv", true, 0.96, 0.97, 0},
	{"tune-9c", "testdata/corpus-tune-9c.tsv", true, 0.96, 0.98, 0},
	{"tune-9d", "testdata/corpus-tune-9d.tsv", true, 0.98, 0.97, 0.012},
	{"clean-q", "testdata/corpus-clean-q.tsv", true, 0, 0, 0.008},
	{"clean-r", "testdata/corpus-clean-r.tsv", true, 0, 0, 0.008},
	{"tune-9e", "testdata/corpus-tune-9e.tsv", true, 0.95, 1, 0.006},
	{"tune-9g", "testdata/corpus-tune-9g.tsv", true, 0.95, 1, 0},
	{"tune-9h", "testdata/corpus-tune-9h.tsv", true, 0.97, 0.98, 0},
	{"clean-s", "testdata/corpus-clean-s.tsv", true, 0, 0, 0.04},
	{"clean-t", "testdata/corpus-clean-t.tsv", true, 0, 0, 0.06},
	{"tune-9f", "testdata/corpus-tune-9f.tsv", true, 0.96, 0.98, 0},
	{"tune-10b", "testdata/corpus-tune-10b.tsv", true, 0.95, 0.97, 0.006},
	{"tune-10c", "testdata/corpus-tune-10c.tsv", true, 0.96, 0.97, 0.006},
	{"tune-10d", "testdata/corpus-tune-10d.tsv", true, 0.96, 0.98, 0.012},
	{"tune-10e", "testdata/corpus-tune-10e.tsv", true, 0.91, 0.98, 0.012},
	{"tune-10f", "testdata/corpus-tune-10f.tsv", true, 0.95, 0.96, 0.006},
	{"tune-10a", "testdata/corpus-tune-10a.tsv", true, 0.89, 1, 0.012},
	{"tune-10g", "testdata/corpus-tune-10g.tsv", true, 0.85, 0.98, 0.018},
	{"tune-10h", "testdata/corpus-tune-10h.tsv", true, 0.87, 0.96, 0.018},
	{"tune-10i", "testdata/corpus-tune-10i.tsv", true, 0.85, 0.94, 0.024},
	{"tune-10j", "testdata/corpus-tune-10j.tsv", true, 0.84, 0.91, 0.018},
	{"tune-11a", "testdata/corpus-tune-11a.tsv", true, 0.82, 0.97, 0.03},
	{"tune-11b", "testdata/corpus-tune-11b.tsv", true, 0.91, 0.95, 0.018},
	{"tune-11c", "testdata/corpus-tune-11c.tsv", true, 0.86, 0.87, 0.024},
	{"tune-11d", "testdata/corpus-tune-11d.tsv", true, 0.91, 0.93, 0.048},
	{"tune-12a", "testdata/corpus-tune-12a.tsv", true, 0.97, 0.98, 0.012},
	{"tune-12b", "testdata/corpus-tune-12b.tsv", true, 0.9, 0.97, 0},
	{"tune-12c", "testdata/corpus-tune-12c.tsv", true, 0.91, 0.96, 0.018},
	{"tune-12d", "testdata/corpus-tune-12d.tsv", true, 0.94, 1, 0.036},
	{"tune-13a", "testdata/corpus-tune-13a.tsv", true, 0.95, 0.97, 0.012},
	{"tune-13b", "testdata/corpus-tune-13b.tsv", true, 0.93, 0.98, 0.012},
	{"tune-13c", "testdata/corpus-tune-13c.tsv", true, 0.95, 0.97, 0.024},
	{"tune-13d", "testdata/corpus-tune-13d.tsv", true, 0.95, 0.98, 0.018},
	{"tune-13e", "testdata/corpus-tune-13e.tsv", true, 0.96, 0.98, 0.012},
	{"tune-13f", "testdata/corpus-tune-13f.tsv", true, 0.94, 1, 0},
	{"tune-13g", "testdata/corpus-tune-13g.tsv", true, 0.92, 1, 0.012},
	{"tune-13h", "testdata/corpus-tune-13h.tsv", true, 0.94, 0.98, 0.006},
	{"tune-14a", "testdata/corpus-tune-14a.tsv", true, 0.97, 1, 0},
	{"tune-14b", "testdata/corpus-tune-14b.tsv", true, 0.95, 1, 0.006},
	{"tune-14c", "testdata/corpus-tune-14c.tsv", true, 0.94, 1, 0.006},
	{"tune-14d", "testdata/corpus-tune-14d.tsv", true, 0.97, 1, 0},
	{"tune-14e", "testdata/corpus-tune-14e.tsv", true, 0.92, 0.98, 0.012},
	{"tune-14f", "testdata/corpus-tune-14f.tsv", true, 0.95, 0.97, 0.006},
}

func TestCorpus(t *testing.T) {
	l, err := New(config.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	// The rules alone, without the models' reads-as-blame and
	// reads-as-one-cause: what the models add is the difference.
	rules, err := New(config.Lint{Rules: map[string]string{idReadsAsBlame: "off", idReadsAsOneCause: "off"}})
	if err != nil {
		t.Fatal(err)
	}
	label := func(b, r bool) string {
		switch {
		case b && r:
			return "blame+root-cause"
		case b:
			return "blame"
		case r:
			return "root-cause"
		}
		return "clean"
	}
	for _, split := range corpusSplits {
		t.Run(split.name, func(t *testing.T) {
			var miss func(c corpusLine, b, r bool)
			if split.tune && *showMisses {
				miss = func(c corpusLine, b, r bool) {
					t.Logf("line %d: want %s, got %s: %s", c.line, label(c.blame, c.rootCause), label(b, r), c.text)
				}
			}
			lines := readCorpus(t, split.path)
			if *unseenSplit && split.tune {
				// The rules still know the split; the models do not.
				m, err := parseModel(trainBlameModel(t, split.name))
				if err != nil {
					t.Fatal(err)
				}
				cm, err := parseModel(trainCauseModel(t, split.name))
				if err != nil {
					t.Fatal(err)
				}
				saved, savedCause := defaultModel, defaultCauseModel
				defaultModel = func() *linearModel { return m }
				defaultCauseModel = func() *linearModel { return cm }
				defer func() { defaultModel, defaultCauseModel = saved, savedCause }()
			}
			f := measure(l, lines, miss)
			base := measureWith(keywordBaseline, lines, nil)
			t.Logf("%s: %s", split.name, f)
			t.Logf("%s, rules alone: %s", split.name, measure(rules, lines, nil))
			t.Logf("%s, keyword baseline: %s", split.name, base)
			if f.blameRecall()-f.fpRate() <= base.blameRecall()-base.fpRate() || f.causeRecall()-f.fpRate() <= base.causeRecall()-base.fpRate() {
				t.Errorf("not ahead of the keyword baseline (recall minus false-positive rate)")
			}
			if r := f.blameRecall(); r < split.minBlame {
				t.Errorf("blame recall %.3f < %.2f", r, split.minBlame)
			}
			if r := f.causeRecall(); r < split.minCause {
				t.Errorf("root-cause recall %.3f < %.2f", r, split.minCause)
			}
			if r := f.fpRate(); r > split.maxFP {
				t.Errorf("clean false-positive rate %.4f > %.2f", r, split.maxFP)
			}
		})
	}
}

// TestVariants checks sentences written while building the rules, beyond the
// corpus: every one must be classified as labelled.
func TestVariants(t *testing.T) {
	l := mustLinter(t)
	for _, c := range readCorpus(t, "testdata/variants.tsv") {
		if b, r := classify(l, c.text); b != c.blame || r != c.rootCause {
			t.Errorf("line %d: want blame=%v root-cause=%v, got %v %v: %s", c.line, c.blame, c.rootCause, b, r, c.text)
		}
	}
}

// The keyword baseline is what a style checker's word list does: a sentence
// is blame when it holds one of the usual blame words, root-cause framing
// when it holds one of the usual root-cause words. The corpus test shows
// the linter ahead of it on every split.
var (
	blameKeywords = []string{"human error", "operator error", "user error", "failed to", "fail to", "forgot", "neglected",
		"careless", "sloppy", "negligent", "reckless", "incompetent", "lazy", "should have", "could have", "mistake", "blame",
		"fault", "accidentally", "by mistake", "ignored", "missed", "overlooked", "oversight", "held accountable", "didn't", "did not"}
	rootCauseKeywords = []string{"root cause", "root-cause", "rca", "sole cause", "single cause", "underlying cause", "true cause", "real cause"}
)

func keywordBaseline(text string) (blame, rootCause bool) {
	t := " " + strings.ToLower(text) + " "
	has := func(words []string) bool {
		for _, w := range words {
			if i := strings.Index(t, w); i > 0 && !isLetter(t[i-1]) && !isLetter(t[i+len(w)]) {
				return true
			}
		}
		return false
	}
	return has(blameKeywords), has(rootCauseKeywords)
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' }
