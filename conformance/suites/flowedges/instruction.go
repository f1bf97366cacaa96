package flowedges

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// later is a CallLater of our own: it resumes the flow delay seconds on.
type later struct {
	flow.BaseInstruction
	e     *edge
	delay float64
}

func (l *later) CallLater(callable func()) {
	l.e.t.Print("callLater", l.delay)
	l.e.callLater(l.delay, callable)
}

// odd is an Instruction of our own that is not a CallLater.
type odd struct{ flow.BaseInstruction }

func (o *odd) PyRepr() string { return fmt.Sprintf("<__main__.Odd instance at %p>", o) }

func init() {
	scenario("instruction.customCallLater", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(1) && yield(&later{e: e, delay: 0.05}) && yield(2)
			return nil
		}
		other := func(yield func(any) bool) error {
			_ = yield("a") && yield(&later{e: e, delay: 0.1}) && yield("b")
			return nil
		}
		e.run(flow.Merge(flow.Generator(gen), flow.Generator(other)))
	})
	deviation("unsupported.customInstruction",
		"An instruction that is not a CallLater reaching flow.Deferred: the original raises Unsupported, whose "+
			"constructor fails, so a TypeError escapes flow.Deferred's constructor (or the reactor's log, and the "+
			"Deferred never fires). Go's Deferred errbacks with Unsupported.",
		func(e *edge) {
			gen := func(yield func(any) bool) error {
				_ = yield(1) && yield(&odd{}) && yield(2)
				return nil
			}
			e.outcome(e.deferred(flow.Generator(gen)))
		})
	deviation("unsupported.inMerge",
		"A Merge branch yielding an instruction Concurrent does not support (a stage inside a list): the original "+
			"raises Unsupported out of the Merge (a TypeError, as Unsupported cannot be constructed), losing the "+
			"round's values. Go fails the Merge with Unsupported, after the values that came before it.",
		func(e *edge) {
			inner := flow.Wrap([]any{"i"})
			e.drain(e.block(flow.Merge([]any{"a", inner, "b"}, []any{1, 2})))
		})
	deviation("unsupported.construct",
		"The original's Unsupported cannot be constructed: its __init__ calls TypeError.__init__ on a "+
			"NotImplementedError, which raises TypeError. Go's Unsupported is an ordinary NotImplementedError subclass.",
		func(e *edge) {
			e.raised(flow.Unsupported.New("inst"))
			e.t.Print(flow.Unsupported.IsSubclass(twisted.NotImplementedError))
		})
	deviation("unsupported.blockCallback", blockUnsupported, func(e *edge) {
		cb := flow.Callback()
		cb.Result("ready")
		e.drain(e.block(cb))
	})
	deviation("unsupported.stageInList",
		"A stage inside a list is yielded to the controller as an instruction, which no controller supports. "+
			"The original raises Unsupported, whose constructor fails, so a TypeError escapes Block and "+
			"flow.Deferred's constructor. Go: Block fails with Unsupported, and flow.Deferred errbacks with it.",
		func(e *edge) {
			inner := flow.Wrap([]any{"i"})
			e.drain(e.block([]any{"a", inner, "b"}))
			e.outcome(e.deferred([]any{"a", inner, "b"}))
		})
}
