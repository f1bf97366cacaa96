// Package testwait bounds the waits of tests on other goroutines: a test
// whose awaited value never comes fails, saying what it waited for, rather
// than hanging until go test's timeout ends the whole binary.
package testwait

import (
	"testing"
	"time"
)

// Receive returns a value received from ch, or, if none comes within
// bound, fails t (Fatalf) with what it waited for. Give a bound far above
// what the wait takes on a loaded machine: it is there to turn a hang
// into a failure, not to time anything.
func Receive[T any](t testing.TB, ch <-chan T, bound time.Duration, what string) T {
	t.Helper()
	timer := time.NewTimer(bound)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v
	case <-timer.C:
		t.Fatalf("waited %v for %s", bound, what)
		panic("unreachable")
	}
}
