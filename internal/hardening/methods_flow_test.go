package hardening

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// noEscape runs f; a panic escaping it fails t instead of the test binary.
func noEscape(t *testing.T, where string, f func()) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Errorf("%s: the panic escaped: %v\n%s", where, v, debug.Stack())
		}
	}()
	f()
}

// checkBoom checks that err is the failure of boom.
func checkBoom(t *testing.T, where string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no failure", where)
		return
	}
	f := twisted.NewFailure(err)
	if f.Type != twisted.KeyError || f.GetErrorMessage() != "'boom'" {
		t.Errorf("%s: failed with %v, not KeyError('boom')", where, err)
	}
}

// underBlock runs the flow made by mk under Block: it must fail with boom.
func underBlock(t *testing.T, mk func() any) {
	t.Helper()
	noEscape(t, "Block", func() {
		b := flow.Block(mk())
		b.Sleep = func(float64) {}
		_, err := b.List()
		checkBoom(t, "Block", err)
	})
}

// underDeferred runs the flow made by mk under flow.Deferred on a Clock:
// its Deferred must errback with boom.
func underDeferred(t *testing.T, mk func() any) {
	t.Helper()
	noEscape(t, "flow.Deferred", func() {
		clock := reactor.NewClock()
		d := flow.DeferredOn(clock, mk())
		for i := 0; i < 10 && !d.Called(); i++ {
			clock.Advance(1)
		}
		checkBoom(t, "flow.Deferred", deferredErr(d))
		assert.Equal(t, len(clock.GetDelayedCalls()), 0, "wake-ups left on the clock")
	})
}

// deferredErr returns the failure d fired with, or nil.
func deferredErr(d *deferred.Deferred) error {
	var err error
	if d.Called() {
		d.AddErrback(func(f *twisted.Failure) (any, error) { err = f; return nil, nil })
	}
	return err
}

// underProtocol runs the flow made by mk as a flow protocol's controller:
// the connection must be closed, and boom logged as an unhandled error.
func underProtocol(t *testing.T, mk func() any) {
	t.Helper()
	noEscape(t, "flow.Protocol", func() {
		var log bytes.Buffer
		clock := reactor.NewClock()
		r := reactor.New()
		r.Logger = slog.New(slog.NewTextHandler(&log, nil))
		p := flow.MakeProtocolOn(clock, func(*flow.Protocol) any { return mk() })()
		p.(*flow.Protocol).Reactor = r
		tr := &closingTransport{}
		protocol.MakeConnection(p, tr)
		for i := 0; i < 10 && !tr.lost; i++ {
			r.Iterate(0)
		}
		assert.Assert(t, tr.lost, "flow.Protocol: the connection is left open")
		assert.Assert(t, is.Contains(log.String(), "boom"), "flow.Protocol: the failure was not logged")
	})
}

// inEveryController is underBlock, underDeferred and underProtocol.
func inEveryController(t *testing.T, mk func() any) {
	t.Helper()
	underBlock(t, mk)
	underDeferred(t, mk)
	underProtocol(t, mk)
}

// userStage is a stage of the user's own whose method panicIn panics:
// otherwise it gives "one" and ends.
type userStage struct {
	flow.Base
	panicIn string
	n       int
}

func (s *userStage) Yield() flow.Instruction {
	panicIf(s.panicIn, "Yield")
	if s.n++; s.n == 1 {
		s.Results = append(s.Results, "one")
	} else {
		s.Stop = true
	}
	return nil
}

func (s *userStage) Next() (any, error) {
	panicIf(s.panicIn, "Next")
	return s.Base.Next()
}

func (s *userStage) State() *flow.Base {
	panicIf(s.panicIn, "State")
	return &s.Base
}

func (s *userStage) Close() {
	panicIf(s.panicIn, "Close")
}

// reading is a generator that reads the stage to its end, as a user's
// code does: yield it, then call its Next.
func reading(s flow.Stage) flow.Generator {
	return func(yield func(any) bool) error {
		for {
			if !yield(s) {
				return nil
			}
			v, err := s.Next()
			if err != nil {
				return err
			}
			if !yield(v) {
				return nil
			}
		}
	}
}

// panickyLater is an instruction whose CallLater panics.
type panickyLater struct{ flow.BaseInstruction }

func (*panickyLater) CallLater(func()) { panic(boom) }

// panickyIterable's Iter panics; so does its IterContext.
type panickyIterable struct{}

