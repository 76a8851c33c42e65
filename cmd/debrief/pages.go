package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/paging"
	"github.com/spf13/cobra"
)

func newPagesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pages",
		Short: "Manage the archive's paging data",
		Long: `Pages are alerts that notified a person on call. debrief keeps them to
measure on-call health and reactive mode (docs/insights.md). Import them from
PagerDuty, Opsgenie, Grafana OnCall or a CSV file with "pages import"; the
web app also receives Prometheus Alertmanager's webhook at
POST /api/v1/pages/alertmanager.`,
	}
	cmd.AddCommand(newPagesImportCmd(g))
	return cmd
}

// pagesImport holds the flags of pages import.
type pagesImport struct {
	o                         storeOptions
	from                      string
	since, until              string
	url, grafanaURL, query    string
	teams, columns            map[string]string
	defaultTeam, source, zone string
}

func newPagesImportCmd(g *globals) *cobra.Command {
	pi := &pagesImport{}
	cmd := &cobra.Command{
		Use:   "import --from pagerduty|opsgenie|oncall|csv [FILE]",
		Short: "Import pages from PagerDuty, Opsgenie, Grafana OnCall or a CSV file",
		Long: `Import reads pages from a source and stores them in the archive. Every page
is stored once by its source's id: importing the same data again changes
nothing, and a later version of a page (its resolution) updates it.

  --from pagerduty  the REST API v2 (token in DEBRIEF_PAGERDUTY_TOKEN), or
                    FILE: incidents saved as JSON (docs/insights.md)
  --from opsgenie   the alerts API (key in DEBRIEF_OPSGENIE_KEY; --url
                    https://api.eu.opsgenie.com for EU accounts)
  --from oncall     Grafana OnCall's alert groups API (--url, token in
                    DEBRIEF_ONCALL_TOKEN, --grafana-url for Grafana Cloud)
  --from csv        FILE (or - for standard input) with a header line and
                    the columns id, team, service, alert, urgency, rotation,
                    triggered, acknowledged, resolved, resolved_by, noise;
                    --column maps them to the file's own headers

The APIs are read from --since to --until (default: the last 90 days).
Pages go to the debrief team their source's team, service, rotation or
receiver maps to (--team-map, and the insights.paging section of
.debrief.yaml), else to --default-team; the others are skipped and listed.

Exit status: 0, 1 when records were skipped, 2 on usage or I/O errors.`,
		Example: `  DEBRIEF_PAGERDUTY_TOKEN=... debrief pages import --from pagerduty --since 2026-01-01 --team-map "Logistics Ops=logistics"
  debrief pages import --from pagerduty incidents.json
  debrief pages import --from csv pages.csv
  debrief pages import --from csv export.csv --column "triggered=Created At" --column alert=Title --default-team platform`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return pi.run(cmd.Context(), g, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&pi.from, "from", "", "the source: pagerduty, opsgenie, oncall or csv")
	f.StringVar(&pi.since, "since", "", "the APIs: first day (YYYY-MM-DD) or time (RFC 3339) to read; default 90 days ago")
	f.StringVar(&pi.until, "until", "", "the APIs: day or time to read to; default now")
	f.StringVar(&pi.url, "url", "", "the API's address (Opsgenie EU, Grafana OnCall, a PagerDuty proxy)")
	f.StringVar(&pi.grafanaURL, "grafana-url", "", "Grafana OnCall: the Grafana address, sent as X-Grafana-URL")
	f.StringVar(&pi.query, "query", "", "Opsgenie: a search query that narrows the alerts, such as teams:logistics")
	f.StringToStringVar(&pi.teams, "team-map", nil, "NAME=TEAM: pages of the source's team, service, rotation or receiver NAME go to TEAM (repeat)")
	f.StringVar(&pi.defaultTeam, "default-team", "", "the team of pages nothing else places; without it they are skipped")
	f.StringToStringVar(&pi.columns, "column", nil, "csv: FIELD=HEADER maps a page's field to the file's column (repeat)")
	f.StringVar(&pi.source, "source", "", `csv: the name the pages are stored under (default "csv"); importing a file again under the same name changes nothing`)
	f.StringVar(&pi.zone, "time-zone", "", "csv: the IANA zone of times written without one (default UTC)")
	addStoreFlags(cmd, &pi.o)
	return cmd
}

func (pi *pagesImport) run(ctx context.Context, g *globals, args []string) error {
	file := ""
	if len(args) == 1 {
		file = args[0]
	}
	switch pi.from {
	case "pagerduty", "opsgenie", "oncall", "csv":
	case "":
		return usageErrorf("give the source with --from pagerduty, opsgenie, oncall or csv")
	default:
		return usageErrorf("--from %q: choose pagerduty, opsgenie, oncall or csv", pi.from)
	}
	if pi.from == "csv" && file == "" {
		return usageErrorf("--from csv reads a FILE: give its path, or - for standard input")
	}
	if file != "" && pi.from != "csv" && pi.from != "pagerduty" {
		return usageErrorf("--from %s reads the API, not a file: leave out %s", pi.from, file)
	}
	cfg, err := (&config.Finder{}).For(".")
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	m := cfg.Insights.Mapping()
	if len(pi.teams) > 0 {
		teams := maps.Clone(m.Teams)
		if teams == nil {
			teams = map[string]string{}
		}
		maps.Copy(teams, pi.teams)
		m.Teams = teams
	}
	if pi.defaultTeam != "" {
		m.Team = pi.defaultTeam
	}
	var b *paging.Batch
	if file != "" {
		b, err = pi.readFile(file, m)
	} else {
		b, err = pi.readAPI(ctx, g, m)
	}
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	s, err := openStore(ctx, g, pi.o)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, ok := s.(paging.Store)
	if !ok {
		return &exitError{code: 2, msg: "this archive does not keep pages"}
	}
	if err := ps.SavePages(ctx, b.Pages); err != nil {
		return &exitError{code: 2, msg: "pages import: " + debrief.ErrorMessage(err)}
	}
	where := pi.from
	if file != "" {
		where = file
	}
	fmt.Fprintf(g.stdout, "%s: imported %d pages", where, len(b.Pages))
	if len(b.Skipped) > 0 {
		fmt.Fprintf(g.stdout, ", skipped %d", len(b.Skipped))
	}
	fmt.Fprintln(g.stdout)
	for _, sk := range b.Skipped {
		fmt.Fprintf(g.stderr, "%s: %s: skipped: %s\n", where, sk.ID, sk.Reason)
	}
	if len(b.Skipped) > 0 {
		return errProblems
	}
	return nil
}

func (pi *pagesImport) readFile(name string, m paging.Mapping) (*paging.Batch, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var (
		b   *paging.Batch
		err error
	)
	if pi.from == "pagerduty" {
		b, err = paging.ReadPagerDutyFile(r, m)
	} else {
		c := &paging.CSV{Columns: pi.columns, Source: pi.source, Mapping: m}
		if pi.zone != "" {
			if c.Location, err = time.LoadLocation(pi.zone); err != nil || strings.EqualFold(pi.zone, "local") {
				return nil, fmt.Errorf("--time-zone %q is not an IANA zone name such as Europe/Amsterdam", pi.zone)
			}
		}
		b, err = c.Read(r)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return b, nil
}

func (pi *pagesImport) readAPI(ctx context.Context, g *globals, m paging.Mapping) (*paging.Batch, error) {
	until := g.now().UTC()
	if pi.until != "" {
		t, err := parseWhen(pi.until, "--until")
		if err != nil {
			return nil, err
		}
		until = t
	}
	since := until.AddDate(0, 0, -90)
	if pi.since != "" {
		t, err := parseWhen(pi.since, "--since")
		if err != nil {
			return nil, err
		}
		since = t
	}
	if !since.Before(until) {
		return nil, fmt.Errorf("--since %s is not before --until %s", since.Format(time.RFC3339), until.Format(time.RFC3339))
	}
	need := func(env string) (string, error) {
		v := strings.TrimSpace(os.Getenv(env))
		if v == "" {
			return "", fmt.Errorf("--from %s needs its API token in the environment variable %s", pi.from, env)
		}
		return v, nil
	}
	switch pi.from {
	case "pagerduty":
		tok, err := need("DEBRIEF_PAGERDUTY_TOKEN")
		if err != nil {
			return nil, err
		}
		return (&paging.PagerDuty{BaseURL: pi.url, Token: tok, Mapping: m}).Import(ctx, since, until)
	case "opsgenie":
		key, err := need("DEBRIEF_OPSGENIE_KEY")
		if err != nil {
			return nil, err
		}
		return (&paging.Opsgenie{BaseURL: pi.url, APIKey: key, Query: pi.query, Mapping: m}).Import(ctx, since, until)
	default:
		if pi.url == "" {
			return nil, fmt.Errorf("--from oncall needs --url, the OnCall API's address as OnCall's settings show it")
		}
		tok, err := need("DEBRIEF_ONCALL_TOKEN")
		if err != nil {
			return nil, err
		}
		return (&paging.OnCall{BaseURL: pi.url, Token: tok, GrafanaURL: pi.grafanaURL, Mapping: m}).Import(ctx, since, until)
	}
}

// parseWhen reads a day (the start of it, UTC) or an RFC 3339 time.
func parseWhen(s, flag string) (time.Time, error) {
	if d, err := debrief.ParseDate(s); err == nil {
		return d.Time(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a day (2026-01-31) or a time (2026-01-31T08:00:00Z)", flag, s)
	}
	return t.UTC(), nil
}
