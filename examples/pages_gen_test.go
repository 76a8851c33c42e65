package examples_test

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/debrief/debrief/paging"
)

// The demo's paging data, pages.csv, is generated here, from a fixed seed:
// `go test ./examples -run TestDemoPages -update` writes it again. Six
// months, 1 November 2025 to 30 April 2026, of pages for every Larkspur
// team, on call from Amsterdam. What the postmortems tell is in it:
// DispatchQueueLagHigh's December page storm (PM-2025-016: 31 pages in 41
// hours, 12 in business hours, 10 in off-hours, 9 in sleep hours), the
// week of the Hamburg stall (PM-2026-005: 41 pages of the alert, 9 in
// sleep hours, three of them that night), the week after its threshold was
// lowered (PM-2026-010: 52 pages, 24, 11 and 17) and its retirement on 11
// March; logistics' other alerts busier through its reactive stretch, and
// a burst of pages at the start of every incident of the archive.

var (
	demoFrom = time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	demoTo   = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
)

// demoAlerts are each team's alerts besides DispatchQueueLagHigh, with
// their services.
var demoAlerts = map[string][][2]string{
	"payments":   {{"PaymentsAPIErrorRate", "payments-api"}, {"LedgerReplicationLag", "ledger"}, {"PaystreamLatencyHigh", "payments-api"}},
	"checkout":   {{"CheckoutErrorRate", "checkout-web"}, {"CartRedisMemoryHigh", "cart-service"}},
	"platform":   {{"EdgeLB5xxHigh", "edge-lb"}, {"NodeNotReady", "k8s-prod"}, {"ConfigPushFailed", "config-service"}, {"OrderEventsConsumerLag", "order-events"}, {"APIGatewayLatencyHigh", "api-gateway"}},
	"storefront": {{"SearchLatencyHigh", "search-api"}, {"CatalogImportFailed", "catalog"}},
	"logistics":  {{"RoutingEngineMemoryHigh", "routing-engine"}, {"CourierAppCrashRate", "courier-app"}, {"WarehouseSyncErrors", "warehouse-sync"}, {"DispatchAssignmentsStalled", "dispatch"}},
	"data":       {{"AnalyticsPipelineLate", "analytics-pipeline"}},
	"identity":   {{"AuthLoginFailuresHigh", "auth-service"}, {"SSOErrors", "sso"}},
	"mobile":     {{"NotificationsQueueBacklog", "notifications"}, {"IOSCrashRate", "ios-app"}, {"AndroidCrashRate", "android-app"}},
}

// demoRates are each team's usual pages a week.
var demoRates = map[string]float64{
	"payments": 3, "checkout": 3, "platform": 6, "storefront": 2, "logistics": 6, "data": 2, "identity": 1.5, "mobile": 2.5,
}

