package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// count counts down from n-1 to 0, an iterator class.
type count struct{ n int }

func (c *count) Next() (any, error) {
	if c.n == 0 {
		return nil, twisted.StopIteration.New()
	}
	c.n--
	return c.n, nil
}

func init() {
	scenario("wrap.deferredLaterFailure", func(e *edge) {
		d := deferred.New()
		e.callLater(0.05, func() { d.Errback(twisted.NewFailure(twisted.IOError.New("later"))) })
		d2 := deferred.New()
		e.callLater(0.05, func() { d2.Errback(twisted.NewFailure(twisted.IOError.New("later"))) })
		e.outcome(e.deferred(d2, twisted.IOError))
		e.run(d)
	})
	deviation("wrap.dict",
		"The original wraps a dict as an iterator over its keys, in hash order. Go's maps have no order to keep: "+
			"Wrap gives a stage failing with ValueError(\"A wrapper is not available for ...\"); wrap the keys.",
		func(e *edge) {
			e.drain(e.block(map[any]any{1: "a", 2: "b", 3: "c"}))
		})
	scenario("wrap.callableReturningStage", func(e *edge) {
		e.drain(e.block(func() any { return flow.Wrap([]any{1, 2}) }))
		e.drain(e.block(func() any { return flow.Wrap("abc") }))
	})
	scenario("wrap.noneValues", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(twisted.None) && yield(0) && yield(false)
			return nil
		}
		e.drain(e.block([]any{twisted.None, 0, ""}))
		e.run(flow.Generator(gen))
	})
	scenario("wrap.listCopied", func(e *edge) {
		src := []any{1, 2, 3}
		s := flow.Wrap(src)
		src[0] = "changed"
		_ = append(src, 4)
		e.drain(e.block(s))
	})
	scenario("wrap.kinds", func(e *edge) {
		genfunc := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("g") && yield("h")
				return nil
			}
		}
		stage := flow.Wrap([]any{"s"})
		for _, src := range []any{"str", "", []any{"l", 1}, twisted.Tuple{"t", 2}, twisted.Tuple{}, genfunc,
			func() any { return "called" }, func() any { return []any{"from", "callable"} }, &count{3}, stage} {
			e.drain(e.block(src))
		}
		e.t.Print(flow.Wrap(stage) == stage)
	})
	scenario("wrap.unwrappable", func(e *edge) {
		for _, obj := range []any{5, twisted.None, func() any { return 7 }} {
			// Go's Wrap gives a stage that fails with the ValueError
			// Python's wrap raises.
			if _, err := flow.Block(flow.Wrap(obj)).Next(); twisted.ClassOf(err) == twisted.ValueError {
				e.raised(err)
			}
		}
	})
	scenario("wrap.deferred", func(e *edge) {
		a := deferred.New()
		a.Callback("early")
		e.drain(e.block(a))
		b := deferred.New()
		b.Errback(twisted.NewFailure(twisted.IOError.New("bad")))
		e.drain(e.block(b, twisted.IOError))
		c := deferred.New()
		c.Errback(twisted.NewFailure(twisted.IOError.New("bad")))
		e.drain(e.block(c))
		l := deferred.New()
		e.callLater(0.05, func() { l.Callback("late") })
		e.run(l)
	})
	scenario("wrap.listInstructions", func(e *edge) {
		e.drain(e.block([]any{1, flow.Cooperate(0.5), 2, flow.Cooperate(0), 3}))
		e.run([]any{1, flow.Cooperate(0), 2})
	})
}