func (panickyIterable) Iter() (flow.Iterator, error) { panic(boom) }

type panickyIterableContext struct{}

func (panickyIterableContext) IterContext(context.Context) (flow.Iterator, error) { panic(boom) }

// panickyChunker's Chunked panics.
type panickyChunker struct{ iteratorFunc }

func (panickyChunker) Chunked() bool { panic(boom) }

// panickyPipe is a pipe whose Process panics.
type panickyPipe struct{ flow.Pipe }

func (*panickyPipe) Process([]any, bool) error { panic(boom) }

// panickyClock is a reactor.Clock whose method panicIn panics.
type panickyClock struct {
	*reactor.Clock
	panicIn string
}

func (c *panickyClock) CallLater(delay float64, f func()) *reactor.DelayedCall {
	panicIf(c.panicIn, "CallLater")
	return c.Clock.CallLater(delay, f)
}

func (c *panickyClock) Seconds() float64 {
	panicIf(c.panicIn, "Seconds")
	return c.Clock.Seconds()
}

// threadedOn runs Threaded(source) under flow.Deferred on a real reactor,
// and returns how the Deferred failed.
func threadedOn(t *testing.T, source any) (err error) {
	t.Helper()
	r := reactor.New()
	r.CallWhenRunning(func() {
		noEscape(t, "Threaded", func() {
			d := flow.DeferredOn(r, flow.ThreadedOn(r, source))
			d.AddBoth(func(res any) (any, error) {
				if f, ok := res.(*twisted.Failure); ok {
					err = f
				} else {
					err = fmt.Errorf("succeeded with %s", twisted.Repr(res))
				}
				return nil, r.Stop()
			})
		})
		if err != nil || !r.Running() {
			return
		}
	})
	r.CallLater(5, func() { _ = r.Stop() })
	assert.NilError(t, r.Run())
	return err
}

func init() {
	for _, m := range []string{"Yield", "Close"} {
		userMethodRows["flow.Stage."+m] = func(t *testing.T) {
			inEveryController(t, func() any { return &userStage{panicIn: m} })
			inEveryController(t, func() any { return reading(&userStage{panicIn: m}) })
		}
	}
	userMethodRows["flow.Stage.State"] = func(t *testing.T) {
		// The controllers read the state of the flow's root stage.
		inEveryController(t, func() any { return &userStage{panicIn: "State"} })
		underDeferred(t, func() any { return flow.Wrap(&userStage{panicIn: "State"}, twisted.ValueError) })
	}
	userMethodRows["flow.Stage.Next"] = func(t *testing.T) {
		underBlock(t, func() any { return &userStage{panicIn: "Next"} }) // Block calls it
		inEveryController(t, func() any { return reading(&userStage{panicIn: "Next"}) })
	}
	userMethodRows["flow.CallLater.CallLater"] = func(t *testing.T) {
		// Block serves Cooperate only: it never calls a CallLater.
		underDeferred(t, func() any { return []any{"one", &panickyLater{}, "two"} })
		underProtocol(t, func() any { return []any{"one", &panickyLater{}, "two"} })
	}
	userMethodRows["flow.Iterator.Next"] = func(t *testing.T) {
		mk := func() any { return iteratorFunc(func() (any, error) { panic(boom) }) }
		inEveryController(t, mk)
		checkBoom(t, "Threaded", threadedOn(t, mk()))
	}
	userMethodRows["flow.Iterable.Iter"] = func(t *testing.T) {
		inEveryController(t, func() any { return panickyIterable{} })
		inEveryController(t, func() any { return flow.Map(nil, panickyIterable{}) })
		checkBoom(t, "Threaded", threadedOn(t, panickyIterable{}))
	}
	userMethodRows["flow.IterableContext.IterContext"] = func(t *testing.T) {
		checkBoom(t, "Threaded", threadedOn(t, panickyIterableContext{}))
	}
	userMethodRows["flow.Chunker.Chunked"] = func(t *testing.T) {
		src := panickyChunker{func() (any, error) { return nil, twisted.StopIteration.New() }}
		checkBoom(t, "Threaded", threadedOn(t, src))
	}
	userMethodRows["flow.Processor.Process"] = func(t *testing.T) {
		mk := func() any {
			p := &panickyPipe{}
			p.Init(p, []any{"one", "two"})
			return p
		}
		inEveryController(t, mk)
	}
	userMethodRows["timers.IReactorTime.CallLater"] = func(t *testing.T) {
		// The flow's Cooperate: flow.Deferred and a flow protocol fail.
		noEscape(t, "flow.Deferred", func() {
			clock := &panickyClock{Clock: reactor.NewClock(), panicIn: "CallLater"}
			d := flow.DeferredOn(clock, []any{"one", flow.Cooperate(1), "two"})
			checkBoom(t, "flow.Deferred", deferredErr(d))
		})
	}
}

