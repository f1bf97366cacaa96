package deferred

// A Canceller stops the pending operation of a Deferred made by
// [NewWithCancellerOf]: its CancelDeferred is the Deferred's canceller,
// with the contract of [NewWithCanceller]'s (it may fire d itself; if it
// does not, Cancel errbacks d with [CancelledError]).
type Canceller interface {
	CancelDeferred(d *Deferred)
}

// NewWithCancellerOf is NewWithCanceller(c.CancelDeferred) without the
// method value: until the Deferred fires, c waits in its result field,
// which nothing reads before then, and its canceller is a function that
// captures nothing. An object that keeps many Deferreds pending (a flow
// per Deferred) spares a 16-byte allocation for each. A nil c is no
// canceller, as NewWithCanceller(nil).
func NewWithCancellerOf(c Canceller) *Deferred {
	d := New()
	if c == nil {
		return d
	}
	d.result = c
	d.canceller = cancelVia
	return d
}

// cancelVia is the canceller of a Deferred made by NewWithCancellerOf: it
// runs only before the Deferred fires, while its result is the Canceller.
func cancelVia(d *Deferred) { d.result.(Canceller).CancelDeferred(d) }
