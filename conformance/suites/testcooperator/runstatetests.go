package testcooperator

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// RunStateTests: tests to verify the behavior of CooperativeTask.Pause,
// CooperativeTask.Resume, CooperativeTask.Stop, exhausting the underlying
// iterator, and their interactions with each other.
type RunStateTests struct {
	pyunit.TestCase
	_doDeferNext bool
	_doStopNext  bool
	_doDieNext   bool
	work         []any
	scheduler    *FakeScheduler
	cooperator   *task.Cooperator
	task         *task.CooperativeTask
	// iterator is the worker the task was made with: Python's
	// self.task._iterator.
	iterator *task.Generator
}

// SetUp creates a cooperator with a fake scheduler and a termination
// predicate that ensures only one unit of work will take place per tick.
func (self *RunStateTests) SetUp() {
	self._doDeferNext = false
	self._doStopNext = false
	self._doDieNext = false
	self.work = []any{}
	self.scheduler = NewFakeScheduler()
	self.cooperator = task.NewCooperator(
		task.WithScheduler(self.scheduler.Call),
		// Always stop after one iteration of work (return a function which
		// returns a function which always returns true)
		task.WithTerminationPredicateFactory(always),
	)
	self.iterator = self.worker()
	self.task = self.cooperator.Cooperate(self.iterator)
	self.cooperator.Start()
}

// worker is a sample generator which yields Deferreds when we are
// testing deferral and an ascending integer count otherwise.
func (self *RunStateTests) worker() *task.Generator {
	return task.FromSeq(func(yield func(any) bool) {
		i := 0
		for {
			i += 1
			if self._doDeferNext {
				self._doDeferNext = false
				d := deferred.New()
				self.work = append(self.work, d)
				if !yield(d) {
					return
				}
			} else if self._doStopNext {
				return
			} else if self._doDieNext {
				panic(UnhandledException.New())
			} else {
				self.work = append(self.work, i)
				if !yield(i) {
					return
				}
			}
		}
	})
}

// TearDown drops references to interesting parts of the fixture to allow
// Deferred errors to be noticed when things start failing. (Dropping the
// task closes its generator in CPython; Go closes it.)
func (self *RunStateTests) TearDown() {
	self.iterator.Close()
	self.task = nil
	self.scheduler = nil
}

// deferNext defers the next result from my worker iterator.
func (self *RunStateTests) deferNext() { self._doDeferNext = true }

// stopNext makes the next result from my worker iterator be completion
// (raising StopIteration).
func (self *RunStateTests) stopNext() { self._doStopNext = true }

// dieNext makes the next result from my worker iterator be raising an
// UnhandledException.
func (self *RunStateTests) dieNext() { self._doDieNext = true }

func runRunStateTests(name string, test func(self *RunStateTests)) {
	add("RunStateTests", name, func(t *conformance.T) {
		pyunit.Run(t, &RunStateTests{}, func(self *RunStateTests) any { test(self); return nil })
	})
}

func appendTo(l *[]any) func(any) (any, error) {
	return func(r any) (any, error) { *l = append(*l, r); return nil, nil }
}

func appendFailureTo(l *[]any) func(*twisted.Failure) (any, error) {
	return func(f *twisted.Failure) (any, error) { *l = append(*l, f); return nil, nil }
}

