package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
)

// MapStage is the stage made by [Map] and [Zip].
type MapStage struct {
	Base
	// Func is the function applied; nil makes tuples.
	Func   func(args ...any) (any, error)
	stages []Stage
	index  int
	curr   []any
	done   bool
	zip    bool
	// slab is where the args of the calls (and the tuples) are cut from,
	// 64 items at a time: no two calls share an element, so the function
	// may keep its args, and a call does not allocate.
	slab []any
}

// fresh returns a copy of vals that nothing else will write to.
func (m *MapStage) fresh(vals ...any) []any {
	n := len(vals)
	if len(m.slab)+n > cap(m.slab) {
		m.slab = make([]any, 0, max(64, 16*n))
	}
	i := len(m.slab)
	m.slab = append(m.slab, vals...)
	return m.slab[i : i+n : i+n]
}

// fresh1 is fresh of one value, without a bulk copy.
func (m *MapStage) fresh1(v any) []any {
	if len(m.slab) == cap(m.slab) {
		m.slab = make([]any, 0, 64)
	}
	i := len(m.slab)
	m.slab = m.slab[:i+1]
	m.slab[i] = v
	return m.slab[i : i+1 : i+1]
}

// Map is the flow equivalent to map: Map(fn, stage, ...).
//
// It applies fn to every item yielded and yields the results. If further
// stages are passed, fn must take that many arguments and is applied to
// the items of all stages in parallel. If a stage is shorter than another,
// it is taken as extended with None (nil) items. If fn is nil, Map yields
// the items as tuples ([twisted.Tuple]), one-item tuples for one stage, as
// the original does. Each stage is passed through [Wrap].
//
// An error returned by fn, or a panic in it, is the stage's failure. Each
// call gets a fresh args slice, which fn may keep (as Python's *args; a
// kept slice keeps the 64-item block it was cut from alive).
//
//	def fn(val):                      fn := func(args ...any) (any, error) {
//	    return val + 10                   return args[0].(int) + 10, nil
//	                                  }
//	source = flow.Map(fn, range(4))   source := flow.Map(fn, []any{0, 1, 2, 3})
//	printFlow(source)                 printFlow(source)
func Map(fn func(args ...any) (any, error), stage any, stages ...any) *MapStage {
	m := &MapStage{Func: fn, stages: make([]Stage, 0, 1+len(stages))}
	m.stages = append(m.stages, Wrap(stage))
	for _, s := range stages {
		m.stages = append(m.stages, Wrap(s))
	}
	m.curr = make([]any, 0, len(m.stages))
	return m
}

// Zip zips two or more stages into a stream of N-tuples ([twisted.Tuple]);
// a shorter stage is padded with None (nil) until the longest ends.
//
//	source = flow.Zip([1,flow.Cooperate(),2,3],["one","two"])
//	printFlow(source)
//	# (1, 'one')  (2, 'two')  (3, None)
func Zip(stage any, stages ...any) *MapStage {
	m := Map(nil, stage, stages...)
	m.zip = true
	return m
}

// Yield takes one item from each stage in turn (an instruction suspends it
// where it is, and the next Yield resumes there), then applies Func.
func (m *MapStage) Yield() Instruction {
	if m.ready() {
		return nil
	}
	m.checkCycle(m)
	if m.index == 0 {
		m.curr = m.curr[:0]
		m.done = true
	}
	for m.index < len(m.stages) {
		curr := m.stages[m.index]
		if inst := m.yieldOf(curr); inst != nil {
			return inst
		}
		st := curr.State()
		if len(st.Results) > 0 {
			v := st.Results[0]
			if len(st.Results) == 1 {
				st.Results[0] = nil
				st.Results = st.Results[:0]
			} else {
				st.Results = st.Results[1:]
			}
			m.curr = append(m.curr, v)
			m.index++
			m.done = false
			continue
		}
		if st.Stop {
			m.curr = append(m.curr, nil)
			m.index++
			continue
		}
		if st.Failure != nil {
			m.Failure = st.Failure
			return nil
		}
		m.setFailure(twisted.AssertionError.New("flow.Map ; no results, stop or failure?"))
		return nil
	}
	if m.done {
		m.Stop = true
		return nil
	}
	result, err := m.call(m.fresh(m.curr...))
	if err != nil {
		m.setFailure(err)
		return nil
	}
	m.Results = append(m.Results, result)
	m.index = 0
	return nil
}

// result is Map's step on one set of items: Func applied to args, or args
// as a tuple when Func is nil. Every mode of the stage goes through it. A
// panic in Func goes on: call recovers it, and push mode's fused chain
// recovers it once for all its stages.
func (m *MapStage) result(args []any) (any, error) {
	if m.Func == nil {
		return twisted.Tuple(args), nil
	}
	return m.Func(args...)
}

// call is result, a panic in Func made its failure.
func (m *MapStage) call(args []any) (v any, err error) {
	returned := false
	defer func() {
		if !returned {
			err = recovered(recover(), err)
		}
	}()
	v, err = m.result(args)
	returned = true
	return v, err
}

// canPush: push mode runs a Map of one source.
func (m *MapStage) canPush(as Stage) bool {
	return as == Stage(m) && len(m.stages) == 1 && m.index == 0 && !m.ready() && pushable(m.stages[0])
}

// push runs the Map in push mode: Yield's work on each value its source
// hands up, then its source's failure or end.
func (m *MapStage) push(r *pushRun, emit emitFunc) {
	r.addOp(pushOp{m: m, out: emit})
	var one [1]any
	m.stages[0].(pusher).push(r, func(r *pushRun, results []any, stop bool, f *twisted.Failure) bool {
		for _, v := range results {
			res, err := m.call(m.fresh1(v))
			if err != nil {
				return m.pushFailed(r, err, emit)
			}
			one[0] = res
			ok := emit(r, one[:], false, nil)
			one[0] = nil
			if !ok {
				return false
			}
		}
		if f != nil { // after the results, as Map's pull takes them first
			m.Failure = f
			emit(r, nil, false, f)
			return false
		}
		if stop {
			m.Stop = true
			emit(r, nil, true, nil)
			return false
		}
		return true
	})
}

// pushFailed makes err the Map's failure, as Yield does, and hands it up;
// it returns false.
func (m *MapStage) pushFailed(r *pushRun, err error, emit emitFunc) bool {
	m.setFailure(err)
	emit(r, nil, false, m.Failure)
	return false
}

// recovered returns the failure for a recovered panic value r, or err
// when there is none (runtime.Goexit). Callers recover only when the call
// did not return, which spares the normal path the cost of recover.
func recovered(r any, err error) error {
	if r == nil {
		return err
	}
	return twisted.FailureFromPanic(r)
}

// Close closes the stages [Map] consumes.
func (m *MapStage) Close() { m.closeOnce(m.stages...) }
