package testdefgen

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredGeneratorTests provides BaseDefgenTests' generators with
// deferredGenerator and waitForDeferred. Python's
//
//	def _genX(self):
//	    ...
//	_genX = deferredGenerator(_genX)
//
// is a method that returns deferred.DeferredGenerator of the body.
type DeferredGeneratorTests struct {
	BaseDefgenTests
}

func newDeferredGeneratorTests() *DeferredGeneratorTests {
	self := &DeferredGeneratorTests{}
	self.gen = self
	return self
}

// AssertEquals is trial's alias of assertEqual.
func (self *DeferredGeneratorTests) AssertEquals(first, second any) { self.AssertEqual(first, second) }

func (self *DeferredGeneratorTests) _genBasics() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {

		x := deferred.WaitForDeferred(getThing(self.Reactor()))
		yield(x)
		r, err := x.GetResult()
		if err != nil {
			return err
		}

		self.AssertEquals(r, "hi")

		ow := deferred.WaitForDeferred(getOwie(self.Reactor()))
		yield(ow)
		_, err = ow.GetResult()
		if e := catchFailure(err, twisted.ZeroDivisionError); e != nil {
			self.AssertEquals(twisted.Str(e), "OMG")
		}
		yield("WOOSH")
		return nil
	})
}

func (self *DeferredGeneratorTests) _genBuggy() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		yield(deferred.WaitForDeferred(getThing(self.Reactor())))
		zero := 0
		_ = 1 / zero
		return nil
	})
}

func (self *DeferredGeneratorTests) _genNothing() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		if false {
			yield(1)
		}
		return nil
	})
}

func (self *DeferredGeneratorTests) _genHandledTerminalFailure() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		x := deferred.WaitForDeferred(deferred.Fail(TerminalException.New("Handled Terminal Failure")))
		yield(x)
		_, err := x.GetResult()
		catchFailure(err, TerminalException) // except TerminalException: pass
		return nil
	})
}

func (self *DeferredGeneratorTests) _genHandledTerminalAsyncFailure(d *deferred.Deferred) *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		x := deferred.WaitForDeferred(d)
		yield(x)
		_, err := x.GetResult()
		catchFailure(err, TerminalException) // except TerminalException: pass
		return nil
	})
}

func (self *DeferredGeneratorTests) _genStackUsage() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		for range 5000 {
			// Test with yielding a deferred
			x := deferred.WaitForDeferred(deferred.Succeed(1))
			yield(x)
			if _, err := x.GetResult(); err != nil {
				return err
			}
		}
		yield(0)
		return nil
	})
}

func (self *DeferredGeneratorTests) _genStackUsage2() *deferred.Deferred {
	return deferred.DeferredGenerator(func(yield func(any) bool) error {
		for range 5000 {
			// Test with yielding a random value
			yield(1)
		}
		yield(0)
		return nil
	})
}

// Tests unique to deferredGenerator

// testDeferredYielding: yielding a Deferred directly is trapped as an
// error.
func (self *DeferredGeneratorTests) testDeferredYielding() any {
	// See the comment _deferGenerator about d.callback(Deferred).
	_genDeferred := func() *deferred.Deferred {
		return deferred.DeferredGenerator(func(yield func(any) bool) error {
			yield(getThing(self.Reactor()))
			return nil
		})
	}

	return self.AssertFailure(_genDeferred(), twisted.TypeError)
}
