// Package examples is the example archive: the postmortems of Larkspur, a
// fictional online grocery delivery company, embedded so that
// `debrief serve --demo` has them in the binary, and six months of its
// paging data.
package examples

import (
	"embed"
	_ "embed"
)

// Files holds the example postmortems, one PM-*.md file each.
//
//go:embed *.md
var Files embed.FS

// Config is Larkspur's .debrief.yaml: the teams that get reminders, which
// `debrief serve --demo` puts in its outbox.
//
//go:embed .debrief.yaml
var Config []byte

// Pages holds six months of Larkspur's pages, 1 November 2025 to 30 April
// 2026, as a CSV file in the columns of paging.CSVFields (paging.WriteCSV
// wrote it; paging.CSV reads it with no mapping). pages_gen_test.go
// generates it.
//
//go:embed pages.csv
var Pages []byte

// TimeZone is where Larkspur's teams are on call: their hour bands,
// shifts and weeks follow Amsterdam's clock.
const TimeZone = "Europe/Amsterdam"
