//go:build race

package main

// raceEnabled: the tests run with the race detector, and so do the
// programs they build.
const raceEnabled = true
