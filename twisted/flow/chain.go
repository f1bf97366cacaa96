package flow

import (
	"iter"

	"github.com/twistedflow/twistedflow/twisted"
)

// chainStage runs a chain of push-mode stages (see push.go) for
// flow.Deferred and a flow Protocol on one coroutine, as one stage: the
// generator (or iterator, or the connection's data) at its source hands
// each value up the chain by calls, and the chain's results go straight
// into the controller's list (or its sink), as Block.All hands them to its
// loop; the coroutine switches to the controller only
// when the chain suspends on an instruction (a Cooperate, a Deferred that
// has not fired, a stage's CallLater), which the controller serves as in
// pull mode, and resumes the chain where it stopped. Block drives the
// same chain inline, sleeping through the Cooperates. What each stage
// does, and in what order, is what the pull protocol makes it do
// (deferred_trace_test.go).
type chainStage struct {
	Base
	root Stage
	out  *resultList
	// sink, when set, takes the chain's results as they come, a batch at
	// a time, and out only holds a result that add hands it: a flow
	// Protocol writes them (see Protocol.pushed). end is set for the
	// results that come with the chain's end or failure. It returns false
	// when the chain must take nothing more, and may suspend the chain
	// (r.serve).
	sink func(r *pushRun, results []any, end bool) bool
	run  pushRun
	next func() (Instruction, bool)
	stop func()
	// failure is, while the chain runs, the failure the root handed up,
	// taken by body once the run returns; once it has returned, a panic
	// out of a stage the chain yields, raised again from Yield as the pull
	// protocol raises it (run.chainAbort is set), or a failure of the
	// chain while it was being closed, raised again from Close. The three
	// never overlap: one field, so that the chain is 208 B, not 224.
	failure *twisted.Failure
	// The chain's flags are in run's flag word (run.chainInside,
	// run.chainShut, run.chainAbort): a suspended flow holds its chain.
	//
	// chainInside is set while the chain runs: the flow resumed from
	// inside itself (a Callback it pushes into) runs the root's Yield
	// instead, which meets the running generator as the pull protocol
	// does. chainShut is set once Close has stopped the coroutine and
	// closed the stages (run.halt is set at once: the chain takes nothing
	// more).
}

// chainable reports whether a controller runs s as a chain: a stage of
// this package's that can push (its State does not panic), not Chunked.
func chainable(s Stage) bool { return pushable(s) && !s.State().Chunked }

// newChainStage returns the chain of root, whose results go to out.
func newChainStage(root Stage, out *resultList) *chainStage {
	c := &chainStage{root: root, out: out}
	c.Trap = root.State().Trap
	c.run.fused = true // to the controller's list by add
	c.run.chain = c
	return c
}

// add appends a result to the controller's list; false once the chain is
// closed.
func (c *chainStage) add(v any) bool {
	l := c.out
	if len(l.cur) == cap(l.cur) {
		l.spill()
	}
	l.cur = append(l.cur, v)
	if c.sink != nil {
		ok := c.sink(&c.run, l.cur, false)
		clear(l.cur)
		l.cur = l.cur[:0]
		return ok && !c.run.halt
	}
	return !c.run.halt
}

// Yield resumes the chain until it suspends on an instruction, which it
// returns, or ends (Stop or Failure set).
func (c *chainStage) Yield() Instruction {
	if c.ready() {
		return nil
	}
	if c.run.chainInside {
		// Only flow.Deferred's chain gets here, its results going to its
		// list: a chain with a sink (a flow Protocol's) is never yielded
		// from inside itself, since its scheduler queues a wake-up that
		// arrives while the chain runs (scheduler.queue, set with the
		// sink in ConnectionMade; TestProtocolChainLostInsideWrite).
		inst := c.root.Yield()
		st := c.root.State()
		c.out.add(st.Results)
		st.Results = nil
		c.Stop, c.Failure = st.Stop, st.Failure
		return inst
	}
	if c.next == nil {
		if c.run.halt {
			c.Stop = true
			return nil
		}
		c.next, c.stop = iter.Pull(c.body)
	}
	c.run.chainInside = true
	inst, ok := c.next()
	c.run.chainInside = false
	if ok {
		return inst
	}
	if c.run.chainAbort {
		c.run.chainAbort = false
		f := c.failure
		c.failure = nil
		panic(f)
	}
	return nil
}

// body runs the chain on the coroutine.
func (c *chainStage) body(suspend func(Instruction) bool) {
	r := &c.run
	r.suspend = suspend
	c.root.(pusher).push(r, chainEmit) // a function: it captures nothing
	failure := c.failure
	c.failure = nil
	// Closed (from inside too: a stage of the chain the caller holds,
	// closed by its own generator), the chain has ended: without Stop the
	// controller would resume it for ever.
	c.Stop = r.halt
	switch {
	case r.halt && r.closeErr != nil:
		c.failure = r.closeErr
	case r.halt:
		c.failure = failure
	case r.abort != nil:
		// Under a chain only a panic of a stage the chain yields ends
		// the run (pushYield), as a *twisted.Failure: Unsupported is
		// Block's. (A failure, not an error, so that the chain keeps 8 B
		// less.)
		f, ok := r.abort.(*twisted.Failure)
		if !ok {
			f = twisted.NewFailure(r.abort)
		}
		c.failure = f
		r.chainAbort = true
	case failure != nil:
		c.Failure = failure
	default:
		c.Stop = true
	}
}

// chainEmit takes what the chain's root hands up: the results go to the
// sink or the controller's list, a failure to body (c.failure). It finds
// the chain through the run, so that passing it allocates nothing.
func chainEmit(r *pushRun, results []any, stop bool, f *twisted.Failure) bool {
	c := r.chain
	ok := true
	if c.sink != nil {
		ok = c.sink(r, results, stop || f != nil)
	} else {
		c.out.add(results)
	}
	if f != nil {
		c.failure = f
		return false
	}
	return ok && !stop && !r.halt
}

// Close stops the chain where it is suspended (its generators' yield
// returns false, their deferred calls run) and closes its stages. A
// failure of the chain on its way out is raised, as a generator's close
// raises it.
//
// Closing a stage of the chain (a stage the caller holds) closes the
// chain. From inside the chain (the flow closes itself), Close only marks
// it: what it hands up next is refused, and the controller closes it once
// it has returned.
func (c *chainStage) Close() {
	c.run.halt = true
	if c.run.chainInside || c.run.chainShut {
		return
	}
	c.run.chainShut = true
	if c.stop != nil {
		c.stop()
	}
	f := closeStage(c.root)
	if c.failure != nil && !c.run.chainAbort {
		f = c.failure
	}
	if f != nil {
		panic(f)
	}
}
