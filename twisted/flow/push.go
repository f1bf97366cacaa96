package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// Push mode: how Block.All runs a chain of stages without a coroutine
// switch per item.
//
// Pulling from a generator takes two coroutine switches per value
// (iter.Pull). When Block.All runs a fresh linear chain of the built-in
// stages — Filter and LineBreak pipes and one-source Maps over a generator,
// an iterator, a list or a string — it runs the generator directly instead,
// and each stage passes what it produces up to its consumer by a call
// (emit). Every stage does exactly the work, in exactly the order, that
// the pull protocol makes it do: the same calls of the user's generators,
// functions and loop body, the same batches, the same sleeps; the tests
// run each flow both ways and compare the traces.

// An emitFunc receives what a stage hands its consumer in pull mode: a
// batch of results (only valid during the call), whether the stage has
// ended, and its failure; results and a failure come together when the
// pull protocol leaves both on the stage, and each consumer treats them as
// it does in pull mode. It returns false when the consumer wants nothing
// more: the stage must then return, closing what it runs (a generator's
// yield returns false).
type emitFunc func(results []any, stop bool, failure *twisted.Failure) bool

// A pusher is a stage that can run in push mode.
type pusher interface {
	push(r *pushRun, emit emitFunc)
}

// pushRun is one run of a flow in push mode.
type pushRun struct {
	b *BlockStage
	// abort is the error that ended the run outside the flow protocol
	// (an instruction Block cannot serve), as Block.Next returns it.
	abort error
	// inHandle is set while a value the generator (or iterator) yielded
	// is handled: a panic then comes from the consumer's loop body, a
	// Sleep or a stage, and goes on as a panic, as in pull mode; it is not
	// the generator's failure.
	inHandle bool
	// ops and final are the per-value path of a chain made of Map and
	// Filter stages only, fused into one call (item): ops from the
	// outermost stage in, final the loop body of All. final is nil when
	// the chain has another stage.
	ops   []pushOp
	final func(any, error) bool
	// left is set when the consumer's loop body returned false: nothing
	// more may be handed to it.
	left bool
}

// A pushOp is one stage of a fused chain: a Map (m) or a Filter (f), and
// out, what its push hands its results to.
type pushOp struct {
	m   *MapStage
	f   *FilterStage
	out emitFunc
}

// item hands one value of the source up a fused chain: what the Map and
// Filter stages' emit functions do for a batch of one value, before the
// end of the source, without a call per stage. One deferred recover serves
// all the stages' functions (apply and test have one each).
func (r *pushRun) item(v any) (ok bool) {
	ops := r.ops
	at := -1 // the op whose function runs: a panic there is its failure
	defer func() {
		if at >= 0 {
			if p := recover(); p != nil {
				ok = opFailed(&ops[at], twisted.FailureFromPanic(p))
			}
		}
	}()
	for i := len(ops) - 1; i >= 0; i-- {
		op := &ops[i]
		if m := op.m; m != nil {
			if m.Func == nil {
				v = twisted.Tuple(m.fresh1(v))
				continue
			}
			at = i
			x, err := m.Func(m.fresh1(v)...)
			at = -1
			if err != nil {
				return opFailed(op, err)
			}
			v = x
			continue
		}
		f := op.f
		if f.fn == nil {
			if !Truthy(v) {
				return true
			}
			continue
		}
		at = i
		keep, err := f.fn(v)
		at = -1
		if err != nil {
			return opFailed(op, err)
		}
		if !keep {
			return true
		}
	}
	if !r.final(v, nil) {
		r.left = true
		return false
	}
	return true
}

// opFailed makes err the failure of op's stage and hands it up, as the
// stage's emit function does; it returns false.
func opFailed(op *pushOp, err error) bool {
	if m := op.m; m != nil {
		m.setFailure(err)
		op.out(nil, false, m.Failure)
		return false
	}
	f := op.f
	f.Stop = false
	f.setFailure(err)
	op.out(nil, false, f.Failure)
	return false
}

