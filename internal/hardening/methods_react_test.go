package hardening

import (
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
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
