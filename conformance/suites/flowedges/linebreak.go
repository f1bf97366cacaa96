package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
	scenario("linebreak.splitDelimiter", func(e *edge) {
		src := []any{"ab\r", "\ncd\r\n", "ef\r\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{})))
	})
	scenario("linebreak.acrossChunks", func(e *edge) {
		src := []any{"a", "b", flow.Cooperate(0), "c\nd\ne", "\n", "f\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n"})))
	})
	scenario("linebreak.customDelimiter", func(e *edge) {
		src := []any{"one||two|", "|three||", "four||"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "||"})))
	})
	scenario("linebreak.emptyLines", func(e *edge) {
		src := []any{"a\n\nb\n", "", "\n", "c", "\n", "\n\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n"})))
	})
	scenario("linebreak.trailer", func(e *edge) {
		e.drain(e.block(flow.LineBreak(newSlowlist("a\nb", "c"), flow.LineBreakOptions{Delimiter: "\n",
			Trailer: true})))
		e.drain(e.block(flow.LineBreak(newSlowlist("a\nb\n"), flow.LineBreakOptions{Delimiter: "\n",
			Trailer: true})))
	})
	scenario("linebreak.deferred", func(e *edge) {
		cb := flow.Callback()
		e.outcome(e.deferred(flow.LineBreak(cb, flow.LineBreakOptions{Delimiter: "\n"})))
		for _, piece := range []string{"he", "llo\nwor", "ld\n", "\n"} {
			cb.Result(piece)
		}
		cb.Finish()
	})
	deviation("linebreak.trailingData",
		"The original raises LineBreak's \"trailing data remains\" RuntimeError out of the flow: Block's trap cannot "+
			"catch it, flow.Deferred's constructor raises it, or, after a Cooperate, the reactor logs it and the "+
			"Deferred never fires. Go makes it the stage's failure: trapped by Block's trap, and an errback of flow.Deferred.",
		func(e *edge) {
			src := func() *slowlist { return newSlowlist("line\nlast", " part") }
			e.drain(e.block(flow.LineBreak(src(), flow.LineBreakOptions{Delimiter: "\n"})))
			e.drain(e.block(flow.LineBreak(src(), flow.LineBreakOptions{Delimiter: "\n"}), twisted.RuntimeError))
			e.outcome(e.deferred(flow.LineBreak(src(), flow.LineBreakOptions{Delimiter: "\n"})))
			d := e.outcome(e.deferred(flow.LineBreak(
				newSlowlist(flow.Cooperate(0), "tail"), flow.LineBreakOptions{Delimiter: "\n"})))
			e.wait(d, 0.5)
		})
	deviation("linebreak.maxlength",
		"The original accepts LineBreak's maxlength but never enforces it: a longer line is given whole. "+
			"Go fails the stage with RuntimeError(\"line length exceeds maxlength N: '<first 10 bytes>'\"), after the lines before it.",
		func(e *edge) {
			src := []any{"abc\n", "a much longer line\n", "ok\n"}
			e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n", MaxLength: 5})))
		})

	scenario("filter.none", func(e *edge) {
		src := []any{0, 1, "", "a", []any{}, []any{0}, twisted.Tuple{}, twisted.None, false, true, 0.0, " ", -1}
		e.drain(e.block(flow.Filter(nil, newSlowlist(src...))))
	})
	scenario("filter.func", func(e *edge) {
		odd := func(val any) (bool, error) {
			if val.(int)%2 != 0 {
				return flow.Truthy("yes"), nil
			}
			return flow.Truthy(twisted.None), nil
		}
		src := []any{1, 2, flow.Cooperate(0), 3, 4, 5, flow.Cooperate(0.5), 6}
		e.drain(e.block(flow.Filter(odd, newSlowlist(src...))))
		e.run(flow.Filter(odd, src))
	})
	scenario("filter.sourceFailure", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("k"), 1, 2, 3) }
		notTwo := func(x any) (bool, error) { return x != 2, nil }
		e.drain(e.block(flow.Filter(notTwo, gen())))
		e.drain(e.block(flow.Filter(notTwo, gen(), twisted.KeyError)))
	})
	deviation("filter.funcRaises",
		"The original lets an exception of Filter's function escape the flow: Block's trap cannot catch it, "+
			"flow.Deferred's constructor raises it, or, after a Cooperate, the reactor logs it and the Deferred "+
			"never fires. Go makes it the stage's failure: trapped by Block's trap, and an errback of flow.Deferred.",
		func(e *edge) {
			inv := func(x any) (bool, error) { return flow.Truthy(10 / x.(int)), nil }
			e.drain(e.block(flow.Filter(inv, newSlowlist(1, 0, 2))))
			e.drain(e.block(flow.Filter(inv, newSlowlist(1, 0, 2)), twisted.ZeroDivisionError))
			e.outcome(e.deferred(flow.Filter(inv, newSlowlist(1, 0, 2))))
			d := e.outcome(e.deferred(flow.Filter(inv, newSlowlist(flow.Cooperate(0), 0))))
			e.wait(d, 0.5)
		})
}
