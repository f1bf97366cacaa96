package testtask

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// _FakeReactor is test_task.py's fake reactor for React: a Clock that
// runs its timed events until stopped, with shutdown triggers. Python's
// log.err reaches trial's log observer; the Go React logs through the
// reactor (task.ErrorLogger), which hands the failure to the test case.
type _FakeReactor struct {
	*task.Clock
	_running          bool
	_whenRunning      []func()
	_started          bool // _whenRunning is None
	_shutdownTriggers map[string][]func() any
	log               *pyunit.TestCase
}

func new_FakeReactor(log *pyunit.TestCase) *_FakeReactor {
	return &_FakeReactor{
		Clock:             task.NewClock(),
		_whenRunning:      []func(){},
		_shutdownTriggers: map[string][]func() any{"before": {}, "during": {}},
		log:               log,
	}
}

func (self *_FakeReactor) CallWhenRunning(callable func()) {
	if self._started {
		callable()
	} else {
		self._whenRunning = append(self._whenRunning, callable)
	}
}

func (self *_FakeReactor) AddSystemEventTrigger(phase, event string, callable func() any) reactor.TriggerID {
	if phase != "before" && phase != "during" || event != "shutdown" {
		panic(twisted.AssertionError.New())
	}
	self._shutdownTriggers[phase] = append(self._shutdownTriggers[phase], callable)
	return reactor.TriggerID{}
}

// Run calls timed events until there are no more or the reactor is
// stopped. It panics with a RuntimeError when no timed events are left and
// the reactor is still running.
func (self *_FakeReactor) Run() error {
	self._running = true
	whenRunning := self._whenRunning
	self._whenRunning, self._started = nil, true
	for _, callable := range whenRunning {
		callable()
	}
	for self._running {
		calls := self.GetDelayedCalls()
		if len(calls) == 0 {
			panic(twisted.RuntimeError.New("No DelayedCalls left"))
		}
		self.Clock.Advance(calls[0].GetTime() - self.Seconds())
	}
	shutdownTriggers := self._shutdownTriggers
	self._shutdownTriggers = nil
	for _, trigger := range append(shutdownTriggers["before"], shutdownTriggers["during"]...) {
		trigger()
	}
	return nil
}

// Stop stops the reactor.
func (self *_FakeReactor) Stop() error {
	if !self._running {
		return reactor.ReactorNotRunning.New()
	}
	self._running = false
	return nil
}

func (self *_FakeReactor) Running() bool   { return self._running }
func (self *_FakeReactor) Iterate(float64) {}

func (self *_FakeReactor) LogError(f *twisted.Failure, why string) { self.log.Log(f) }

// react is task.react, which ends in sys.exit(code): the SystemExit it
// raises is the code React returns.
func react(main func(r task.Reactor) *deferred.Deferred, r task.Reactor) func() error {
	return func() error { return twisted.SystemExit.New(task.React(main, r)) }
}

// code is SystemExit's code.
func code(exitError error) any { return exitError.(*twisted.Error).Args[0] }

func addReactTest(name string, test func(self *pyunit.TestCase)) {
	addTaskTest("ReactTests", name, func(t *conformance.T) {
		pyunit.RunTest(t, func(self *pyunit.TestCase) any { test(self); return nil })
	})
}