// demoBursts are the incidents of the archive in the six months: the
// pages at their start, by team, alert and service.
var demoBursts = []struct {
	at                   string
	team, alert, service string
	n                    int
}{
	{"2025-11-12T09:30:00Z", "payments", "PaymentsAPIErrorRate", "payments-api", 4},       // PM-2025-014
	{"2025-11-28T06:04:00Z", "platform", "OrderEventsConsumerLag", "order-events", 5},     // PM-2025-015
	{"2025-11-28T06:20:00Z", "logistics", "WarehouseSyncErrors", "warehouse-sync", 4},     // PM-2025-015
	{"2025-12-11T08:10:00Z", "identity", "SSOErrors", "sso", 3},                           // PM-2025-017
	{"2025-12-22T11:40:00Z", "platform", "OrderEventsConsumerLag", "order-events", 4},     // PM-2025-018
	{"2026-01-08T10:12:00Z", "platform", "NodeNotReady", "k8s-prod", 5},                   // PM-2026-001
	{"2026-01-08T10:20:00Z", "storefront", "SearchLatencyHigh", "search-api", 3},          // PM-2026-001
	{"2026-01-20T09:00:00Z", "identity", "AuthLoginFailuresHigh", "auth-service", 3},      // PM-2026-002
	{"2026-01-28T17:20:00Z", "payments", "PaystreamLatencyHigh", "payments-api", 3},       // PM-2026-003
	{"2026-02-03T16:50:00Z", "logistics", "DispatchAssignmentsStalled", "dispatch", 5},    // PM-2026-004
	{"2026-02-13T04:30:00Z", "logistics", "CourierAppCrashRate", "courier-app", 4},        // PM-2026-006
	{"2026-02-18T11:20:00Z", "logistics", "RoutingEngineMemoryHigh", "routing-engine", 5}, // PM-2026-007
	{"2026-02-24T17:15:00Z", "logistics", "CourierAppCrashRate", "courier-app", 3},        // PM-2026-008
	{"2026-03-02T09:10:00Z", "logistics", "DispatchAssignmentsStalled", "dispatch", 4},    // PM-2026-009
	{"2026-03-02T09:12:00Z", "platform", "ConfigPushFailed", "config-service", 2},         // PM-2026-009
	{"2026-03-06T05:40:00Z", "logistics", "DispatchAssignmentsStalled", "dispatch", 5},    // PM-2026-011
	{"2026-03-14T08:10:00Z", "logistics", "WarehouseSyncErrors", "warehouse-sync", 5},     // PM-2026-012
	{"2026-03-18T13:05:00Z", "logistics", "RoutingEngineMemoryHigh", "routing-engine", 3}, // PM-2026-013
	{"2026-04-02T10:00:00Z", "mobile", "AndroidCrashRate", "android-app", 3},              // PM-2026-014
	{"2026-04-14T17:20:00Z", "platform", "ConfigPushFailed", "config-service", 4},         // PM-2026-015
	{"2026-04-28T07:12:00Z", "platform", "EdgeLB5xxHigh", "edge-lb", 4},                   // PM-2026-016
}

// dqlhWeeks plans DispatchQueueLagHigh's usual pages per ISO week, 45 %
// of them in business hours and 35 % in sleep hours; the weeks the
// postmortems tell about are added on their own in demoPages.
var dqlhWeeks = map[string]int{
	"2025-W44": 2, "2025-W45": 4, "2025-W46": 5, "2025-W47": 3, "2025-W48": 6,
	"2025-W50": 9, "2025-W51": 8, "2025-W52": 10, "2026-W01": 7, "2026-W02": 8, "2026-W03": 9,
	"2026-W04": 10, "2026-W05": 12, "2026-W06": 22, "2026-W08": 30, "2026-W09": 27,
}

type demo struct {
	r     *rand.Rand
	loc   *time.Location
	pages []paging.Page
}

// outcome is how a page ended.
type outcome int

const (
	worked  outcome = iota // acknowledged, resolved by a person
	flap                   // resolved by the monitoring within minutes, nobody acknowledged
	ignored                // resolved by the monitoring later, nobody acknowledged
	noise                  // acknowledged, then marked as noise
)

func (d *demo) add(team, alert, service string, at time.Time, o outcome) {
	m := time.Minute
	p := paging.Page{Source: "demo", SourceID: "", Team: team, Service: service, Alert: alert, Urgency: paging.High,
		Rotation: team + "-primary", Triggered: at.UTC().Truncate(time.Minute), AckTracked: true}
	switch o {
	case worked:
		p.Acknowledged = p.Triggered.Add(time.Duration(1+d.r.IntN(8)) * m)
		p.Resolved, p.ResolvedBy = p.Acknowledged.Add(time.Duration(10+d.r.IntN(80))*m), paging.ByPerson
	case flap:
		p.Resolved, p.ResolvedBy = p.Triggered.Add(time.Duration(1+d.r.IntN(4))*m), paging.BySystem
	case ignored:
		p.Resolved, p.ResolvedBy = p.Triggered.Add(time.Duration(8+d.r.IntN(30))*m), paging.BySystem
	case noise:
		p.Acknowledged = p.Triggered.Add(time.Duration(1+d.r.IntN(6)) * m)
		p.Resolved, p.ResolvedBy, p.Noise = p.Acknowledged.Add(time.Duration(2+d.r.IntN(10))*m), paging.ByPerson, true
	}
	if p.Team != "logistics" && d.r.IntN(5) == 0 || p.Alert == "AnalyticsPipelineLate" {
		p.Urgency = paging.Low
	}
	d.pages = append(d.pages, p)
}

