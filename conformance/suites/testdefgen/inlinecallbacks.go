package testdefgen

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// InlineCallbacksTests provides BaseDefgenTests' generators with
// inlineCallbacks: `x = yield d` is `x, err := await(d)`, a plain value
// yielded comes straight back (nothing to transcribe), and returnValue(v)
// is `return v, nil`.
type InlineCallbacksTests struct {
	BaseDefgenTests
}

func newInlineCallbacksTests() *InlineCallbacksTests {
	self := &InlineCallbacksTests{}
	self.gen = self
	return self
}

// AssertEquals is trial's alias of assertEqual.
func (self *InlineCallbacksTests) AssertEquals(first, second any) { self.AssertEqual(first, second) }

func (self *InlineCallbacksTests) _genBasics() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {

		x, err := await(getThing(self.Reactor()))
		if err != nil {
			return nil, err
		}

		self.AssertEquals(x, "hi")

		_, err = await(getOwie(self.Reactor()))
		if e := catchFailure(err, twisted.ZeroDivisionError); e != nil {
			self.AssertEquals(twisted.Str(e), "OMG")
		}
		return "WOOSH", nil // returnValue("WOOSH")
	})
}

func (self *InlineCallbacksTests) _genBuggy() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		if _, err := await(getThing(self.Reactor())); err != nil {
			return nil, err
		}
		self.trueDivideByZero() // 1/0
		return nil, nil
	})
}

func (self *InlineCallbacksTests) _genNothing() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		// if 0: yield 1
		return nil, nil
	})
}

func (self *InlineCallbacksTests) _genHandledTerminalFailure() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		_, err := await(deferred.Fail(TerminalException.New("Handled Terminal Failure")))
		catchFailure(err, TerminalException) // except TerminalException: pass
		return nil, nil
	})
}

func (self *InlineCallbacksTests) _genHandledTerminalAsyncFailure(d *deferred.Deferred) *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		_, err := await(d)
		catchFailure(err, TerminalException) // except TerminalException: pass
		return nil, nil
	})
}

func (self *InlineCallbacksTests) _genStackUsage() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		for range 5000 {
			// Test with yielding a deferred
			if _, err := await(deferred.Succeed(1)); err != nil {
				return nil, err
			}
		}
		return 0, nil // returnValue(0)
	})
}

func (self *InlineCallbacksTests) _genStackUsage2() *deferred.Deferred {
	return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
		for range 5000 {
			// Test with yielding a random value: `yield 1` sends 1
			// straight back; Go has nothing to wait for.
			_ = 1
		}
		return 0, nil // returnValue(0)
	})
}

// Tests unique to inlineCallbacks

// testYieldNonDeferrred: yielding a non-deferred passes it back as the
// result of the yield expression.
func (self *InlineCallbacksTests) testYieldNonDeferrred() any {
	_test := func() *deferred.Deferred {
		return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
			x := 5 // x = yield 5
			_ = x
			return 5, nil // returnValue(5)
		})
	}

	return _test().AddCallback(self.assertEqual(5))
}

// testReturnNoValue: a standard python return results in a None result.
func (self *InlineCallbacksTests) testReturnNoValue() any {
	_noReturn := func() *deferred.Deferred {
		return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
			// yield 5
			return nil, nil
		})
	}

	return _noReturn().AddCallback(self.assertEqual(nil))
}

// testReturnValue: returnValue works.
func (self *InlineCallbacksTests) testReturnValue() any {
	_return := func() *deferred.Deferred {
		return deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
			// yield 5
			return 6, nil // returnValue(6)
		})
	}

	return _return().AddCallback(self.assertEqual(6))
}
