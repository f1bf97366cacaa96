package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
)

// A Processor is the part of a pipe stage that its users write: Process
// takes a set of possibly empty results from the source, and stop (true
// once the source has ended), and sets the pipe's Results, Stop or
// Failure. An error returned is the pipe's failure.
//
// results is the pipe's to keep (the source starts a new list), as in
// Python.
type Processor interface {
	Process(results []any, stop bool) error
}

// Pipe is the abstract stage which takes a single input stage and rewrites
// its results (flow.pipe.Pipe); [Filter] and [LineBreak] are pipes. A pipe is
// written as a type that embeds Pipe, implements [Processor], and calls Init
// as Python calls Pipe.__init__:
//
//	type upper struct{ flow.Pipe }
//
//	func newUpper(source any) *upper {
//		u := &upper{}
//		u.Init(u, source)
//		return u
//	}
//
//	func (u *upper) Process(results []any, stop bool) error {
//		for _, r := range results {
//			u.Results = append(u.Results, strings.ToUpper(r.(string)))
//		}
//		return nil
//	}
type Pipe struct {
	Base
	source Stage
	proc   Processor
	spare  []any
}

// Init sets up the pipe: proc is the stage's own [Processor] (the type that
// embeds the [Pipe]), source is passed through [Wrap], and trap is the pipe's
// Trap list.
func (p *Pipe) Init(proc Processor, source any, trap ...*twisted.Class) {
	p.proc = proc
	p.source = Wrap(source)
	p.Trap = append(p.Trap[:0], trap...)
}

// Source returns the pipe's input stage.
func (p *Pipe) Source() Stage { return p.source }

// Yield pulls from the source until Process has produced results, or the
// source has ended or failed.
func (p *Pipe) Yield() Instruction {
	if p.source == nil {
		p.setFailure(twisted.RuntimeError.New("Pipe.Init was not called"))
		return nil
	}
	if p.yielding {
		panic(yieldCycle(p.self()))
	}
	for !p.ready() {
		source := p.source
		if inst := p.yieldOf(source); inst != nil {
			return inst
		}
		st := source.State()
		if st.Failure != nil {
			p.Failure = st.Failure
			return nil
		}
		results, stop := st.Results, st.Stop
		if stop {
			p.Stop = true
		}
		reuse := p.ownProcessor()
		if reuse {
			// Filter and LineBreak keep nothing of results: swap in the
			// spare slice, so that moving results allocates nothing.
			st.Results = p.spare[:0]
		} else {
			st.Results = nil // the batch is the processor's now
		}
		if err := process(p.proc, results, stop); err != nil {
			p.failed(err)
		}
		if reuse {
			if len(results) == 1 {
				results[0] = nil // clear would call memclrHasPointers
			} else {
				clear(results)
			}
			p.spare = results[:0]
		}
	}
	return nil
}

// failed makes err the pipe's failure: Stop is cleared, for the failure
// to reach the consumer, which it would not if Stop were set.
func (p *Pipe) failed(err error) {
	p.Stop = false
	p.setFailure(err)
}

// ownProcessor reports whether the pipe is one of this package's, whose
// Process keeps nothing of the batch it is given.
func (p *Pipe) ownProcessor() bool {
	switch p.proc.(type) {
	case *FilterStage, *LineBreakStage:
		return true
	}
	return false
}

// process calls proc.Process, turning a panic into a failure.
func process(proc Processor, results []any, stop bool) (err error) {
	returned := false
	defer func() {
		if !returned {
			err = recovered(recover(), err)
		}
	}()
	err = proc.Process(results, stop)
	returned = true
	return err
}

// canPush: push mode runs this package's pipes (Filter, LineBreak), whose
// Process keeps nothing of a batch.
func (p *Pipe) canPush(as Stage) bool {
	return p.ownProcessor() && any(as) == any(p.proc) && !p.ready() && pushable(p.source)
}

// push runs the pipe in push mode: Yield's work on each batch its source
// hands up.
func (p *Pipe) push(r *pushRun, emit emitFunc) {
	r.fused = false // a pipe takes batches: no fused chain
	p.source.(pusher).push(r, func(r *pushRun, results []any, stop bool, f *twisted.Failure) bool {
		if !p.pushSource(r, stop, f, emit) {
			return false
		}
		return p.pushBatch(r, results, stop, emit)
	})
}

