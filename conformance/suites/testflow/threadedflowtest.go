package testflow

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// ThreadedFlowTest: the tests of test_flow.py's ThreadedFlowTest class
// (testQueryIterator is in threadedflowtest_query.go). Threaded is
// ThreadedOn the test's reactor (Python's global one).

func threadedFlowTest(name string, test func(self *TestCase) any) {
	Suite.Add(conformance.Scenario{
		Name:   "ThreadedFlowTest." + name,
		Source: "twisted/flow/test/test_flow.py ThreadedFlowTest." + name + " (b2b5697a0f^)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { run(t, test) },
	})
}

func init() {
	threadedFlowTest("testThreaded", func(self *TestCase) any {
		expect := []any{5, 4, 3, 2, 1}
		d := flow.DeferredOn(self.reactor, threads.ThreadedOn(self.reactor, newCountIterator(5)))
		d.AddCallback(with(self.AssertEquals, expect))
		return d
	})

	threadedFlowTest("testThreadedError", func(self *TestCase) any {
		// is this the expected behaviour?
		iterator := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !yield(1) {
					return nil
				}
				return twisted.ValueError.New()
			}
		}
		d := flow.DeferredOn(self.reactor, threads.ThreadedOn(self.reactor, iterator()))
		return self.AssertFailure(d, twisted.ValueError)
	})

	threadedFlowTest("testThreadedSleep", func(self *TestCase) any {
		expect := []any{5, 4, 3, 2, 1}
		d := flow.DeferredOn(self.reactor, threads.ThreadedOn(self.reactor, newCountIterator(5)))
		sleep(.5)
		d.AddCallback(with(self.AssertEquals, expect))
		return d
	})

	threadedFlowTest("testThreadedImmediate", func(self *TestCase) any {
		// The goal of this test is to test the callback mechanism with
		// regard to threads, namely to assure that results can be
		// accumulated before they are needed; and that left-over results
		// are immediately made available on the next round (even though
		// the producing thread has shut down).  This is a very tough thing
		// to test due to the timing issues.  So it may fail on some
		// platforms, I'm not sure.
		reactor := self.reactor
		expect := []any{5, 4, 3, 2, 1}
		result := []any{}
		f := threads.ThreadedOn(reactor, newCountIterator(5))
		d := deferred.New()
		var process func()
		process = func() {
			coop := f.Yield()
			if len(f.Results) > 0 {
				result = append(result, f.Results...)
				f.Results = f.Results[min(len(result), len(f.Results)):] // del f.results[:len(result)]
				reactor.CallLater(0, process)
				return
			}
			if coop != nil {
				sleep(.3)
				reactor.CallLater(0, func() { coop.(flow.CallLater).CallLater(process) })
				return
			}
			if f.Stop {
				reactor.CallLater(0, func() { d.Callback(result) })
			}
		}
		reactor.CallLater(0, process)
		d.AddCallback(with(self.AssertEquals, expect))
		return d
	})
}
