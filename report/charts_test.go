package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
)

func TestCharts(t *testing.T) {
	lr := loadReport().(*Load)
	var logistics debrief.TeamLoad
	for _, tl := range lr.Teams {
		if tl.Team == "logistics" {
			logistics = tl
		}
	}
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	o := oncall.DefaultOptions(loc)
	m := time.Minute
	var pages []paging.Page
	for i, at := range []string{"2026-02-09 23:30", "2026-02-10 00:10", "2026-02-10 01:00", "2026-02-10 09:00", "2026-02-11 20:15", "2026-02-16 05:00"} {
		v, _ := time.ParseInLocation("2006-01-02 15:04", at, loc)
		pages = append(pages, paging.Page{Source: "t", SourceID: at, Team: "logistics", Alert: []string{"DispatchQueueLagHigh", "RoutingEngineMemoryHigh"}[i%2],
			Triggered: v, Resolved: v.Add(3 * m), ResolvedBy: paging.BySystem, AckTracked: true})
	}
	weeks := oncall.Weekly(pages, debrief.ISOWeek{Year: 2026, Week: 6}, debrief.ISOWeek{Year: 2026, Week: 8}, o)
	from, _ := oncall.WeekBounds(debrief.ISOWeek{Year: 2026, Week: 7}, loc)
	shifts := oncall.Shifts(pages, from, from.AddDate(0, 0, 3), o)
	h := oncall.Compute(pages, from, from.AddDate(0, 0, 14), o)
	charts := map[string]string{
		"load-chart.svg":      LoadChart(logistics, debrief.DefaultReactiveRule, computed).SVG(),
		"paging-chart.svg":    PagingChart("logistics", weeks, o, computed).SVG(),
		"shifts-chart.html":   string(ShiftsChart("logistics", shifts, o, computed).HTML()),
		"noisiest-chart.svg":  NoisiestChart("logistics", h, computed).SVG(),
		"language-chart.html": string(LanguageChart(processReport().(*Process).Health, computed).HTML()),
	}
	for name, got := range charts {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./report -update writes it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs; run go test ./report -update and look at the diff", path)
		}
	}
	if s := charts["paging-chart.svg"]; !strings.Contains(s, "2 pages per 12-hour shift (28 a week)") || !strings.Contains(s, "Europe/Amsterdam") {
		t.Error("the paging chart has no limit line or no zone")
	}
	if s := charts["shifts-chart.html"]; !strings.Contains(s, "Mon 9 Feb night") || !strings.Contains(s, "limit: 2 pages a shift") {
		t.Error("the shifts chart has no night shift label or no limit")
	}
}
