package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func overrideFunc(any, float64) any { return "OVERRIDDEN" }

// noResult fails unless d has no result yet.
func noResult(t *testing.T, d *Deferred) {
	t.Helper()
	if d.Called() {
		t.Fatalf("%v has a result", d)
	}
}

// successResultOf returns d's success result, failing the test if d has
// none.
func successResultOf(t *testing.T, d *Deferred) any {
	t.Helper()
	var got []any
	var fs []*twisted.Failure
	d.AddCallbacks(func(r any) (any, error) { got = append(got, r); return r, nil },
		func(f *twisted.Failure) (any, error) { fs = append(fs, f); return f, nil })
	if len(got) != 1 {
		t.Fatalf("%v: no success result (failures %v)", d, fs)
	}
	return got[0]
}

// failureResultOf returns d's failure, consuming it, and fails the test
// unless d has one of the given classes.
func failureResultOf(t *testing.T, d *Deferred, classes ...*twisted.Class) *twisted.Failure {
	t.Helper()
	var fs []*twisted.Failure
	d.AddErrback(appendFailure(&fs))
	if len(fs) != 1 {
		t.Fatalf("%v: no failure result", d)
	}
	if len(classes) > 0 && fs[0].Check(classes...) == nil {
		t.Fatalf("failure %v, want one of %v", fs[0], classes)
	}
	return fs[0]
}

// Exported for the external tests (timeout_test.go is one, because it
// uses reactor.Clock and package reactor imports this package).
var (
	OverrideFunc    = overrideFunc
	NoResult        = noResult
	SuccessResultOf = successResultOf
	FailureResultOf = failureResultOf
	AppendFailure   = appendFailure
)
