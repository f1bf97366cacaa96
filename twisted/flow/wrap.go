package flow

import (
	"io"
	"iter"
	"reflect"
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// An Iterator is a Python iterator ported to Go: Next returns the next
// value, and a [twisted.StopIteration] error at the end. Any other error is
// the iterator's failure (so is a panic). Values may be stages and
// instructions, as in a generator: a Python iterator class written in the
// state pattern (a next that reassigns itself) ports to a type whose Next
// switches on a state field, or reassigns a func field (ExampleIterable).
// If the iterator has a Close method (Close() or Close() error), the flow
// calls it when it ends, as it closes generators.
type Iterator interface {
	Next() (any, error)
}

// An Iterable is an object with Python's __iter__: Iter returns the
// iterator (often the object itself, after setting it up). [Wrap] calls Iter
// once, and [Threaded] calls it in its thread. An error from Iter is the
// stage's failure.
type Iterable interface {
	Iter() (Iterator, error)
}

// Wrap wraps various objects for use within a flow, returning a [Stage]
// (flow.wrap). It accepts:
//
//   - a Stage: returned as it is; trap classes are added to its Trap
//     list, the new ones first, then the old ones not among them;
//   - a string (or []byte): a stage of that one value;
//   - a list ([]any, twisted.Tuple, or any other slice or array): its
//     items, copied now as Python's list(seq) does; an Instruction among
//     them (a Cooperate) is yielded to the controller rather than
//     produced;
//   - a Generator, or an iter.Seq[any]: run as a generator; an iter.Seq
//     of another element type too, and an iter.Seq2, whose pairs are
//     yielded as twisted.Tuple{k, v} (as Python's dict.items());
//   - an Iterable (Iter is called now) or an Iterator;
//   - a *deferred.Deferred: a stage of its one result, or its failure;
//     until it fires the flow waits on it (see Deferred);
//   - a receive channel of any element type: the values as they
//     arrive, until the channel is closed; an io.Reader: its lines, each
//     with its newline, as Python's iteration of a file (see
//     the package documentation, "Channels and readers");
//   - a function without arguments that returns one value (func() any,
//     func() flow.Generator, func() *MyIterator...): called once, and its
//     result wrapped as above, as Python calls callables. A Stage returned
//     by such a function is treated as an Iterator, as Python does.
//
// The trap classes apply to generators, iterators and Deferreds (and are
// merged into stages); strings and lists cannot fail.
//
// Anything else gives a stage that fails with ValueError("A wrapper is
// not available for %r"). Python's wrap raises that ValueError at once.
// A nil pointer or function is Python's None, which fails so too.
func Wrap(obj any, trap ...*twisted.Class) Stage {
	if isNilRef(obj) {
		obj = nil
	}
	if s, ok := obj.(Stage); ok {
		if len(trap) > 0 {
			if f := safely(func() { mergeTrap(s.State(), trap) }); f != nil {
				return failed(f) // a panic in the stage's State
			}
		}
		return s
	}
	obj, err := call(obj)
	if err != nil {
		return failed(err)
	}
	switch o := obj.(type) {
	case string:
		return newString(o)
	case []byte:
		return newString(o)
	case []any:
		return newList(o)
	case twisted.Tuple:
		return newList(o)
	case *deferred.Deferred:
		return newDeferredStage(o, trap)
	case Generator:
		return newGenStage(o, trap)
	case func(func(any) bool) error:
		return newGenStage(o, trap)
	case iter.Seq[any]:
		return newGenStage(seqGenerator(o), trap)
	case func(func(any) bool):
		return newGenStage(seqGenerator(o), trap)
	case Iterable:
		var it Iterator
		if f := safely(func() { it, err = o.Iter() }); f != nil {
			return failed(f)
		}
		if err != nil {
			return failed(err)
		}
		return newIterStage(it, trap)
	case Iterator:
		return newIterStage(o, trap)
	}
	if s, ok := wrapGo(obj, trap); ok {
		return s
	}
	if v := reflect.ValueOf(obj); v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		items := make([]any, v.Len())
		for i := range items {
			items[i] = v.Index(i).Interface()
		}
		return &listStage{seq: items}
	}
	if g, ok := seqOf(obj); ok {
		return newGenStage(g, trap)
	}
	return failed(noWrapper(obj))
}

