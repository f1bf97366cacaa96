package flowtest

import (
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// recorder is a testing.TB that records whether the helper failed; its
// Fatal ends the helper's goroutine as testing's does.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true; panic(fatal{}) }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(fatal{}) }

// run runs f with r as its testing.TB and reports whether it failed.
func (r *recorder) run(f func(t testing.TB)) (failed bool) {
	defer func() {
		failed = r.failed
		if v := recover(); v != nil {
			if _, ok := v.(fatal); !ok {
				panic(v)
			}
		}
	}()
	f(r)
	return
}

type fatal struct{}

func TestHelpers(t *testing.T) {
	unfired := func() *deferred.Deferred { return deferred.New() }
	ok := func() *deferred.Deferred { return deferred.Succeed(1) }
	zde := func() *deferred.Deferred { return deferred.Fail(twisted.ZeroDivisionError.New("x")) }
	for _, c := range []struct {
		name string
		f    func(t testing.TB)
		fail bool
	}{
		{"Result of a result", func(t testing.TB) { Check(t, Result(t, ok()), "1") }, false},
		{"Result of an unfired Deferred", func(t testing.TB) { Result(t, unfired()) }, true},
		{"Failure of a failure", func(t testing.TB) { Failure(t, zde()) }, false},
		{"Failure of a result", func(t testing.TB) { Failure(t, ok()) }, true},
		{"FailureOf its class", func(t testing.TB) { FailureOf(t, zde(), twisted.ZeroDivisionError) }, false},
		{"FailureOf another class", func(t testing.TB) { FailureOf(t, zde(), twisted.ValueError) }, true},
		{"FailureOf a result", func(t testing.TB) { FailureOf(t, ok(), twisted.ValueError) }, true},
		{"Check another repr", func(t testing.TB) { Check(t, "a", "'b'") }, true},
	} {
		if got := (&recorder{TB: t}).run(c.f); got != c.fail {
			t.Errorf("%s: failed %v, want %v", c.name, got, c.fail)
		}
	}
}

// RunUntil runs the calls handed back from the threads until the Deferred
// fires, and waits for the threads.
func TestThreadsRunUntil(t *testing.T) {
	th := NewThreads()
	d := deferred.New()
	th.CallInThread(func() {
		th.CallFromThread(func() {})
		th.CallFromThread(func() { d.Callback("done") })
	})
	th.RunUntil(d)
	Check(t, Result(t, d), "'done'")
}