// ReactTests: tests for task.React.
func init() {
	// task.React runs the reactor until the Deferred returned by the
	// function it is passed is called back, then stops it.
	addReactTest("test_runsUntilAsyncCallback", func(self *pyunit.TestCase) {
		timePassed := []any{}

		main := func(reactor task.Reactor) *deferred.Deferred {
			finished := deferred.New()
			reactor.CallLater(1, func() { timePassed = append(timePassed, true) })
			reactor.CallLater(2, func() { finished.Callback(nil) })
			return finished
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(0, code(exitError))
		self.AssertEqual(timePassed, []any{true})
		self.AssertEqual(r.Seconds(), 2)
	})

	// task.React returns quickly if the Deferred returned by the function
	// it is passed has already been called back at the time it is
	// returned.
	addReactTest("test_runsUntilSyncCallback", func(self *pyunit.TestCase) {
		main := func(reactor task.Reactor) *deferred.Deferred {
			return deferred.Succeed(nil)
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(0, code(exitError))
		self.AssertEqual(r.Seconds(), 0)
	})

	// task.React runs the reactor until the Deferred returned by the
	// function it is passed is errbacked, then it stops the reactor and
	// reports the error.
	addReactTest("test_runsUntilAsyncErrback", func(self *pyunit.TestCase) {
		ExpectedException := twisted.NewClass("ExpectedException", nil)

		main := func(reactor task.Reactor) *deferred.Deferred {
			finished := deferred.New()
			reactor.CallLater(1, func() { finished.Errback(ExpectedException.New()) })
			return finished
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))

		self.AssertEqual(1, code(exitError))

		errors := self.FlushLoggedErrors(ExpectedException)
		self.AssertEqual(len(errors), 1)
	})

	// task.React returns quickly if the Deferred returned by the function
	// it is passed has already been errbacked at the time it is returned.
	addReactTest("test_runsUntilSyncErrback", func(self *pyunit.TestCase) {
		ExpectedException := twisted.NewClass("ExpectedException", nil)

		main := func(reactor task.Reactor) *deferred.Deferred {
			return deferred.Fail(ExpectedException.New())
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(1, code(exitError))
		self.AssertEqual(r.Seconds(), 0)
		errors := self.FlushLoggedErrors(ExpectedException)
		self.AssertEqual(len(errors), 1)
	})

	// task.React doesn't try to stop the reactor if the Deferred the
	// function it is passed is called back after the reactor has already
	// been stopped.
	addReactTest("test_singleStopCallback", func(self *pyunit.TestCase) {
		main := func(reactor task.Reactor) *deferred.Deferred {
			reactor.CallLater(1, func() { _ = reactor.Stop() })
			finished := deferred.New()
			reactor.(task.SystemEventTriggers).AddSystemEventTrigger("during", "shutdown", func() any { finished.Callback(nil); return nil })
			return finished
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(r.Seconds(), 1)

		self.AssertEqual(0, code(exitError))
	})

	// task.React doesn't try to stop the reactor if the Deferred the
	// function it is passed is errbacked after the reactor has already been
	// stopped.
	addReactTest("test_singleStopErrback", func(self *pyunit.TestCase) {
		ExpectedException := twisted.NewClass("ExpectedException", nil)

		main := func(reactor task.Reactor) *deferred.Deferred {
			reactor.CallLater(1, func() { _ = reactor.Stop() })
			finished := deferred.New()
			reactor.(task.SystemEventTriggers).AddSystemEventTrigger(
				"during", "shutdown", func() any { finished.Errback(ExpectedException.New()); return nil },
			)
			return finished
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))

		self.AssertEqual(1, code(exitError))

		self.AssertEqual(r.Seconds(), 1)
		errors := self.FlushLoggedErrors(ExpectedException)
		self.AssertEqual(len(errors), 1)
	})

	// task.React forwards the exit code specified by the SystemExit error
	// returned by the passed function, if any.
	addReactTest("test_exitWithDefinedCode", func(self *pyunit.TestCase) {
		main := func(reactor task.Reactor) *deferred.Deferred {
			return deferred.Fail(twisted.SystemExit.New(23))
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(23, code(exitError))
	})

	// task.React handles when the reactor is stopped just before the
	// returned Deferred fires.
	addReactTest("test_synchronousStop", func(self *pyunit.TestCase) {
		main := func(reactor task.Reactor) *deferred.Deferred {
			d := deferred.New()

			stop := func() {
				_ = reactor.Stop()
				d.Callback(nil)
			}

			reactor.CallWhenRunning(stop)
			return d
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(0, code(exitError))
	})

	// task.React handles when the reactor is stopped and the returned
	// Deferred doesn't fire.
	addReactTest("test_asynchronousStop", func(self *pyunit.TestCase) {
		main := func(reactor task.Reactor) *deferred.Deferred {
			reactor.CallLater(1, func() { _ = reactor.Stop() })
			return deferred.New()
		}

		r := new_FakeReactor(self)
		exitError := self.AssertRaises(twisted.SystemExit, react(main, r))
		self.AssertEqual(0, code(exitError))
	})
}
