//go:build race

package lint

// raceSlowdown is how much slower code runs under the race detector, for
// the tests that bound time.
const raceSlowdown = 10