// canPush reports whether s is a stage of push mode that nothing has
// pulled from yet, nor from its sources.
func canPush(s Stage) bool {
	switch s := s.(type) {
	case *stringStage:
		return true
	case *listStage:
		return !s.ready()
	case *iterStage:
		if s.ready() || s.next != nil || s.closed {
			return false
		}
		if g, ok := s.it.(*genIter); ok {
			return g.fresh()
		}
		return true
	case *MapStage:
		return len(s.stages) == 1 && s.index == 0 && !s.ready() && canPush(s.stages[0])
	case *FilterStage:
		return !s.ready() && canPush(s.source)
	case *LineBreakStage:
		return !s.ready() && canPush(s.source)
	}
	return false
}

// serve sleeps for a Cooperate as Block does, or ends the run with
// Unsupported.
func (r *pushRun) serve(inst Instruction) bool {
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
	defer func() {
		if !returned {
			v := recover()
			if v != nil && r.inHandle {
				panic(v)
			}
			err = recovered(v, err)
		}
	}()
	err = g(yield)
	returned = true
	return err
}

// runIter pulls from an iterator until it ends or handle returns false
// (stopped): a panic in it is its failure, as in pull mode, unless it is
// the consumer's. A plain value for a fused chain goes to item directly,
// as handle would send it, without the call of handle.
func (r *pushRun) runIter(it Iterator, handle func(any) bool) (stopped bool, err error) {
	returned := false
	defer func() {
		if !returned {
			v := recover()
			if v != nil && r.inHandle {
				panic(v)
			}
			err = recovered(v, err)
		}
	}()
	fused := r.final != nil
	for {
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
		emit(nil, false, s.Failure)
		return
	}
	out := s.Results
	s.Results = nil
	emit(out, s.Stop, nil)
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
	emit(out, true, nil)
}

func (s *iterStage) push(r *pushRun, emit emitFunc) {
	var one [1]any
	stopped := false
	handle := func(v any) bool {
		if stopped {
			return false
		}
		r.inHandle = true
		var ok bool
		if plain(v) && r.final != nil {
			// The common case, asked first: a value of a plain type
			// is neither an Instruction nor a Deferred.
			ok = r.item(v)
		} else if inst, isInst := v.(Instruction); isInst {
			ok = s.pushInstruction(r, inst)
		} else if d, isDeferred := v.(*deferred.Deferred); isDeferred {
			if ok = d.Called(); !ok {
				r.abort = unsupported(&deferredInstruction{d: d})
			}
		} else if r.final != nil {
			ok = r.item(v)
		} else {
			one[0] = v
			ok = emit(one[:], false, nil)
			one[0] = nil
		}
		r.inHandle = false
		stopped = !ok
		return ok
	}
	var err error
	if g, ok := s.it.(*genIter); ok {
		g.done = true // it runs here, to its end
		g.inside = true
		err = r.runGen(g.gen, handle)
		g.inside = false
	} else {
		var halted bool
		halted, err = r.runIter(s.it, handle)
		stopped = stopped || halted
	}
	if stopped {
		return
	}
	if err == nil || isStop(err) || s.Stop { // Stop: its Next ended it from inside, as in pull mode
		s.Stop = true
		emit(nil, true, nil)
		return
	}
	s.setFailure(err)
	emit(nil, false, s.Failure)
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
		s.next, s.yielding = nil, false
		if !returned {
			if p := recover(); p != nil {
				inst, r.abort = nil, twisted.FailureFromPanic(p)
			}
		}
	}()
	s.next, s.yielding = x, true
	inst = x.Yield()
	returned = true
	return inst
}

