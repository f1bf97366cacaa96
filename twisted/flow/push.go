package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// Push mode: how Block.All and flow.Deferred run a chain of stages
// without a coroutine switch per item.
//
// Pulling from a generator takes two coroutine switches per value
// (iter.Pull). When Block.All runs a fresh linear chain of the built-in
// stages — Filter and LineBreak pipes and one-source Maps over a generator,
// an iterator, a list or a string — it runs the generator directly instead,
// and each stage passes what it produces up to its consumer by a call
// (emit). Every stage does exactly the work, in exactly the order, that
// the pull protocol makes it do: the same calls of the user's generators,
// functions and loop body, the same batches, the same sleeps; the tests
// run each flow both ways and compare the traces (push_test.go,
// random_test.go, deferred_trace_test.go).
//
// This is the one engine of the fast paths: Block drives a chain inline,
// sleeping through its Cooperates (serve); flow.Deferred runs it on one
// coroutine per flow (chainStage, chain.go), whose results go straight
// into the controller's list, and which switches to the controller only
// when the chain suspends on an instruction (suspend).

// An emitFunc receives what a stage hands its consumer in pull mode: a
// batch of results (only valid during the call), whether the stage has
// ended, and its failure; results and a failure come together when the
// pull protocol leaves both on the stage, and each consumer treats them as
// it does in pull mode. It returns false when the consumer wants nothing
// more: the stage must then return, closing what it runs (a generator's
// yield returns false).
type emitFunc func(r *pushRun, results []any, stop bool, failure *twisted.Failure) bool

// A pusher is a stage that can run in push mode. Each stage's push sits
// beside its Yield, and does what its Yield does.
type pusher interface {
	// canPush reports whether the stage, held by its consumer as as, can
	// run in push mode: as is the stage itself (not a type embedding it,
	// whose own methods push mode would bypass), and nothing has pulled
	// from it yet, nor from its sources.
	canPush(as Stage) bool
	push(r *pushRun, emit emitFunc)
}

// pushable reports whether s can run in push mode.
func pushable(s Stage) bool {
	p, ok := s.(pusher)
	return ok && p.canPush(s)
}

// pushRun is one run of a flow in push mode.
type pushRun struct {
	b *BlockStage
	// abort is the error that ended the run outside the flow protocol
	// (an instruction Block cannot serve), as Block.Next returns it.
	abort error
	// ops are the per-value path of a chain made of Map and Filter
	// stages only, fused into one call (item), from the outermost stage
	// in; what comes out goes to Block's b.final, the loop body of All
	// (under flow.Deferred, chain's add takes its place). They are behind
	// a pointer, made by the first Map or Filter: a chain over a bare
	// source has none, and a suspended flow.Deferred's chain is then 208
	// B, not 224.
	ops *[]pushOp
	// suspend, when set, serves an instruction the chain suspends on:
	// flow.Deferred's chainStage switches to its controller, and returns
	// false when the flow is closed. Unset, Block sleeps for a Cooperate.
	suspend func(Instruction) bool
	// closeErr is what a source returned (or raised) on its way out once
	// its consumer wanted nothing more: what a generator's close raises.
	closeErr *twisted.Failure
	// chain is flow.Deferred's chainStage running the run, if any: a
	// stage of the chain that its holder closes closes the chain; halt is
	// set once the chain is closed: nothing more is taken, and suspend is
	// not called again.
	chain *chainStage
	// one is the batch of one value that the source (a run has one) hands
	// its consumer outside a fused chain, and emit that consumer: fields,
	// so that the source's handler is a method value of the source alone.
	one  [1]any
	emit emitFunc

	// The flags come last, together, so that they share one word: a
	// suspended flow.Deferred holds its run.

	// fused is set while the chain is Map and Filter stages only: each
	// value goes up by item (a pipe clears it).
	fused bool
	halt  bool
	// inHandle is set while a value the generator (or iterator) yielded
	// is handled: a panic then comes from the consumer's loop body, a
	// Sleep or a stage, and goes on as a panic, as in pull mode; it is not
	// the generator's failure.
	inHandle bool
	// left is set when the consumer's loop body returned false: nothing
	// more may be handed to it.
	left bool
	// stopped is set once the source's consumer wanted nothing more: the
	// source's handler refuses what it yields after that.
	stopped bool
	// chainInside, chainShut and chainAbort are the chainStage's flags
	// (chain.go), kept here to share this word.
	chainInside, chainShut, chainAbort bool
}