// panickyTransport is a transport whose method panicIn panics.
type panickyTransport struct {
	closingTransport
	panicIn string
}

func (t *panickyTransport) Write(data []byte) {
	panicIf(t.panicIn, "Write")
	t.closingTransport.Write(data)
}

func (t *panickyTransport) WriteSequence(data [][]byte) {
	panicIf(t.panicIn, "WriteSequence")
	t.closingTransport.WriteSequence(data)
}

func (t *panickyTransport) LoseConnection() {
	t.closingTransport.LoseConnection()
	panicIf(t.panicIn, "LoseConnection")
}

// overTransport runs a flow protocol whose controller writes "a" and
// yields "b" over a transport whose method m panics: the panic is logged
// once as an unhandled error, the connection closed, nothing escapes.
func overTransport(t *testing.T, m string) {
	noEscape(t, "flow.Protocol", func() {
		var log bytes.Buffer
		r := reactor.New()
		r.Logger = slog.New(slog.NewTextHandler(&log, nil))
		p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("a")
				yield("b")
				return nil
			}
		})()
		tr := &panickyTransport{panicIn: m}
		protocol.MakeConnection(p, tr)
		assert.Assert(t, tr.lost, "the connection is left open")
		assert.Assert(t, is.Contains(log.String(), "boom"), "the failure was not logged")
		assert.Equal(t, bytes.Count(log.Bytes(), []byte("Unhandled Error")), 1)
	})
}

func init() {
	for _, m := range []string{"Write", "WriteSequence", "LoseConnection"} {
		userMethodRows["protocol.ITransport."+m] = func(t *testing.T) { overTransport(t, m) }
	}
}

// panickyRepr is a value, which flow cannot wrap, whose PyRepr panics.
type panickyRepr struct{}

func (panickyRepr) PyRepr() string { panic(boom) }

// panickyInstruction is an instruction no controller supports, whose
// PyRepr (for Unsupported's message) panics.
type panickyInstruction struct{ flow.BaseInstruction }

func (panickyInstruction) PyRepr() string { panic(boom) }

func init() {
	userMethodRows["twisted.Reprer.PyRepr"] = func(t *testing.T) {
		// Python's repr raises to its caller.
		f := panicOf(func() { twisted.Repr(panickyRepr{}) })
		assert.Assert(t, f != nil, "Repr swallowed PyRepr's panic")
		assertBoom(t, f)
		// In a flow, where a message names a value (wrap's ValueError,
		// Unsupported), the flow fails with it, as the original's raise
		// of the message's repr would.
		inEveryController(t, func() any { return panickyRepr{} })
		inEveryController(t, func() any { return []any{"one", panickyInstruction{}} })
	}
}

// panickyStr is a value whose PyStr panics.
type panickyStr struct{}

func (panickyStr) PyStr() string { panic(boom) }

// classedErr is a Go error whose Python class is asked of PythonClass,
// which panics.
type classedErr struct{}

func (classedErr) Error() string               { return "classed" }
func (classedErr) PythonClass() *twisted.Class { panic(boom) }

func init() {
	userMethodRows["twisted.PyStrer.PyStr"] = func(t *testing.T) {
		// Python's str raises to its caller; LineBreak takes str(block):
		// the flow fails.
		f := panicOf(func() { twisted.Str(panickyStr{}) })
		assert.Assert(t, f != nil, "Str swallowed PyStr's panic")
		assertBoom(t, f)
		inEveryController(t, func() any {
			return flow.LineBreak([]any{"one\r\n", panickyStr{}}, flow.LineBreakOptions{})
		})
	}
	userMethodRows["twisted.Classed.PythonClass"] = func(t *testing.T) {
		// The flow asks the class of what a generator or an iterator
		// returns (is it StopIteration?): the flow fails with the panic.
		inEveryController(t, func() any {
			return flow.Generator(func(yield func(any) bool) error {
				yield("one")
				return classedErr{}
			})
		})
		inEveryController(t, func() any {
			return flow.Map(nil, iteratorFunc(func() (any, error) { return nil, classedErr{} }))
		})
	}
}
