package testflow

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// ThreadedFlowTest: the tests of test_flow.py's ThreadedFlowTest class, but
// for testQueryIterator (testdata/NOT-PORTED.md). Threaded is ThreadedOn the
// test's reactor (Python's global one).

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
		d := flow.DeferredOn(self.reactor, flow.ThreadedOn(self.reactor, newCountIterator(5)))
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
		d := flow.DeferredOn(self.reactor, flow.ThreadedOn(self.reactor, iterator()))
		return self.AssertFailure(d, twisted.ValueError)
	})

	threadedFlowTest("testThreadedSleep", func(self *TestCase) any {
		expect := []any{5, 4, 3, 2, 1}
		d := flow.DeferredOn(self.reactor, flow.ThreadedOn(self.reactor, newCountIterator(5)))
		sleep(.5)
		d.AddCallback(with(self.AssertEquals, expect))
		return d
	})
}