// noWrapper is flow.wrap's ValueError for what it cannot wrap.
func noWrapper(obj any) error {
	var msg string
	if f := safely(func() { msg = twisted.Repr(obj) }); f != nil {
		return f // the repr raised: Python's wrap raises that instead
	}
	return twisted.ValueError.New("A wrapper is not available for " + msg)
}

// mergeTrap adds trap to b.Trap: the new classes first, then the old ones
// not among them.
func mergeTrap(b *Base, trap []*twisted.Class) {
	if len(trap) == 0 {
		return
	}
	merged := slices.Clone(trap)
	for _, c := range b.Trap {
		if !slices.Contains(merged, c) {
			merged = append(merged, c)
		}
	}
	b.Trap = merged
}

// isNilRef reports whether obj is a nil pointer or function in an
// interface: what Go code holds where Python's would hold None.
func isNilRef(obj any) bool {
	v := reflect.ValueOf(obj)
	switch v.Kind() {
	case reflect.Pointer, reflect.Func:
		return v.IsNil()
	}
	return false
}

// call calls obj if it is a function without arguments returning one
// value, and returns its result, or the failure of a panic in it; it
// returns anything else as it is.
func call(obj any) (out any, err error) {
	if f, ok := obj.(func() any); ok { // not nil: Wrap made a nil function None
		if p := safely(func() { out = f() }); p != nil {
			return nil, p
		}
		return out, nil
	}
	v := reflect.ValueOf(obj)
	if v.Kind() == reflect.Func && !v.IsNil() && v.Type().NumIn() == 0 && v.Type().NumOut() == 1 {
		if p := safely(func() { out = v.Call(nil)[0].Interface() }); p != nil {
			return nil, p
		}
		return out, nil
	}
	return obj, nil
}

// failed returns a stage that fails with err.
func failed(err error) Stage {
	s := &stringStage{}
	s.setFailure(err)
	return s
}

// stringStage is a constant list of one item (flow.wrap._String).
type stringStage struct{ Base }

func newString[T string | []byte](s T) Stage {
	st := &stringStage{}
	st.Results = []any{s}
	st.Stop = true
	return st
}

func (*stringStage) Yield() Instruction { return nil }

// listStage produces the items of a list, yielding the instructions among
// them (flow.wrap._List). It works on a copy of the list, as the original.
type listStage struct {
	Base
	seq []any
	// into, when set, receives the results instead of Results: the
	// Deferred controller's results list, for a list at the root of its
	// flow that nothing else holds (see DeferredOn).
	into *[]any
}

func newList(seq []any) Stage { return &listStage{seq: slices.Clone(seq)} }

// Yield moves the items up to the next instruction into the results, and
// returns the instruction; the results are Results, or *s.into for the
// Deferred controller's fast path: the same items, instructions and stop,
// without a batch list per segment for the controller to copy.
func (s *listStage) Yield() Instruction {
	out := s.Results
	if s.into != nil {
		out = *s.into
	} else if out == nil {
		out = make([]any, 0, s.segment())
	}
	var inst Instruction
	for len(s.seq) > 0 {
		result := s.seq[0]
		s.seq[0] = nil
		s.seq = s.seq[1:]
		if i, ok := result.(Instruction); ok {
			inst = i
			break
		}
		out = append(out, result)
	}
	if s.into != nil {
		*s.into = out
	} else {
		s.Results = out
	}
	s.Stop = inst == nil
	return inst
}

// segment returns how many items come before the next instruction: the
// size of the next batch of results.
func (s *listStage) segment() int {
	for i, v := range s.seq {
		if _, ok := v.(Instruction); ok {
			return i
		}
	}
	return len(s.seq)
}