func (m *MapStage) push(r *pushRun, emit emitFunc) {
	r.ops = append(r.ops, pushOp{m: m, out: emit})
	var one [1]any
	m.stages[0].(pusher).push(r, func(results []any, stop bool, f *twisted.Failure) bool {
		for _, v := range results {
			var res any
			if m.Func == nil {
				res = twisted.Tuple(m.fresh1(v))
			} else {
				x, err := apply(m.Func, m.fresh1(v))
				if err != nil {
					m.setFailure(err)
					emit(nil, false, m.Failure)
					return false
				}
				res = x
			}
			one[0] = res
			ok := emit(one[:], false, nil)
			one[0] = nil
			if !ok {
				return false
			}
		}
		if f != nil { // after the results, as Map's pull takes them first
			m.Failure = f
			emit(nil, false, f)
			return false
		}
		if stop {
			m.Stop = true
			emit(nil, true, nil)
			return false
		}
		return true
	})
}

// push runs Filter in push mode: what Pipe.push and Process do, without
// collecting the kept values in a list first.
func (f *FilterStage) push(r *pushRun, emit emitFunc) {
	r.ops = append(r.ops, pushOp{f: f, out: emit})
	var one [1]any
	f.source.(pusher).push(r, func(results []any, stop bool, fail *twisted.Failure) bool {
		if fail != nil {
			f.Failure = fail
			emit(nil, false, fail)
			return false
		}
		if stop {
			f.Stop = true
		}
		if len(results) != 1 {
			return f.Pipe.pushBatch(results, stop, emit)
		}
		v := results[0]
		keep, err := f.test(v)
		switch {
		case err != nil:
			f.Stop = false
			f.setFailure(err)
			emit(nil, false, f.Failure)
			return false
		case keep:
			one[0] = v
			ok := emit(one[:], stop, nil)
			one[0] = nil
			return ok && !stop
		case stop:
			emit(nil, true, nil)
			return false
		}
		return true
	})
}

// test calls the filter's function on v (Truthy if there is none),
// turning a panic into a failure.
func (f *FilterStage) test(v any) (keep bool, err error) {
	if f.fn == nil {
		return Truthy(v), nil
	}
	returned := false
	defer func() {
		if !returned {
			err = recovered(recover(), err)
		}
	}()
	keep, err = f.fn(v)
	returned = true
	return keep, err
}

func (p *Pipe) push(r *pushRun, emit emitFunc) {
	r.final = nil // a pipe takes batches: no fused chain
	p.source.(pusher).push(r, func(results []any, stop bool, f *twisted.Failure) bool {
		if f != nil {
			p.Failure = f
			emit(nil, false, f)
			return false
		}
		if stop {
			p.Stop = true
		}
		return p.pushBatch(results, stop, emit)
	})
}

// pushBatch processes one batch of the source and hands the results up.
func (p *Pipe) pushBatch(results []any, stop bool, emit emitFunc) bool {
	if err := process(p.proc, results, stop); err != nil {
		p.Stop = false
		p.setFailure(err)
	}
	out := p.Results
	if len(out) == 0 && !p.Stop && p.Failure == nil {
		return true
	}
	// Results and a failure go up together, as the pull protocol leaves
	// them: a consumer that is a Pipe drops the results, as the original's
	// Pipe._yield does; Map and Block take them first.
	ok := emit(out, p.Stop && p.Failure == nil, p.Failure)
	if len(out) == 1 {
		out[0] = nil // clear would call memclrHasPointers
	} else {
		clear(out)
	}
	p.Results = out[:0]
	return ok && !p.Stop && p.Failure == nil
}

// runPush runs the flow in push mode, handing its results to yield as
// All does in pull mode.
func (b *BlockStage) runPush(yield func(any, error) bool) {
	r := &pushRun{b: b, final: yield}
	st := b.stage.State()
	var failure *twisted.Failure
	b.stage.(pusher).push(r, func(results []any, stop bool, f *twisted.Failure) bool {
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
	// failed.
	var err error = errStop
	switch {
	case r.abort != nil:
		err = r.abort
	case failure != nil:
		err = failure
	}
	err = b.closeWith(err)
	switch {
	case isStop(err):
	case r.left:
		logUnhandled(nil, twisted.NewFailure(err)) // a panic closing the flow, which the loop has left
	default:
		yield(nil, err)
	}
}