// A pushOp is one stage of a fused chain: a Map (m) or a Filter (f), and
// out, what its push hands its results to.
type pushOp struct {
	m   *MapStage
	f   *FilterStage
	out emitFunc
}

// addOp appends op to r's fused chain.
func (r *pushRun) addOp(op pushOp) {
	if r.ops == nil {
		r.ops = new([]pushOp)
	}
	*r.ops = append(*r.ops, op)
}

// item hands one value of the source up a fused chain: what the Map and
// Filter stages' push functions do for a batch of one value, before the
// end of the source, without a call per stage. One deferred recover serves
// all the stages' functions (call and test have one each).
func (r *pushRun) item(v any) bool {
	if r.ops == nil { // a bare source: no function to guard
		if c := r.chain; c != nil {
			return c.add(v) // a bare iterator under flow.Deferred: its values skip deliver
		}
		return r.deliver(v)
	}
	return r.itemOps(v)
}

// itemOps is item through the chain's stages.
func (r *pushRun) itemOps(v any) (ok bool) {
	ops := *r.ops
	at := -1 // the op whose function runs: a panic there is its failure
	defer func() {
		if at >= 0 {
			if p := recover(); p != nil {
				ok = ops[at].failed(r, twisted.FailureFromPanic(p))
			}
		}
	}()
	for i := len(ops) - 1; i >= 0; i-- {
		op := &ops[i]
		at = i
		if m := op.m; m != nil {
			x, err := m.result(m.fresh1(v))
			if err != nil {
				at = -1
				return op.failed(r, err)
			}
			v = x
			continue
		}
		keep, err := op.f.keeps(v)
		if err != nil {
			at = -1
			return op.failed(r, err)
		}
		if !keep {
			return true
		}
	}
	at = -1 // a panic in the consumer's loop body goes on
	return r.deliver(v)
}

// deliver hands a result of the fused chain to its consumer: the
// controller's list under flow.Deferred (called directly), Block's loop.
func (r *pushRun) deliver(v any) bool {
	if c := r.chain; c != nil {
		return c.add(v)
	}
	if !r.b.final(v, nil) {
		r.left = true
		return false
	}
	return true
}

// failed makes err the failure of op's stage and hands it up, as the
// stage's push does; it returns false.
func (op *pushOp) failed(r *pushRun, err error) bool {
	if m := op.m; m != nil {
		return m.pushFailed(r, err, op.out)
	}
	return op.f.pushFailed(r, err, op.out)
}

func (s *stringStage) canPush(as Stage) bool { return as == Stage(s) }

func (s *listStage) canPush(as Stage) bool { return as == Stage(s) && !s.ready() }

func (s *iterStage) canPush(as Stage) bool {
	if as != Stage(s) || s.ready() || s.current() != nil || s.shut {
		return false
	}
	if g, ok := s.it.(*genIter); ok {
		return g.fresh()
	}
	return true
}

// serve suspends the chain on inst: under flow.Deferred until the
// controller resumes it; under Block by sleeping for a Cooperate, or it
// ends the run with Unsupported.
func (r *pushRun) serve(inst Instruction) bool {
	if r.suspend != nil {
		return !r.halt && r.suspend(inst) && !r.halt
	}
	timeout, ok := cooperateTimeout(inst)
	if !ok {
		r.abort = unsupported(inst)
		return false
	}
	r.b.sleep(timeout)
	return true
}

// runGen runs a generator on the calling goroutine: a panic in it is its
// failure, as in pull mode, unless it is the consumer's.
func (r *pushRun) runGen(g Generator, yield func(any) bool) (err error) {
	returned := false
	defer r.sourcePanicked(&returned, &err)
	err = g(yield)
	returned = true
	return err
}

