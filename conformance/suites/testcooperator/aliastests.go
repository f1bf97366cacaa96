package testcooperator

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// AliasTests: integration test to verify that the global singleton
// aliases do what they're supposed to.
func init() {
	// task.Cooperate ought to run the generator that it is given.
	add("AliasTests", "test_cooperate", func(t *conformance.T) {
		pyunit.RunTest(t, func(self *pyunit.TestCase) any {
			self.GlobalReactor() // the global Cooperator's reactor, which Run drives
			d := deferred.New()

			doit := func(yield func(any) bool) {
				_ = yield(1) && yield(2) && yield(3)
				d.Callback("yay")
			}

			it := task.FromSeq(doit)
			theTask := task.Cooperate(it)
			_ = theTask
			return d
		})
	})
}