// bandHours are the local hours of each band.
var bandHours = [3][]int{{8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}, {19, 20, 21, 22}, {23, 0, 1, 2, 3, 4, 5, 6, 7}}

// at returns a random minute of the band (0 business, 1 off, 2 sleep)
// on the local day, within [lo, hi).
func (d *demo) at(day time.Time, band int, lo, hi time.Time) time.Time {
	for range 1000 {
		hs := bandHours[band]
		h := hs[d.r.IntN(len(hs))]
		if band == 2 && h == 23 && d.r.IntN(3) > 0 {
			h = 5 + d.r.IntN(2) // the morning peak wakes people most
		}
		y, mo, dd := day.Date()
		t := time.Date(y, mo, dd, h, d.r.IntN(60), 0, 0, d.loc)
		if !t.Before(lo) && t.Before(hi) {
			return t
		}
	}
	panic(fmt.Sprintf("no minute of band %d on %s between %s and %s", band, day, lo, hi))
}

// spread places pages of DispatchQueueLagHigh in [lo, hi), as many in
// each band (business, off, sleep) as given, in episodes that flap: up to
// three pages, each firing again 5 to 20 minutes after the one before
// resolved, all in one band.
func (d *demo) spread(lo, hi time.Time, bands [3]int) {
	days := int(hi.Sub(lo).Hours()/24) + 2
	for band, n := range bands {
		for n > 0 {
			k := min(n, 1+d.r.IntN(3))
			for try := 0; ; try++ {
				if try > 200 {
					k = 1
				}
				day := lo.In(d.loc).AddDate(0, 0, d.r.IntN(days)-1)
				y, m, dd := day.Date()
				at := d.at(day, band, time.Date(y, m, dd, 0, 0, 0, 0, d.loc), time.Date(y, m, dd+1, 0, 0, 0, 0, d.loc))
				mark := len(d.pages)
				ok := true
				for i := range k {
					if i > 0 {
						prev := d.pages[len(d.pages)-1]
						at = prev.Resolved.Add(time.Duration(5+d.r.IntN(16)) * time.Minute)
					}
					if at.Before(lo) || !at.Before(hi) || band != bandOf(at, d.loc) {
						ok = false
						break
					}
					d.dqlh(at)
				}
				if ok {
					break
				}
				d.pages = d.pages[:mark]
			}
			n -= k
		}
	}
}

// bandOf returns the band (0 business, 1 off, 2 sleep) of t in loc.
func bandOf(t time.Time, loc *time.Location) int {
	for band, hours := range bandHours {
		if slices.Contains(hours, t.In(loc).Hour()) {
			return band
		}
	}
	return 2
}

// dqlh adds one DispatchQueueLagHigh page: mostly flaps, some ignored,
// few worked on.
func (d *demo) dqlh(at time.Time) {
	o := flap
	switch r := d.r.IntN(10); {
	case r < 2:
		o = ignored
	case r < 3:
		o = worked
	}
	d.add("logistics", "DispatchQueueLagHigh", "dispatch", at, o)
}

func local(d *demo, s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, d.loc)
	if err != nil {
		panic(err)
	}
	return t
}

