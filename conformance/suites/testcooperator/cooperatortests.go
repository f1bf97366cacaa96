package testcooperator

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// CooperatorTests is test_cooperator.py's CooperatorTests. Where the
// Python makes a task.Cooperator() that schedules on the global reactor,
// the Go one schedules on the scenario's reactor
// (task.WithClock(reactor)), which Run runs as trial runs the global one.
type CooperatorTests struct{ pyunit.TestCase }

const RESULT = "done"

func (self *CooperatorTests) ebIter(err *twisted.Failure) (any, error) {
	err.Trap(task.SchedulerStopped)
	return RESULT, nil
}

func (self *CooperatorTests) cbIter(ign any) (any, error) {
	self.Fail(nil)
	return nil, nil
}

func runCooperatorTests(name string, test func(self *CooperatorTests) any) {
	add("CooperatorTests", name, func(t *conformance.T) { pyunit.Run(t, &CooperatorTests{}, test) })
}

func init() {
	// Test that Cooperators refuse new tasks when they have been stopped.
	runCooperatorTests("testStoppedRejectsNewTasks", func(self *CooperatorTests) any {
		testwith := func(stuff *deferred.Deferred) *deferred.Deferred {
			c := task.NewCooperator(task.WithClock(self.Reactor()))
			c.Stop()
			d := c.Coiterate(seq(), stuff)
			d.AddCallback(self.cbIter)
			d.AddErrback(self.ebIter)
			return d.AddCallback(func(result any) (any, error) { self.AssertEqual(result, RESULT); return nil, nil })
		}

		return testwith(nil).AddCallback(func(ign any) (any, error) { return testwith(deferred.New()), nil })
	})

	// Test that a running iterator will not run to completion when the
	// cooperator is stopped.
	runCooperatorTests("testStopRunning", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()))

		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				for i := range 3 {
					if !yield(i) {
						return
					}
				}
			})
		}

		myiterValue := -1
		d := c.Coiterate(myiter())
		d.AddCallback(self.cbIter)
		d.AddErrback(self.ebIter)
		c.Stop()

		doasserts := func(result any) (any, error) {
			self.AssertEqual(result, RESULT)
			self.AssertEqual(myiterValue, -1)
			return nil, nil
		}

		d.AddCallback(doasserts)
		return d
	})

	// An iterator run with Cooperator.Coiterate paused on a Deferred
	// yielded by that iterator will fire its own Deferred (the one
	// returned by Coiterate) when Cooperator.Stop is called.
	runCooperatorTests("testStopOutstanding", func(self *CooperatorTests) any {
		reactor := self.Reactor()
		testControlD := deferred.New()
		outstandingD := deferred.New()

		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				reactor.CallLater(0, func() { testControlD.Callback(nil) })
				if !yield(outstandingD) {
					return
				}
				self.Fail(nil)
			})
		}

		c := task.NewCooperator(task.WithClock(reactor))
		d := c.Coiterate(myiter())

		stopAndGo := func(ign any) (any, error) {
			c.Stop()
			outstandingD.Callback("arglebargle")
			return nil, nil
		}

		testControlD.AddCallback(stopAndGo)
		d.AddCallback(self.cbIter)
		d.AddErrback(self.ebIter)

		return d.AddCallback(func(result any) (any, error) { self.AssertEqual(result, RESULT); return nil, nil })
	})

	runCooperatorTests("testUnexpectedError", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()))

		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				panic(twisted.RuntimeError.New())
			})
		}

		d := c.Coiterate(myiter())
		return self.AssertFailure(d, twisted.RuntimeError)
	})

	runCooperatorTests("testUnexpectedErrorActuallyLater", func(self *CooperatorTests) any {
		reactor := self.Reactor()
		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				D := deferred.New()
				reactor.CallLater(0, func() { D.Errback(twisted.RuntimeError.New()) })
				yield(D)
			})
		}

		c := task.NewCooperator(task.WithClock(reactor))
		d := c.Coiterate(myiter())
		return self.AssertFailure(d, twisted.RuntimeError)
	})

	runCooperatorTests("testUnexpectedErrorNotActuallyLater", func(self *CooperatorTests) any {
		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				yield(deferred.Fail(twisted.RuntimeError.New()))
			})
		}

		c := task.NewCooperator(task.WithClock(self.Reactor()))
		d := c.Coiterate(myiter())
		return self.AssertFailure(d, twisted.RuntimeError)
	})

	runCooperatorTests("testCooperation", func(self *CooperatorTests) any {
		L := []any{}

		myiter := func(things []any) task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				for _, th := range things {
					L = append(L, th)
					if !yield(nil) {
						return
					}
				}
			})
		}

		groupsOfThings := [][]any{{"a", "b", "c"}, {1, 2, 3}, {"d", "e", "f"}, {4, 5, 6}}

		c := task.NewCooperator(task.WithClock(self.Reactor()))
		tasks := []*deferred.Deferred{}
		for _, stuff := range groupsOfThings {
			tasks = append(tasks, c.Coiterate(myiter(stuff)))
		}

		return deferred.DeferredList(tasks).AddCallback(func(ign any) (any, error) {
			self.AssertEqual(twisted.Tuple(L), sumZip(groupsOfThings))
			return nil, nil
		})
	})

	runCooperatorTests("testResourceExhaustion", func(self *CooperatorTests) any {
		output := []any{}

		stopped := false // _TPF.stopped
		myiter := func() task.Iterator {
			return task.FromSeq(func(yield func(any) bool) {
				for i := range 100 {
					output = append(output, i)
					if i == 9 {
						stopped = true
					}
					if !yield(i) {
						return
					}
				}
			})
		}

		_TPF := func() func() bool { return func() bool { return stopped } }

		// Python reaches into the Cooperator's privates to cancel the
		// scheduled step and run it at once (c._delayedCall.cancel();
		// c._tick()); the Go scheduler hands both over instead.
		var delayedCall task.Cancellable
		var tick func()
		schedule := func(step func()) task.Cancellable {
			delayedCall, tick = self.Reactor().CallLater(0.00000001, step), step
			return delayedCall
		}
		c := task.NewCooperator(task.WithTerminationPredicateFactory(_TPF), task.WithScheduler(schedule))
		c.Coiterate(myiter()).AddErrback(self.ebIter)
		_ = delayedCall.Cancel()
		// testing a private method because only the test case will ever care
		// about this, so we have to carefully clean up after ourselves.
		tick()
		c.Stop()
		self.AssertTrue(stopped)
		self.AssertEqual(output, rangeList(10))
		return nil
	})

	// If a callback to a deferred returned by Coiterate calls Coiterate on
	// the same Cooperator, we should make sure to only do the minimal
	// amount of scheduling work. (This test was added to demonstrate a
	// specific bug that was found while writing the scheduler.)
	runCooperatorTests("testCallbackReCoiterate", func(self *CooperatorTests) any {
		calls := []*FakeCall{}

		sched := func(f func()) task.Cancellable {
			self.AssertFalse(calls)
			calls = append(calls, &FakeCall{fn: f})
			return calls[len(calls)-1]
		}

		c := task.NewCooperator(task.WithScheduler(sched), task.WithTerminationPredicateFactory(always))
		d := c.Coiterate(seq())

		done := []any{}

		anotherTask := func(ign any) (any, error) {
			c.Coiterate(seq()).AddBoth(func(r any) (any, error) { done = append(done, r); return nil, nil })
			return nil, nil
		}

		d.AddCallback(anotherTask)

		work := 0
		for len(done) == 0 {
			work += 1
			for len(calls) > 0 {
				call := calls[0]
				calls = calls[1:]
				call.fn()
				work += 1
			}
			if work > 50 {
				self.Fail("Cooperator took too long")
			}
		}
		return nil
	})

	// If the last task in a Cooperator is removed, the scheduled call for
	// the next tick is cancelled, since it is no longer necessary.
	//
	// This behavior is useful for tests that want to assert they have left
	// no reactor state behind when they're done.
	runCooperatorTests("test_removingLastTaskStopsScheduledCall", func(self *CooperatorTests) any {
		calls := []*FakeDelayedCall{nil}

		sched := func(f func()) task.Cancellable {
			calls[0] = NewFakeDelayedCall(f)
			return calls[0]
		}

		coop := task.NewCooperator(task.WithScheduler(sched))

		// Add two task; this should schedule the tick:
		task1 := coop.Cooperate(seq(1, 2))
		task2 := coop.Cooperate(seq(1, 2))

		// Remove first task; scheduled call should still be going:
		_ = task1.Stop()
		self.AssertFalse(calls[0].cancelled)

		// Remove second task; scheduled call should be cancelled:
		_ = task2.Stop()
		self.AssertTrue(calls[0].cancelled)

		// Add another task; scheduled call will be recreated:
		coop.Cooperate(seq(1, 2))
		self.AssertFalse(calls[0].cancelled)
		return nil
	})

	// Cooperator.Running reports true if the Cooperator was started on
	// creation.
	runCooperatorTests("test_runningWhenStarted", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()))
		self.AssertTrue(c.Running())
		return nil
	})

	// Cooperator.Running reports false if the Cooperator has not been
	// started.
	runCooperatorTests("test_runningWhenNotStarted", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()), task.WithStarted(false))
		self.AssertFalse(c.Running())
		return nil
	})

	// Cooperator.Running reports true when the Cooperator is running.
	runCooperatorTests("test_runningWhenRunning", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()), task.WithStarted(false))
		c.Start()
		self.AddCleanup(c.Stop)
		self.AssertTrue(c.Running())
		return nil
	})

	// Cooperator.Running reports false after the Cooperator has been
	// stopped.
	runCooperatorTests("test_runningWhenStopped", func(self *CooperatorTests) any {
		c := task.NewCooperator(task.WithClock(self.Reactor()), task.WithStarted(false))
		c.Start()
		c.Stop()
		self.AssertFalse(c.Running())
		return nil
	})
}

// FakeCall is testCallbackReCoiterate's scheduled call, which cannot be
// cancelled (the Python one has no cancel method).
type FakeCall struct{ fn func() }

func (c *FakeCall) Cancel() error {
	return twisted.AttributeError.New("'FakeCall' object has no attribute 'cancel'")
}

// sumZip is sum(zip(*groups), ()): the groups' first items, then their
// second items, and so on.
func sumZip(groups [][]any) twisted.Tuple {
	out := twisted.Tuple{}
	for i := range groups[0] {
		for _, g := range groups {
			out = append(out, g[i])
		}
	}
	return out
}

// rangeList is list(range(n)).
func rangeList(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = i
	}
	return out
}
