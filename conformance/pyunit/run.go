package pyunit

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Timeout is how long Run runs the reactor waiting for a test's Deferred,
// in the reactor's seconds, as the prelude's run(timeout=10).
const Timeout = 10

// RunTest runs a test that needs no fixture of its own: Run with a bare
// TestCase.
func RunTest(t *conformance.T, test func(self *TestCase) any) {
	Run(t, &TestCase{}, test)
}

// Run runs one test as the prelude's run() does and prints its outcome:
// SetUp, the test, and if it returns an unfired Deferred, the scenario's
// reactor until that fires (or Timeout seconds pass); then TearDown and
// the cleanups, last registered first. The outcome is "ok", "FAIL" (an
// assertion did not hold) or "ERROR <Failure ...>"; then, as trial checks,
// Run prints how many delayed calls the test left on the reactor, if any,
// and cancels them.
func Run[C Case](t *conformance.T, c C, test func(self C) any) {
	tc := c.Base()
	tc.t = t
	outcome := func() (outcome string) {
		defer func() {
			if v := recover(); v != nil {
				outcome = outcomeOf(twisted.FailureFromPanic(v))
			}
		}()
		c.SetUp()
		d, ok := test(c).(*deferred.Deferred)
		if !ok || d == nil {
			return "ok"
		}
		var done []any
		d.AddBoth(func(r any) (any, error) { done = append(done, r); return nil, nil })
		if len(done) == 0 && tc.reactor != nil {
			r := tc.reactor
			stop := func(any) (any, error) {
				if r.Running() {
					_ = r.Stop()
				}
				return nil, nil
			}
			d.AddBoth(stop)
			timer := r.CallLater(Timeout, func() { _, _ = stop(nil) })
			if err := r.Run(); err != nil {
				panic(err)
			}
			if timer.Active() {
				_ = timer.Cancel()
			}
		}
		if len(done) == 0 && tc.global {
			r := reactor.Default()
			for end := r.Seconds() + Timeout; len(done) == 0 && r.Seconds() < end; {
				r.Iterate(0.01)
			}
		}
		if len(done) == 0 {
			return "TIMEOUT"
		}
		return outcomeOf(done[0])
	}()
	func() {
		defer func() {
			if v := recover(); v != nil {
				outcome = outcomeOf(twisted.FailureFromPanic(v))
			}
		}()
		c.TearDown()
		for len(tc.cleanups) > 0 {
			f := tc.cleanups[len(tc.cleanups)-1]
			tc.cleanups = tc.cleanups[:len(tc.cleanups)-1]
			f()
		}
	}()
	t.Print(outcome)
	// trial fails a test that leaves calls scheduled on the reactor.
	var r *reactor.Reactor
	switch {
	case tc.global:
		r = reactor.Default()
	case tc.reactor != nil:
		r = tc.reactor
	}
	if r != nil {
		if pending := r.GetDelayedCalls(); len(pending) > 0 {
			t.Print("dirty reactor:", len(pending), "delayed call(s)")
			for _, call := range pending {
				_ = call.Cancel()
			}
		}
	}
}

func outcomeOf(result any) string {
	f, ok := result.(*twisted.Failure)
	if !ok {
		return "ok"
	}
	if f.Check(failed) != nil {
		return "FAIL"
	}
	return "ERROR " + Show(f)
}

// Try runs body as Python's try statement whose except clause takes the
// exception as a Failure (except BaseException: f = failure.Failure()): it
// returns the failure body raised (panicked with), or nil if it returned.
func Try(body func()) (f *twisted.Failure) {
	defer func() {
		if v := recover(); v != nil {
			f = twisted.FailureFromPanic(v)
		}
	}()
	body()
	return nil
}
