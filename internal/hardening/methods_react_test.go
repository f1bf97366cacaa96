package hardening

import (
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// panickyCancel is a scheduled call whose Cancel panics.
type panickyCancel struct{}

func (panickyCancel) Cancel() error { panic(boom) }

func init() {
	// Twisted's Cooperator cancels its scheduled call once its last task
	// is gone, stopped by the user or by the Cooperator's stop: cancel's
	// exception reaches that caller. Here the stopped task's Deferred
	// fires all the same (Twisted's _completeWith is left before it fires
	// them: WhenDone would wait for ever).
	userMethodRows["task.Cancellable.Cancel"] = func(t *testing.T) {
		for how, class := range map[string]*twisted.Class{"task": task.TaskStopped, "cooperator": task.SchedulerStopped} {
			t.Run(how, func(t *testing.T) {
				c := task.NewCooperator(task.WithScheduler(func(func()) task.Cancellable { return panickyCancel{} }))
				ct := c.Cooperate(task.IteratorFunc(func() (any, error) { return 1, nil }))
				done := ct.WhenDone()
				f := panicOf(func() {
					if how == "task" {
						_ = ct.Stop()
					} else {
						c.Stop()
					}
				})
				assert.Assert(t, f != nil, "the Stop swallowed Cancel's panic")
				assertBoom(t, f)
				assert.Assert(t, failureOf(t, done).Check(class) != nil)
			})
		}
	}
}

// reactReactor is a reactor whose method panicIn panics. Its Stop
// panics after stopping the reactor: a Stop that stops nothing leaves
// React, as Twisted's react, running for ever (nothing else can stop a
// reactor of the user's).
type reactReactor struct {
	*reactor.Reactor
	panicIn string
}

func (r *reactReactor) CallWhenRunning(f func()) {
	panicIf(r.panicIn, "CallWhenRunning")
	r.Reactor.CallWhenRunning(f)
}

func (r *reactReactor) Stop() error {
	err := r.Reactor.Stop()
	panicIf(r.panicIn, "Stop")
	return err
}

func (r *reactReactor) LogError(*twisted.Failure, string) {
	panicIf(r.panicIn, "LogError")
}

func init() {
	// Twisted's react calls callWhenRunning, then stop and log.err (here
	// the reactor's LogError) from a callback of main's Deferred: their
	// exception becomes the failure of main's Deferred (logged when it is
	// collected). Nothing escapes React. Where Twisted's react
	// then waits for ever (callWhenRunning raised: nothing stops the
	// reactor) or exits 0 (log.err raised before code = 1), React stops
	// the reactor and returns 1 for a main that failed.
	for _, m := range []string{"CallWhenRunning", "Stop", "LogError"} {
		name := "reactor.IReactorCore." + m
		if m == "LogError" {
			name = "task.ErrorLogger.LogError"
		}
		userMethodRows[name] = func(t *testing.T) {
			for _, mainFails := range []bool{false, true} {
				r := &reactReactor{Reactor: reactor.New(), panicIn: m}
				r.Logger = newTextLogger(&lockedLog{})
				main := deferred.New()
				code := -1
				noEscape(t, "React", func() {
					code = task.React(func(task.Reactor) *deferred.Deferred {
						r.Reactor.CallLater(0, func() {
							if mainFails {
								main.Errback(twisted.ValueError.New("main"))
							} else {
								main.Callback(nil)
							}
						})
						return main
					}, r)
				})
				want := 0
				if mainFails {
					want = 1
				}
				if m == "LogError" && !mainFails {
					assert.Assert(t, main.Called())
					continue // nothing to log
				}
				assert.Equal(t, code, want, "mainFails %v", mainFails)
				assertBoom(t, failureOf(t, main))
			}
		}
	}
}
