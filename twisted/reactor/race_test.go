//go:build race

package reactor

// raceEnabled shrinks the load tests under the race detector.
const raceEnabled = true
