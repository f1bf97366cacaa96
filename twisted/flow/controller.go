package flow

import (
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Deferred runs a flow on the default reactor and returns a Deferred that
// fires with the list of its results ([]any), or with its failure
// (flow.Deferred). A failure of one of the trap classes is not an end: the
// class is appended to the results, and the flow goes on.
//
// Deferred runs the flow at once, up to its first suspending instruction:
// a flow that does not suspend has fired the Deferred when Deferred
// returns. Cooperate is then served by the reactor's CallLater; a flow
// waiting on a Deferred resumes when it fires; Callback and Threaded
// resume it when they have something.
//
//	d = flow.Deferred([1, 2, 3])       d := flow.Deferred([]any{1, 2, 3})
//	d.addCallback(res)                 d.AddCallback(res)
//
// Cancelling the Deferred stops the flow: its generators are closed
// (their deferred calls run), its threads stop after their current item,
// its pending wake-ups are cancelled, and the Deferred fails with
// deferred.CancelledError. The flow is closed in the same way when it
// ends or fails.
//
// A flow run by Deferred belongs to the reactor's goroutine: Callback
// producers and the Deferreds it waits on must be fired from there.
func Deferred(stage any, trap ...*twisted.Class) *deferred.Deferred {
	return DeferredOn(reactor.Default(), stage, trap...)
}

// DeferredOn is Deferred on the given reactor: Cooperate instructions are
// scheduled with its CallLater. Tests pass a *reactor.Clock.
func DeferredOn(clock reactor.IReactorTime, stage any, trap ...*twisted.Class) *deferred.Deferred {
	r := &runner{clock: clock, stage: Wrap(stage, trap...)}
	switch s := r.stage.(type) {
	case *iterStage:
		if g, ok := s.it.(*genIter); ok && g.fresh() && !s.ready() {
			g.batch = &s.Base
		}
	case *listStage:
		r.results = make([]any, 0, len(s.seq)) // at most that many results
	}
	r.resume = r.execute
	r.d = deferred.NewWithCanceller(func(*deferred.Deferred) { r.finish() })
	r.execute()
	return r.d
}

// runner is the Deferred controller's state.
type runner struct {
	clock   reactor.IReactorTime
	stage   Stage
	d       *deferred.Deferred
	resume  func()
	results []any
	// timers are the Cooperate wake-ups pending, waits the Deferreds the
	// flow waits on: each is registered once, however often the flow
	// yields it.
	timers []*reactor.DelayedCall
	waits  []*deferred.Deferred
	done   bool
}

// execute runs the flow until it suspends or ends (Deferred._execute).
// Every wake-up calls it; once the flow has ended it does nothing.
func (r *runner) execute() {
	if r.done {
		return
	}
	cmd := r.stage
	st := cmd.State()
	for {
		inst := cmd.Yield()
		if len(st.Results) > 0 {
			r.results = grow(r.results, len(st.Results))
			r.results = append(r.results, st.Results...)
			st.Results = nil // as cmd.results = []: whoever holds the old list keeps it
		}
		if st.Stop {
			r.finish()
			results := r.results
			if results == nil {
				results = []any{}
			}
			r.d.Callback(results)
			return
		}
		if st.Failure != nil {
			st.Stop = true
			if c := st.Failure.Check(st.Trap...); c != nil {
				r.results = append(r.results, c)
				continue
			}
			r.finish()
			r.d.Errback(st.Failure)
			return
		}
		if inst != nil {
			if cl, ok := inst.(CallLater); ok {
				r.callLater(cl)
				return
			}
			r.finish()
			r.d.Errback(unsupported(inst))
			return
		}
	}
}

// grow makes room for n more items, doubling the capacity (append grows
// large slices by a quarter, which costs a long flow several times its
// final list in copies and garbage).
func grow(s []any, n int) []any {
	if len(s)+n <= cap(s) {
		return s
	}
	out := make([]any, len(s), max(2*cap(s), len(s)+n, 16))
	copy(out, s)
	return out
}

// callLater registers the wake-ups that inst asks for.
func (r *runner) callLater(inst CallLater) {
	switch i := inst.(type) {
	case *CooperateInstruction:
		r.after(i.Timeout)
	case *ConcurrentInstruction:
		for _, in := range i.Inst {
			r.callLater(in)
		}
	case *deferredInstruction:
		r.wait(i.d)
	default:
		inst.CallLater(r.resume)
	}
}

// after resumes the flow delay seconds from now.
func (r *runner) after(delay float64) {
	var call *reactor.DelayedCall
	call = r.clock.CallLater(delay, func() {
		if i := slices.Index(r.timers, call); i >= 0 {
			r.timers = slices.Delete(r.timers, i, i+1)
		}
		r.execute()
	})
	r.timers = append(r.timers, call)
}

// wait resumes the flow when d fires, leaving d's result as it is.
func (r *runner) wait(d *deferred.Deferred) {
	if slices.Contains(r.waits, d) {
		return
	}
	r.waits = append(r.waits, d)
	d.AddBoth(func(res any) (any, error) {
		if i := slices.Index(r.waits, d); i >= 0 {
			r.waits = slices.Delete(r.waits, i, i+1)
		}
		r.execute()
		return res, nil
	})
}

// finish ends the flow: pending wake-ups are cancelled and the stages
// closed.
func (r *runner) finish() {
	if r.done {
		return
	}
	r.done = true
	for _, c := range r.timers {
		if c != nil && c.Active() {
			c.Cancel()
		}
	}
	r.timers = nil
	r.waits = nil
	r.stage.Close()
}