// iterStage runs an iterator or generator (flow.wrap._Iterable). When the
// source yields a stage, that stage is run (yielded) in place until it has
// something, and then the source resumes; an instruction is passed up; a
// Deferred that has not fired makes the flow wait on it; anything else is
// a result.
//
// Base.shut is its closed flag: set once Close has stopped the source
// and closed the stages it yielded (a field of its own would take a
// word, and a suspended flow.Deferred's generator stage and wrapper a
// size class up).
type iterStage struct {
	Base
	it Iterator
	// inner are the stages the source has yielded, made at the first: a
	// source that yields none (a suspended flow.Deferred's generator, in
	// the common case) keeps 8 bytes instead of 48.
	inner *innerStages
	// pushed is the push-mode run that runs the source, if any.
	pushed *pushRun
}

// innerStages are the stages an iterStage's source has yielded.
type innerStages struct {
	// next is the stage being run in place, if any (it is in held).
	next Stage
	// held are the stages the source has yielded: they are closed with
	// it. A stage that has stopped is closed and dropped when the list is
	// pruned, so a source that yields a new stage each time does not grow
	// it without bound.
	held []Stage
	// pruneAt is the length of held at which it is next pruned.
	pruneAt int
}

func newIterStage(it Iterator, trap []*twisted.Class) *iterStage {
	s := &iterStage{}
	s.init(it, trap)
	return s
}

func (s *iterStage) init(it Iterator, trap []*twisted.Class) {
	s.it = it
	if len(trap) > 0 {
		s.Trap = slices.Clone(trap)
	}
}

// current returns the stage being run in place, if any.
func (s *iterStage) current() Stage {
	if in := s.inner; in != nil {
		return in.next
	}
	return nil
}

// setCurrent makes x the stage run in place (one that hold has taken), or
// none for nil.
func (s *iterStage) setCurrent(x Stage) {
	if in := s.inner; in != nil {
		in.next = x
	}
}

// newGenStage is newIterStage(newGenIter(g), trap) in one allocation
// (112 B, where the two would take 96 + 16): a suspended flow holds both.
func newGenStage(g Generator, trap []*twisted.Class) *iterStage {
	both := &struct {
		s iterStage
		g genIter
	}{}
	both.g.gen = g
	both.s.init(&both.g, trap)
	return &both.s
}

// inlineYield runs, on the generator's coroutine, what Yield does with a
// stage the generator yields (hold it, run its Yield) when that needs
// nothing from the controller: if the stage's Yield returns no
// instruction, the generator goes on at once, as Yield would have pulled
// it again, and the flow makes no coroutine switch for the stage (a
// generator's "yield lines; line = lines.next()" loop costs one call per
// line instead of two switches). Otherwise, the outcome goes to Yield,
// which takes it where it would have been: an instruction to return (the
// stage is still the one to resume), a panic of the stage's Yield to
// raise again, or the stage closed.
func (s *iterStage) inlineYield(v any) (any, bool) {
	r, ok := v.(Stage)
	if !ok || len(s.Results) > 0 || s.current() != nil || s.shut {
		return v, false
	}
	s.hold(r)
	s.setCurrent(r)
	out := s.inlineYieldOf(r)
	if out == nil && !s.shut {
		s.setCurrent(nil)
		return nil, true
	}
	if out == nil {
		out = &inlined{}
	}
	return out, false
}

// inlined is what inlineYield hands over to Yield when the generator's
// stage asked for the controller: the instruction it returned, or the
// value it panicked with.
type inlined struct {
	inst     Instruction
	panicked any
}

// inlineYieldOf runs r's Yield for inlineYield; it returns nil if r
// returned no instruction, and what to hand over otherwise.
func (s *iterStage) inlineYieldOf(r Stage) (out *inlined) {
	returned := false
	defer func() {
		if !returned { // s.yielding stays set, as when Yield raises it
			out = &inlined{panicked: recover()}
		}
	}()
	inst := s.yieldOf(r)
	returned = true
	if inst != nil {
		return &inlined{inst: inst}
	}
	return nil
}