// demoPages generates the six months.
func demoPages(loc *time.Location) []paging.Page {
	d := &demo{r: rand.New(rand.NewPCG(2026, 3)), loc: loc}
	// Every team's usual pages, day by day.
	teams := []string{"checkout", "data", "identity", "logistics", "mobile", "payments", "platform", "storefront"}
	for day := demoFrom.In(loc); day.Before(demoTo); day = day.AddDate(0, 0, 1) {
		y, m, dd := day.Date()
		start, end := time.Date(y, m, dd, 0, 0, 0, 0, loc), time.Date(y, m, dd+1, 0, 0, 0, 0, loc)
		for _, team := range teams {
			rate := demoRates[team] / 7
			if team == "logistics" && !day.Before(local(d, "2026-02-02 00:00")) && day.Before(local(d, "2026-03-23 00:00")) {
				rate *= 2.5 // the reactive stretch
			}
			for n := poisson(d.r, rate); n > 0; n-- {
				band := 0
				if r := d.r.Float64(); r > 0.85 {
					band = 2
				} else if r > 0.7 {
					band = 1
				}
				a := demoAlerts[team][d.r.IntN(len(demoAlerts[team]))]
				o := worked
				switch r := d.r.IntN(20); {
				case r < 2:
					o = ignored
				case r < 3:
					o = noise
				case r < 4:
					o = flap
				}
				d.add(team, a[0], a[1], d.at(start, band, start, end), o)
			}
		}
	}
	// The incidents' bursts.
	for _, b := range demoBursts {
		t0, err := time.Parse(time.RFC3339, b.at)
		if err != nil {
			panic(err)
		}
		for i := range b.n {
			d.add(b.team, b.alert, b.service, t0.Add(time.Duration(i*(5+d.r.IntN(15)))*time.Minute), worked)
		}
	}
	// DispatchQueueLagHigh, week by week.
	for _, w := range slices.Sorted(maps.Keys(dqlhWeeks)) {
		n := dqlhWeeks[w]
		from, to := isoWeek(loc, w)
		from, to = later(from, demoFrom), earlier(to, demoTo)
		business, sleep := n*45/100, n*35/100
		d.spread(from, to, [3]int{business, n - business - sleep, sleep})
	}
	// The December storm: 31 pages in 41 hours from 3 December 16:05 UTC.
	d.spread(time.Date(2025, 12, 3, 16, 5, 0, 0, time.UTC), time.Date(2025, 12, 5, 9, 5, 0, 0, time.UTC), [3]int{12, 10, 0})
	d.spread(local(d, "2025-12-06 00:00"), local(d, "2025-12-08 00:00"), [3]int{1, 0, 1}) // the weekend after
	for i := range 9 {                                                                    // sleep hours, all from the 05:00 morning peak
		day := []string{"2025-12-04", "2025-12-05"}[i%2]
		d.dqlh(local(d, fmt.Sprintf("%s 05:%02d", day, 3+6*i)))
	}
	// The Hamburg stall's week: 41 pages, 9 in sleep hours, three of them
	// that night (00:35, 04:05 and 05:22 UTC, the last one the real stall).
	for _, s := range []string{"2026-02-09T00:35:00Z", "2026-02-09T04:05:00Z"} {
		t, _ := time.Parse(time.RFC3339, s)
		d.add("logistics", "DispatchQueueLagHigh", "dispatch", t, flap)
	}
	d.add("logistics", "DispatchQueueLagHigh", "dispatch", time.Date(2026, 2, 9, 5, 22, 0, 0, time.UTC), worked)
	d.spread(local(d, "2026-02-09 08:00"), local(d, "2026-02-16 00:00"), [3]int{24, 8, 6})
	// The week its threshold was lowered: 52 pages from 3 March 05:05 UTC,
	// 24 in business hours, 11 in off-hours, 17 in sleep hours.
	d.spread(time.Date(2026, 3, 3, 5, 5, 0, 0, time.UTC), local(d, "2026-03-09 00:00"), [3]int{24, 11, 17})
	// Then 12 more until it was retired on 11 March at 12:00 UTC.
	d.spread(local(d, "2026-03-09 00:00"), time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC), [3]int{6, 2, 4})

	paging.Sort(d.pages)
	for i := range d.pages {
		d.pages[i].SourceID = fmt.Sprintf("demo-%05d", i+1)
	}
	return d.pages
}

func isoWeek(loc *time.Location, w string) (time.Time, time.Time) {
	var y, n int
	fmt.Sscanf(w, "%d-W%d", &y, &n)
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, loc)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(n-1))
	return monday, monday.AddDate(0, 0, 7)
}

func poisson(r *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
