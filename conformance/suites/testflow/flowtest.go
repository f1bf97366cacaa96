package testflow

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// FlowTest: the tests of test_flow.py's FlowTest class (its two protocol
// tests are in flowtest_protocol.go).

func flowTest(name string, test func(self *TestCase) any) {
	Suite.Add(conformance.Scenario{
		Name:   "FlowTest." + name,
		Source: "twisted/flow/test/test_flow.py FlowTest." + name + " (b2b5697a0f^)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { run(t, test) },
	})
}

func init() {
	flowTest("testNotReady", func(self *TestCase) any {
		x := flow.Wrap([]any{1, 2, 3})
		self.AssertRaises(flow.NotReadyError, x.Next)
		return nil
	})

	flowTest("testBasic", func(self *TestCase) any {
		lhs := []any{"string"}
		rhs := list(flow.Block("string"))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testBasicList", func(self *TestCase) any {
		lhs := []any{1, 2, 3}
		rhs := list(flow.Block([]any{1, 2, flow.Cooperate(0), 3}))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testBasicIterator", func(self *TestCase) any {
		lhs := []any{"one", "two", "three"}
		rhs := list(flow.Block(newSlowlist(_onetwothree)))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	// testCallable's body is testBasicIterator's in the original (it passes
	// no callable); kept as it is.
	flowTest("testCallable", func(self *TestCase) any {
		lhs := []any{"one", "two", "three"}
		rhs := list(flow.Block(newSlowlist(_onetwothree)))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testProducer", func(self *TestCase) any {
		lhs := []any{twisted.Tuple{1, "one"}, twisted.Tuple{2, "two"}, twisted.Tuple{3, "three"}}
		rhs := list(flow.Block(newProducer()))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testConsumer", func(self *TestCase) any {
		lhs := []any{"Title", twisted.Tuple{1, "one"}, twisted.Tuple{2, "two"}, twisted.Tuple{3, "three"}}
		rhs := list(flow.Block(newConsumer)) // the class: wrap calls it
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testFailure", func(self *TestCase) any {
		self.AssertRaises(twisted.ZeroDivisionError, func() (any, error) { return list(flow.Block(newBadgen())), nil })
		self.AssertEqual([]any{"x", twisted.ZeroDivisionError},
			list(flow.Block(newBadgen(), twisted.ZeroDivisionError)))
		self.AssertEqual([]any{"x", twisted.ZeroDivisionError},
			list(flow.Block(flow.Wrap(newBadgen()),
				twisted.ZeroDivisionError)))
		return nil
	})

	flowTest("testZip", func(self *TestCase) any {
		lhs := []any{twisted.Tuple{1, "a"}, twisted.Tuple{2, "b"}, twisted.Tuple{3, nil}}
		mrg := flow.Zip([]any{1, 2, flow.Cooperate(0), 3}, []any{"a", "b"})
		rhs := list(flow.Block(mrg))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testMerge", func(self *TestCase) any {
		lhs := []any{"one", 1, "two", 2, 3, "three"}
		mrg := flow.Merge(newSlowlist(_onetwothree), newSlowlist([]any{1, 2, 3}))
		rhs := list(flow.Block(mrg))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testFilter", func(self *TestCase) any {
		odd := func(val any) (bool, error) {
			if val.(int)%2 != 0 {
				return true, nil
			}
			return false, nil // None
		}
		lhs := []any{1, 3}
		mrg := flow.Filter(odd, newSlowlist([]any{1, 2, flow.Cooperate(0), 3}))
		rhs := list(flow.Block(mrg))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testLineBreak", func(self *TestCase) any {
		lhs := []any{"Hello World", "Happy Days Are Here"}
		rhs := []any{"Hello ", "World\nHappy", flow.Cooperate(0),
			" Days", " Are Here\n"}
		mrg := flow.LineBreak(newSlowlist(rhs), flow.LineBreakOptions{Delimiter: "\n"})
		rhs = list(flow.Block(mrg))
		self.AssertEqual(lhs, rhs)
		return nil
	})

	flowTest("testDeferred", func(self *TestCase) any {
		lhs := []any{"Title", twisted.Tuple{1, "one"}, twisted.Tuple{2, "two"}, twisted.Tuple{3, "three"}}
		d := flow.DeferredOn(self.reactor, newConsumer())
		d.AddCallback(with(self.AssertEquals, lhs))
		return d
	})

	flowTest("testBuildList", func(self *TestCase) any {
		src := flow.Wrap([]any{1, 2, 3})
		out, err := flow.Block(newBuildlist(src)).Next()
		if err != nil {
			twisted.NewFailure(err).RaiseException()
		}
		self.AssertEquals(out, []any{1, 2, 3})
		return nil
	})

	flowTest("testDeferredFailure", func(self *TestCase) any {
		d := flow.DeferredOn(self.reactor, newBadgen())
		return self.AssertFailure(d, twisted.ZeroDivisionError)
	})

	flowTest("testDeferredTrap", func(self *TestCase) any {
		d := flow.DeferredOn(self.reactor, newBadgen(), twisted.ZeroDivisionError)
		d.AddCallback(with(self.AssertEqual, []any{"x", twisted.ZeroDivisionError}))
		return d
	})

	flowTest("testZipFailure", func(self *TestCase) any {
		lhs := []any{twisted.Tuple{1, "a"}, twisted.Tuple{2, "b"}, twisted.Tuple{3, "c"}}
		_ = lhs
		mrg := flow.Zip([]any{1, 2, flow.Cooperate(0), 3}, newBadgen())
		d := flow.DeferredOn(self.reactor, mrg)
		return self.AssertFailure(d, twisted.ZeroDivisionError)
	})

	flowTest("testDeferredWrapper", func(self *TestCase) any {
		a := deferred.New()
		self.reactor.CallLater(0, func() { a.Callback("test") })
		b := flow.Merge(a, newSlowlist([]any{1, 2, flow.Cooperate(0), 3}))
		d := flow.DeferredOn(self.reactor, b)
		d.AddCallback(with(self.AssertEqual, []any{1, 2, "test", 3}))
		return d
	})

	flowTest("testDeferredWrapperImmediate", func(self *TestCase) any {
		a := deferred.New()
		a.Callback("test")
		self.AssertEquals([]any{"test"}, list(flow.Block(a)))
		return nil
	})

	flowTest("testDeferredWrapperFail", func(self *TestCase) any {
		d := deferred.New()
		f := func() { d.Errback(twisted.NewFailure(twisted.IOError.New())) }
		self.reactor.CallLater(0, f)
		return self.AssertFailure(d, twisted.IOError)
	})

	flowTest("testCallback", func(self *TestCase) any {
		cb := flow.Callback()
		d := flow.DeferredOn(self.reactor, newBuildlist(cb))
		for x := range 9 {
			cb.Result(x)
		}
		cb.Finish()
		d.AddCallback(with(self.AssertEqual, []any{[]any{0, 1, 2, 3, 4, 5, 6, 7, 8}}))
		return d
	})

	flowTest("testCallbackFailure", func(self *TestCase) any {
		cb := flow.Callback()
		d := flow.DeferredOn(self.reactor, newBuildlist(cb))
		for x := range 3 {
			cb.Result(x)
		}
		cb.Errback(twisted.NewFailure(twisted.IOError.New()))
		return self.AssertFailure(d, twisted.IOError)
	})

	flowTest("testConcurrentCallback", func(self *TestCase) any {
		ca := &named{flow.Callback(), ""}
		ca.name = "a"
		cb := &named{flow.Callback(), ""}
		cb.name = "b"
		d := flow.DeferredOn(self.reactor, newTestconcur(ca, cb))
		ca.Result(1)
		cb.Result(2)
		ca.Result(3)
		ca.Result(4)
		ca.Finish()
		cb.Result(5)
		cb.Finish()
		d.AddCallback(with(self.AssertEquals,
			[]any{twisted.Tuple{"a", 1}, twisted.Tuple{"b", 2}, twisted.Tuple{"a", 3}, twisted.Tuple{"a", 4}, twisted.Tuple{"b", 5}}))
		return d
	})
}