func (s *iterStage) Yield() Instruction {
	if s.ready() {
		return nil
	}
	s.checkCycle(s)
	for {
		if next := s.current(); next != nil {
			if inst := s.yieldOf(next); inst != nil {
				return inst
			}
			s.setCurrent(nil)
		}
		if s.shut {
			s.Stop = true
			return nil
		}
		if g, ok := s.it.(*genIter); ok && g.fresh() {
			// Started here, with the stage to offer its values to,
			// rather than by its first Next, which offers them to none.
			g.start(s)
		}
		result, err := pull(s.it)
		if err != nil {
			if isStop(err) {
				s.Stop = true
			} else {
				s.setFailure(err)
			}
			return nil
		}
		switch r := result.(type) {
		case *inlined: // the stage the generator yielded ran on its coroutine
			if r.panicked != nil {
				panic(r.panicked)
			}
			if r.inst != nil {
				return r.inst // s.current() is the stage
			}
			s.setCurrent(nil)
			continue
		case Stage:
			s.hold(r)
			s.setCurrent(r)
			if len(s.Results) > 0 {
				// Values the controller took in a batch (see genIter)
				// go up before the stage runs, as they would one by
				// one: a stage that yields this one must find it
				// without results, as in the pull protocol.
				return nil
			}
			continue
		case Instruction:
			return r
		case *deferred.Deferred:
			if r.Called() {
				continue
			}
			return &deferredInstruction{d: r}
		}
		s.Results = append(s.Results, result)
		return nil
	}
}

// pull calls it.Next, turning a panic into a failure.
func pull(it Iterator) (v any, err error) {
	if g, ok := it.(*genIter); ok {
		return g.Next() // the generator recovers its own panics
	}
	returned := false
	defer func() {
		if !returned {
			err = recovered(recover(), err)
		}
	}()
	v, err = it.Next()
	returned = true
	return v, err
}

// hold remembers a stage the source yielded, to close it with the source.
func (s *iterStage) hold(st Stage) {
	in := s.inner
	if in == nil {
		in = &innerStages{pruneAt: 8}
		s.inner = in
	}
	if n := len(in.held); n > 0 && in.held[n-1] == st {
		return
	}
	if slices.Contains(in.held, st) {
		return
	}
	in.held = append(in.held, st)
	if len(in.held) >= in.pruneAt {
		in.held = slices.DeleteFunc(in.held, func(h Stage) bool {
			if h.State().Stop && h != in.next {
				h.Close()
				return true
			}
			return false
		})
		in.pruneAt = 2*len(in.held) + 8
	}
}

// Close stops the source (a suspended generator returns, running its
// deferred calls; an iterator with a Close method is closed) and closes
// the stages it yielded. If one of them panics, the others are still
// closed, and Close then panics with the first panic's failure. A source
// that flow.Deferred's chain runs in push mode is stopped by closing the
// chain.
func (s *iterStage) Close() {
	if s.shut {
		return
	}
	s.shut = true
	var chainFailed *twisted.Failure
	if r := s.pushed; r != nil && r.chain != nil {
		chainFailed = safely(r.chain.Close)
	}
	var held []Stage
	if in := s.inner; in != nil {
		held = in.held
		in.held = nil
	}
	first := closeIterator(s.it)
	if first == nil {
		first = chainFailed
	}
	defer func() {
		if first != nil {
			panic(first)
		}
	}()
	closeEach(held)
}

// closeIterator closes it if it has a Close method (Close() or Close()
// error; the error is dropped, as the flow has its result already), and
// returns the failure of a panic in it.
func closeIterator(it Iterator) *twisted.Failure {
	switch c := it.(type) {
	case interface{ Close() }:
		return safely(c.Close)
	case io.Closer:
		return safely(func() { c.Close() })
	}
	return nil
}
