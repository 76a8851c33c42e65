// Package debrief holds the domain of debrief: the postmortem and its parts
// (contributing factors, action items, accepted risks), the rules that make a
// postmortem valid, and the application errors every adapter shares.
//
// It imports no database, HTTP or CLI code. The markdown package reads and
// writes postmortems as files, the lint package checks their language, and
// cmd/debrief wires the parts into one binary.
package debrief
