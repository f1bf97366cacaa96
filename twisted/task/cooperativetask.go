package task

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// A CooperativeTask is a task inside a Cooperator, which can be paused,
// resumed and stopped, and whose completion (or termination) can be
// waited for with WhenDone. Cooperator.Cooperate makes one.
type CooperativeTask struct {
	iterator   Iterator
	cooperator *Cooperator
	deferreds  []*deferred.Deferred
	pauseCount int

	// completionState is nil while the task runs; then a TaskStopped
	// error if Stop ended it early, TaskFailed if the iterator failed,
	// TaskDone if it finished, SchedulerStopped if its Cooperator stopped.
	// The task's methods return it once the task is over.
	completionState  error
	completionResult any // the iterator, or a *twisted.Failure

	// resumeLater and failLater wait on the Deferreds the iterator yields.
	resumeLater func(any) (any, error)
	failLater   func(*twisted.Failure) (any, error)
}

func newCooperativeTask(it Iterator, c *Cooperator) *CooperativeTask {
	t := &CooperativeTask{iterator: it, cooperator: c}
	if g, ok := it.(*Generator); ok && g.closeOn == nil {
		g.closeOn = c.closeOn
	}
	c.addTask(t)
	return t
}

// WhenDone returns a new Deferred that fires with the task's Iterator when
// it has been exhausted (its Next returned StopIteration), or fails with
// the error Next returned (or panicked with), or with TaskStopped if the
// task was stopped, or SchedulerStopped if its Cooperator was. Each call
// returns a new Deferred: callbacks added to one do not change the result
// another fires with. If the task is already over, the Deferred has
// already fired.
func (t *CooperativeTask) WhenDone() *deferred.Deferred {
	d := deferred.New()
	if t.completionState == nil {
		t.deferreds = append(t.deferreds, d)
	} else {
		d.Callback(t.completionResult)
	}
	return d
}

// Pause stops the task's work until Resume is called. Pauses stack: a
// task paused twice must be resumed twice. If the task is already over,
// Pause returns why: a TaskFinished error (TaskDone, TaskStopped or
// TaskFailed), or SchedulerStopped if its Cooperator was stopped.
func (t *CooperativeTask) Pause() error {
	if err := t.checkFinish(); err != nil {
		return err
	}
	t.pauseCount++
	if t.pauseCount == 1 {
		t.cooperator.removeTask(t)
	}
	return nil
}

// Resume undoes one Pause; the task works again once every Pause has been
// undone. Resuming does no work itself: the task's next step comes at its
// Cooperator's next tick. Resume returns a NotPaused error if the task is
// not paused. Resuming a paused task that was stopped meanwhile is allowed
// and does nothing.
func (t *CooperativeTask) Resume() error {
	if t.pauseCount == 0 {
		return NotPaused.New()
	}
	t.pauseCount--
	if t.pauseCount == 0 && t.completionState == nil {
		t.cooperator.addTask(t)
	}
	return nil
}

// Stop stops further processing of the task: the Deferreds from WhenDone
// fail with TaskStopped. If the task is already over (by Stop, completion
// or failure, or its Cooperator's Stop), Stop returns why, as Pause does.
//
// A task may stop itself from within its own step (its Iterator's Next);
// what that step then returns is ignored. (Twisted completes the task a
// second time and raises out of the Cooperator's tick when such a step
// ends, fails or yields a Deferred: conformance scenario
// test_cooperator.py/CooperatorEdges.taskStopsItself.)
func (t *CooperativeTask) Stop() error {
	if err := t.checkFinish(); err != nil {
		return err
	}
	t.completeWith(TaskStopped.New(), twisted.NewFailure(TaskStopped.New()))
	return nil
}

func (t *CooperativeTask) checkFinish() error {
	return t.completionState
}

// completeWith ends the task with state and fires the WhenDone Deferreds
// with result.
func (t *CooperativeTask) completeWith(state error, result any) {
	t.completionState = state
	t.completionResult = result
	// The Deferreds fire after the task is gone from the Cooperator: a
	// callback may manipulate other tasks, or stop the Cooperator, which
	// must not find this task still there and complete it again. They
	// fire even if removing it panics (a scheduler's Cancel of the
	// user's): the panic goes on to the caller, as in Twisted, but the
	// task, completed, does not leave its WhenDone waiting for ever.
	defer func() {
		for _, d := range t.deferreds {
			d.Callback(result)
		}
	}()
	if t.pauseCount == 0 {
		t.cooperator.removeTask(t)
	}
	if _, ok := result.(*twisted.Failure); ok {
		if g, ok := t.iterator.(*Generator); ok {
			g.Close()
		}
	}
}

// oneWorkUnit performs one unit of work: one Next of the iterator,
// completing the task at its end or failure, and pausing it on a
// Deferred until that fires.
func (t *CooperativeTask) oneWorkUnit() {
	result, err := next(t.iterator)
	if t.completionState != nil {
		// The step ended the task itself (it stopped the task or its
		// Cooperator): what it returned no longer matters. Twisted goes on
		// and raises out of the tick (ValueError, TaskStopped) if the step
		// ended the iterator, failed, or yielded a Deferred.
		return
	}
	switch {
	case err != nil && isStop(err):
		t.completeWith(TaskDone.New(), t.iterator)
	case err != nil:
		t.completeWith(TaskFailed.New(), twisted.NewFailure(err))
	default:
		if d, ok := result.(*deferred.Deferred); ok {
			_ = t.Pause()
			if t.resumeLater == nil {
				t.resumeLater, t.failLater = t.bindWaiters()
			}
			d.AddCallbacks(t.resumeLater, t.failLater)
		}
	}
}

// bindWaiters makes the callbacks that a Deferred the iterator yielded
// fires: resume the task, or fail it. They are made once per task, not
// once per Deferred.
func (t *CooperativeTask) bindWaiters() (resumeLater func(any) (any, error), failLater func(*twisted.Failure) (any, error)) {
	resumeLater = func(any) (any, error) {
		return nil, t.Resume()
	}
	failLater = func(f *twisted.Failure) (any, error) {
		// A task stopped while it waited stays stopped: Twisted completes
		// it again (conformance scenario
		// test_cooperator.py/CooperatorEdges.stoppedWhileWaiting).
		if t.completionState == nil {
			t.completeWith(TaskFailed.New(), f)
		}
		return nil, nil
	}
	return resumeLater, failLater
}

// next calls it.Next, turning a panic into a Failure, as Python's
// `except BaseException` around next() does.
func next(it Iterator) (v any, err error) {
	if it == nil {
		return nil, twisted.TypeError.New("'NoneType' object is not an iterator")
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, twisted.FailureFromPanic(r)
		}
	}()
	return it.Next()
}
