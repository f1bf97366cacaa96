//go:build race

package hardening

// raceEnabled shrinks the load tests under the race detector, which makes
// every memory access several times slower.
const raceEnabled = true