func init() {
	// Cooperators should stop running their tasks when they're paused, and
	// start again when they're resumed.
	runRunStateTests("test_pauseResume", func(self *RunStateTests) {
		// first, sanity check
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{1})
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{1, 2})

		// OK, now for real
		_ = self.task.Pause()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{1, 2})
		_ = self.task.Resume()
		// Resuming itself shoult not do any work
		self.AssertEqual(self.work, []any{1, 2})
		self.scheduler.Pump()
		// But when the scheduler rolls around again...
		self.AssertEqual(self.work, []any{1, 2, 3})
	})

	// CooperativeTask.Resume should return a NotPaused error if it was not
	// paused; e.g. if Pause was not invoked more times than Resume on that
	// object.
	runRunStateTests("test_resumeNotPaused", func(self *RunStateTests) {
		self.AssertRaises(task.NotPaused, self.task.Resume)
		_ = self.task.Pause()
		_ = self.task.Resume()
		self.AssertRaises(task.NotPaused, self.task.Resume)
	})

	// Pauses on tasks should behave like a stack. If a task is paused
	// twice, it needs to be resumed twice.
	runRunStateTests("test_pauseTwice", func(self *RunStateTests) {
		// pause once
		_ = self.task.Pause()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{})
		// pause twice
		_ = self.task.Pause()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{})
		// resume once (it shouldn't)
		_ = self.task.Resume()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{})
		// resume twice (now it should go)
		_ = self.task.Resume()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{1})
	})

	// Pausing a task while it is waiting on an outstanding Deferred should
	// put the task into a state where the outstanding Deferred must be
	// called back and the task is resumed before it will continue
	// processing.
	runRunStateTests("test_pauseWhileDeferred", func(self *RunStateTests) {
		self.deferNext()
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 1)
		pyunit.AssertIsInstance[*deferred.Deferred](&self.TestCase, self.work[0])
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 1)
		_ = self.task.Pause()
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 1)
		_ = self.task.Resume()
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 1)
		self.work[0].(*deferred.Deferred).Callback("STUFF!")
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 2)
		self.AssertEqual(self.work[1], 2)
	})

	// CooperativeTask.WhenDone returns a Deferred which fires when the
	// Cooperator's iterator is exhausted. It returns a new Deferred each
	// time it is called; callbacks added to other invocations will not
	// modify the value that subsequent invocations will fire with.
	runRunStateTests("test_whenDone", func(self *RunStateTests) {
		deferred1 := self.task.WhenDone()
		deferred2 := self.task.WhenDone()
		results1 := []any{}
		results2 := []any{}
		final1 := []any{}
		final2 := []any{}

		callbackOne := func(result any) (any, error) {
			results1 = append(results1, result)
			return 1, nil
		}

		callbackTwo := func(result any) (any, error) {
			results2 = append(results2, result)
			return 2, nil
		}

		deferred1.AddCallback(callbackOne)
		deferred2.AddCallback(callbackTwo)

		deferred1.AddCallback(appendTo(&final1))
		deferred2.AddCallback(appendTo(&final2))

		// exhaust the task iterator
		// callbacks fire
		self.stopNext()
		self.scheduler.Pump()

		self.AssertEqual(len(results1), 1)
		self.AssertEqual(len(results2), 1)

		self.AssertIs(results1[0], self.iterator)
		self.AssertIs(results2[0], self.iterator)

		self.AssertEqual(final1, []any{1})
		self.AssertEqual(final2, []any{2})
	})

	// CooperativeTask.WhenDone returns a Deferred that will fail when the
	// iterable's Next fails (raises), with that exception.
	runRunStateTests("test_whenDoneError", func(self *RunStateTests) {
		deferred1 := self.task.WhenDone()
		results := []any{}
		deferred1.AddErrback(appendFailureTo(&results))
		self.dieNext()
		self.scheduler.Pump()
		self.AssertEqual(len(results), 1)
		self.AssertEqual(results[0].(*twisted.Failure).Check(UnhandledException), UnhandledException)
	})

	// CooperativeTask.WhenDone returns a Deferred that fails with
	// TaskStopped when the Stop method is called on that CooperativeTask.
	runRunStateTests("test_whenDoneStop", func(self *RunStateTests) {
		deferred1 := self.task.WhenDone()
		errors := []any{}
		deferred1.AddErrback(appendFailureTo(&errors))
		_ = self.task.Stop()
		self.AssertEqual(len(errors), 1)
		self.AssertEqual(errors[0].(*twisted.Failure).Check(task.TaskStopped), task.TaskStopped)
	})

	// CooperativeTask.WhenDone will return a Deferred that will succeed
	// immediately if its iterator has already completed.
	runRunStateTests("test_whenDoneAlreadyDone", func(self *RunStateTests) {
		self.stopNext()
		self.scheduler.Pump()
		results := []any{}
		self.task.WhenDone().AddCallback(appendTo(&results))
		self.AssertEqual(results, []any{self.iterator})
	})

	// Stopping a task should cause it to be removed from the run just as
	// pausing, with the distinction that Resume will return a TaskStopped
	// error.
	runRunStateTests("test_stopStops", func(self *RunStateTests) {
		_ = self.task.Stop()
		self.scheduler.Pump()
		self.AssertEqual(len(self.work), 0)
		self.AssertRaises(task.TaskStopped, self.task.Stop)
		self.AssertRaises(task.TaskStopped, self.task.Pause)
		// Sanity check - it's still not scheduled, is it?
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{})
	})

	// Resuming a paused, stopped task should be a no-op; it should not
	// return an error, because it's paused, but neither should it actually
	// do more work from the task.
	runRunStateTests("test_pauseStopResume", func(self *RunStateTests) {
		_ = self.task.Pause()
		_ = self.task.Stop()
		_ = self.task.Resume()
		self.scheduler.Pump()
		self.AssertEqual(self.work, []any{})
	})

	// As a corrolary of the interaction of Pause and Resume, stopping a
	// task which is waiting on a Deferred should cause the task to
	// gracefully shut down, meaning that it should not be unpaused when
	// the deferred fires.
	runRunStateTests("test_stopDeferred", func(self *RunStateTests) {
		self.deferNext()
		self.scheduler.Pump()
		d := self.work[len(self.work)-1].(*deferred.Deferred)
		self.work = self.work[:len(self.work)-1]
		results := []any{}
		d.AddBoth(appendTo(&results))
		self.scheduler.Pump()
		_ = self.task.Stop()
		self.scheduler.Pump()
		d.Callback(7)
		self.scheduler.Pump()
		// Let's make sure that Deferred doesn't come out fried with an
		// unhandled error that will be logged. The value is None, rather
		// than our test value, 7, because this Deferred is returned to and
		// consumed by the cooperator code. Its callback therefore has no
		// contract.
		self.AssertEqual(results, []any{nil})
		// But more importantly, no further work should have happened.
		self.AssertEqual(self.work, []any{})
	})

	// Stopping a CooperativeTask whose iterator has been exhausted should
	// return TaskDone.
	runRunStateTests("test_stopExhausted", func(self *RunStateTests) {
		self.stopNext()
		self.scheduler.Pump()
		self.AssertRaises(task.TaskDone, self.task.Stop)
	})

	// Stopping a CooperativeTask whose iterator has encountered an error
	// should return TaskFailed.
	runRunStateTests("test_stopErrored", func(self *RunStateTests) {
		self.dieNext()
		self.scheduler.Pump()
		self.AssertRaises(task.TaskFailed, self.task.Stop)
	})

	// If a callback of a Deferred from CooperativeTask.WhenDone calls
	// Cooperator.Stop on its cooperator, the Cooperator will stop, but the
	// CooperativeTask whose callback is calling Stop should already be
	// considered 'stopped' by the time the callback is running, and
	// therefore removed from the Cooperator.
	runRunStateTests("test_stopCooperatorReentrancy", func(self *RunStateTests) {
		callbackPhases := []any{}

		stopit := func(result any) (any, error) {
			callbackPhases = append(callbackPhases, result)
			self.cooperator.Stop()
			// "done" here is a sanity check to make sure that we get all the
			// way through the callback; i.e. Stop shouldn't be failing due
			// to the stopped-ness of our main task.
			callbackPhases = append(callbackPhases, "done")
			return nil, nil
		}

		self.task.WhenDone().AddCallback(stopit)
		self.stopNext()
		self.scheduler.Pump()
		self.AssertEqual(callbackPhases, []any{self.iterator, "done"})
	})
}