// pushSource takes the end or the failure its source hands up with a
// batch, as Yield does: a failure goes up at once, and the batch is
// dropped (false); the end is the pipe's too, once the batch is processed.
func (p *Pipe) pushSource(r *pushRun, stop bool, f *twisted.Failure, emit emitFunc) bool {
	if f != nil {
		p.Failure = f
		emit(r, nil, false, f)
		return false
	}
	if stop {
		p.Stop = true
	}
	return true
}

// pushBatch processes one batch of the source and hands the results up.
func (p *Pipe) pushBatch(r *pushRun, results []any, stop bool, emit emitFunc) bool {
	if err := process(p.proc, results, stop); err != nil {
		p.failed(err)
	}
	out := p.Results
	if len(out) == 0 && !p.Stop && p.Failure == nil {
		return true
	}
	// Results and a failure go up together, as the pull protocol leaves
	// them: a consumer that is a Pipe drops the results, as the original's
	// Pipe._yield does; Map and Block take them first.
	ok := emit(r, out, p.Stop && p.Failure == nil, p.Failure)
	if len(out) == 1 {
		out[0] = nil // clear would call memclrHasPointers
	} else {
		clear(out)
	}
	p.Results = out[:0]
	return ok && !p.Stop && p.Failure == nil
}

// pushFailed makes err the pipe's failure, as Yield does, and hands it
// up; it returns false.
func (p *Pipe) pushFailed(r *pushRun, err error, emit emitFunc) bool {
	p.failed(err)
	emit(r, nil, false, p.Failure)
	return false
}

// Close closes the source.
func (p *Pipe) Close() {
	if p.source != nil {
		p.closeOnce(p.source)
	}
}

// FilterStage is the stage made by [Filter].
type FilterStage struct {
	Pipe
	fn func(v any) (bool, error)
}

// Filter is the flow equivalent to filter: it yields those items of the
// source for which fn returns true. If fn is nil, the items that Python
// holds false are discarded (see [twisted.Truthy]).
//
// An error returned by fn, or a panic in it, is the stage's failure
// (the original let the exception escape the flow).
//
//	def odd(val):                   odd := func(val any) (bool, error) {
//	    if val % 2:                     return val.(int)%2 != 0, nil
//	        return True             }
//
//	source = flow.Filter(odd, range)   source := flow.Filter(odd, rangeGen)
//	printFlow(source)                  printFlow(source)
func Filter(fn func(v any) (bool, error), source any, trap ...*twisted.Class) *FilterStage {
	f := &FilterStage{fn: fn}
	f.Init(f, source, trap...)
	return f
}

// Process keeps the results that pass the filter.
func (f *FilterStage) Process(results []any, stop bool) error {
	for _, r := range results {
		keep, err := f.keeps(r)
		if err != nil {
			return err
		}
		if keep {
			f.Results = append(f.Results, r)
		}
	}
	return nil
}

// keeps is Filter's test of one value: fn, or twisted.Truthy when fn is
// nil. Every mode of the stage goes through it. A panic in fn goes on:
// Process runs under process's recover, test recovers it, and push mode's
// fused chain recovers it once for all its stages.
func (f *FilterStage) keeps(v any) (bool, error) {
	if f.fn == nil {
		return twisted.Truthy(v), nil
	}
	return f.fn(v)
}

// test is keeps, a panic in fn made its failure.
func (f *FilterStage) test(v any) (keep bool, err error) {
	returned := false
	defer func() {
		if !returned {
			err = recovered(recover(), err)
		}
	}()
	keep, err = f.keeps(v)
	returned = true
	return keep, err
}

// push runs Filter in push mode: what Pipe.push and Process do, without
// collecting the kept values in a list first.
func (f *FilterStage) push(r *pushRun, emit emitFunc) {
	r.addOp(pushOp{f: f, out: emit})
	var one [1]any
	f.source.(pusher).push(r, func(r *pushRun, results []any, stop bool, fail *twisted.Failure) bool {
		if !f.pushSource(r, stop, fail, emit) {
			return false
		}
		if len(results) != 1 {
			return f.Pipe.pushBatch(r, results, stop, emit)
		}
		v := results[0]
		keep, err := f.test(v)
		switch {
		case err != nil:
			return f.pushFailed(r, err, emit)
		case keep:
			one[0] = v
			ok := emit(r, one[:], stop, nil)
			one[0] = nil
			return ok && !stop
		case stop:
			emit(r, nil, true, nil)
			return false
		}
		return true
	})
}
