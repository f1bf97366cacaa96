package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
	deviation("linebreak.splitDelimiter",
		"The original's LineBreak looks for the delimiter within each block only: a delimiter cut by the end of "+
			"a block is not seen, and ends up inside a line (over TCP, a line protocol loses a line boundary "+
			"whenever a segment ends inside it). Go gives the lines of the whole stream, however it is cut.",
		func(e *edge) {
			src := []any{"ab\r", "\ncd\r\n", "ef\r\n"}
			e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{})))
			src = []any{"one\r", "", "\ntwo|", "|three||", "|"}
			e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "||", Trailer: true})))
		})
	scenario("linebreak.negativeMaxlength", func(e *edge) {
		src := []any{"\n", "a line longer than any limit\n", "x\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n", MaxLength: -1})))
	})
	scenario("linebreak.acrossChunks", func(e *edge) {
		src := []any{"a", "b", flow.Cooperate(0), "c\nd\ne", "\n", "f\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n"})))
	})
	deviation("linebreak.customDelimiter",
		"A multi-character delimiter, one of them cut by the end of a block: the original's LineBreak does not see "+
			"it, and gives 'two||three' as one line; Go gives the lines of the whole stream (see linebreak.splitDelimiter).",
		func(e *edge) {
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
	scenario("linebreak.nonString", func(e *edge) {
		src := []any{12, "\n", 3.5, "\n", []any{"x"}, "\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n"})))
	})
	scenario("linebreak.sourceFailure", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("k"), "a\nb", "c\nd") }
		e.drain(e.block(flow.LineBreak(gen(), flow.LineBreakOptions{Delimiter: "\n"})))
		e.drain(e.block(flow.LineBreak(gen(), flow.LineBreakOptions{Delimiter: "\n"}, twisted.KeyError)))
	})
}