// sourcePanicked is the deferred end of runGen and runIter: if the source
// did not return, a panic in it is its failure (*err), unless it is the
// consumer's, which goes on. It is itself the deferred function, so that
// its recover stops the panic.
func (r *pushRun) sourcePanicked(returned *bool, err *error) {
	if *returned {
		return
	}
	v := recover()
	if v != nil && r.inHandle {
		panic(v)
	}
	*err = recovered(v, *err)
}

// runIter pulls from an iterator until it ends, its stage is closed
// (shut: from inside its Next, which pull mode then calls no more; the
// stage ends), or handle returns false (stopped): a panic in it is its
// failure, as in pull mode, unless it is the consumer's. A plain value for
// a fused chain goes to item directly, as handle would send it, without
// the call of handle.
func (r *pushRun) runIter(it Iterator, shut *bool, handle func(any) bool) (stopped bool, err error) {
	returned := false
	defer r.sourcePanicked(&returned, &err)
	fused := r.fused
	for !*shut {
		var v any
		if v, err = it.Next(); err != nil {
			break
		}
		if fused && plain(v) {
			r.inHandle = true
			ok := r.item(v)
			r.inHandle = false
			if !ok {
				stopped = true
				break
			}
			continue
		}
		if !handle(v) {
			stopped = true
			break
		}
	}
	returned = true
	return stopped, err
}

func (s *stringStage) push(r *pushRun, emit emitFunc) {
	if s.Failure != nil {
		s.Stop = true
		emit(r, nil, false, s.Failure)
		return
	}
	out := s.Results
	s.Results = nil
	emit(r, out, s.Stop, nil)
}

func (s *listStage) push(r *pushRun, emit emitFunc) {
	// The pull protocol hands an instruction up with the results before it
	// still pending, so every instruction is served before the first
	// result is consumed.
	for len(s.seq) > 0 {
		v := s.seq[0]
		s.seq[0] = nil
		s.seq = s.seq[1:]
		if inst, ok := v.(Instruction); ok {
			if !r.serve(inst) {
				return
			}
			continue
		}
		s.Results = append(s.Results, v)
	}
	s.Stop = true
	out := s.Results
	s.Results = nil
	emit(r, out, true, nil)
}

func (s *iterStage) push(r *pushRun, emit emitFunc) {
	s.pushed, r.emit = r, emit
	// The source's yield: it hands v to the run as its consumer would
	// take it. It captures s and r, not emit (r.emit), so that it is 24
	// bytes, which a suspended flow holds. (Finding the run through s
	// instead, in 16 bytes, costs a dependent load per value: 5-10% of
	// BlockFilterMap's time per item.)
	handle := func(v any) bool {
		if r.stopped || s.shut && s.generates() {
			// shut: the stage was closed from inside its generator,
			// which goes on: as in pull mode (genIter.Close), its yield
			// reports false, and what it yielded is not taken. (An
			// iterator's value from the Next that closed it is taken,
			// as pulling takes it, and runIter stops there.)
			return false
		}
		r.inHandle = true
		var ok bool
		if plain(v) && r.fused {
			// The common case, asked first: a value of a plain type
			// is neither an Instruction nor a Deferred.
			ok = r.item(v)
		} else if inst, isInst := v.(Instruction); isInst {
			ok = s.pushInstruction(r, inst)
		} else if d, isDeferred := v.(*deferred.Deferred); isDeferred {
			ok = d.Called() || r.serve(&deferredInstruction{d: d})
		} else if r.fused {
			ok = r.item(v)
		} else {
			r.one[0] = v
			ok = r.emit(r, r.one[:], false, nil)
			r.one[0] = nil
		}
		r.inHandle = false
		r.stopped = !ok
		return ok
	}
	var err error
	if g, ok := s.it.(*genIter); ok {
		gen := g.gen
		g.gen, g.pull = nil, pushRunning // done: it runs here, to its end
		err = r.runGen(gen, handle)
		g.pull = nil
	} else {
		var halted bool
		halted, err = r.runIter(s.it, &s.shut, handle)
		r.stopped = r.stopped || halted
	}
	err = classified(err)
	if r.stopped {
		// classified gives a *twisted.Failure for all but the end.
		if f, ok := err.(*twisted.Failure); ok && !isStop(err) && r.closeErr == nil {
			r.closeErr = f
		}
		return
	}
	if err == nil || isStop(err) || s.Stop { // Stop: its Next ended it from inside, as in pull mode
		s.Stop = true
		emit(r, nil, true, nil)
		return
	}
	s.setFailure(err)
	emit(r, nil, false, s.Failure)
}

