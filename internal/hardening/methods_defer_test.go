package hardening

import (
	"testing"

	"gotest.tools/v3/assert"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// panickyCanceller is a Canceller whose CancelDeferred panics.
type panickyCanceller struct{}

func (panickyCanceller) CancelDeferred(*deferred.Deferred) { panic(boom) }

func init() {
	// A Canceller is a canceller (TestPanicInCancellerReachesTheCaller):
	// Twisted's cancel() does not catch what it raises, so the panic
	// reaches Cancel's caller, and the Deferred is left uncalled.
	userMethodRows["deferred.Canceller.CancelDeferred"] = func(t *testing.T) {
		d := deferred.NewWithCancellerOf(panickyCanceller{})
		f := panicOf(d.Cancel)
		assert.Assert(t, f != nil, "Cancel swallowed CancelDeferred's panic")
		assertBoom(t, f)
		assert.Assert(t, !d.Called())
	}
}