// generates reports whether s's source is a generator.
func (s *iterStage) generates() bool {
	_, ok := s.it.(*genIter)
	return ok
}

// plain reports whether v is of a common type that is neither an
// Instruction nor a Deferred: cheaper to ask than those two questions.
func plain(v any) bool {
	switch v.(type) {
	case int, string, float64, bool, []byte, twisted.Tuple, []any:
		return true
	}
	return false
}

// pushInstruction handles an instruction the source yielded, as Block
// does in pull mode: a stage is run in place, sleeping through its
// Cooperates; a Cooperate is slept through; anything else ends the run.
func (s *iterStage) pushInstruction(r *pushRun, inst Instruction) bool {
	x, ok := inst.(Stage)
	if !ok {
		return r.serve(inst)
	}
	s.hold(x)
	for {
		if inst = s.pushYield(r, x); inst == nil {
			return r.abort == nil
		}
		if !r.serve(inst) {
			return false
		}
	}
}

// pushYield runs x's Yield for s, as its Yield does in pull mode (see
// cycle.go); a panic in it ends the run, as it ends Block.Next.
func (s *iterStage) pushYield(r *pushRun, x Stage) (inst Instruction) {
	returned := false
	defer func() {
		s.setCurrent(nil)
		s.yielding = false
		if !returned {
			if p := recover(); p != nil {
				inst, r.abort = nil, twisted.FailureFromPanic(p)
			}
		}
	}()
	s.setCurrent(x) // held: pushInstruction held it
	s.yielding = true
	inst = x.Yield()
	returned = true
	return inst
}

// runPush runs the flow in push mode, handing its results to yield as
// All does in pull mode.
func (b *BlockStage) runPush(yield func(any, error) bool) {
	r := &pushRun{b: b, fused: true}
	b.final = yield
	// The source's stage keeps the run (iterStage.pushed): drop what
	// refers to the loop's body, which is the caller's to let go.
	defer func() { b.final, r.ops, r.emit = nil, nil, nil }()
	st := b.stage.State()
	var failure *twisted.Failure
	b.stage.(pusher).push(r, func(r *pushRun, results []any, stop bool, f *twisted.Failure) bool {
		for _, v := range results {
			if !yield(v, nil) {
				r.left = true
				return false
			}
		}
		if f != nil {
			st.Stop = true
			if c := f.Check(st.Trap...); c != nil {
				r.left = !yield(c, nil)
				return false
			}
			failure = f
			return false
		}
		return !stop
	})
	// As Block.Next does, close the flow before handing over how it
	// failed; what the source raised when the run closed it is the
	// failure of closing the flow, which Next would have met there.
	var err error = errStop
	switch {
	case r.abort != nil:
		err = r.abort
	case failure != nil:
		err = failure
	}
	err = b.closeAfter(err, r.closeErr)
	switch {
	case isStop(err):
	case r.left:
		logUnhandled(nil, twisted.NewFailure(err)) // a panic closing the flow, which the loop has left
	default:
		yield(nil, err)
	}
}

// isResult reports whether v, yielded by a generator, is a result: not an
// Instruction (nor a Stage), nor a Deferred.
func isResult(v any) bool {
	if plain(v) {
		return true
	}
	switch v.(type) {
	case Instruction, *deferred.Deferred:
		return false
	}
	return true
}
