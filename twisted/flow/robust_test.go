package flow_test

import (
	"bytes"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"log/slog"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// badClose is a user stage that ends at once and whose Close panics.
type badClose struct {
	flow.Base
	closed int
}

func (b *badClose) Yield() flow.Instruction {
	b.Stop = true
	return nil
}

func (b *badClose) Close() {
	b.closed++
	panic("close boom")
}

// assertCloseBoom checks that err is the failure of badClose's panic.
func assertCloseBoom(t *testing.T, err error) {
	t.Helper()
	assert.Assert(t, err != nil, "the close panic was lost")
	f := twisted.NewFailure(err)
	assert.Equal(t, f.Type, twisted.Exception)
	assert.Equal(t, f.GetErrorMessage(), "close boom")
}

// deferredFailure returns the failure d fired with, consuming it.
func deferredFailure(t *testing.T, d *deferred.Deferred) *twisted.Failure {
	t.Helper()
	assert.Assert(t, d.Called(), "the Deferred never fired")
	var got *twisted.Failure
	d.AddErrback(func(f *twisted.Failure) (any, error) { got = f; return nil, nil })
	assert.Assert(t, got != nil, "the Deferred fired with %s, not a failure", twisted.Repr(d.Result()))
	return got
}

// Defect 1 of issue 15: a user stage whose Close panics. The close panic
// is a Failure: flow.Deferred errbacks with it, Block returns it, a flow
// protocol closes its connection and logs it (a web page ends: package
// web's TestStageClosePanicsInPage); a stage held beside it is still
// closed.
func TestDefect1StageClosePanics(t *testing.T) {
	t.Run("Deferred", func(t *testing.T) {
		clock := reactor.NewClock()
		s := &badClose{}
		d := flow.DeferredOn(clock, s)
		assertCloseBoom(t, deferredFailure(t, d))
		assert.Equal(t, s.closed, 1)
		noCallsLeft(t, clock)
	})
	t.Run("Deferred, a generator holding it", func(t *testing.T) {
		clock := reactor.NewClock()
		genClosed := false
		other := flow.Wrap(flow.Generator(func(yield func(any) bool) error {
			defer func() { genClosed = true }()
			_ = yield(1) && yield(2)
			return nil
		}))
		d := flow.DeferredOn(clock, flow.Generator(func(yield func(any) bool) error {
			_ = yield(&badClose{}) && yield(other) && yield(flow.Cooperate(0)) && yield("x")
			return nil
		}))
		clock.Advance(0)
		assertCloseBoom(t, deferredFailure(t, d))
		assert.Assert(t, genClosed, "the other held stage was not closed")
	})
	t.Run("Block List", func(t *testing.T) {
		out, err := flow.Block(&badClose{}).List()
		assertCloseBoom(t, err)
		assert.Equal(t, len(out), 0)
	})
	t.Run("Block Next", func(t *testing.T) {
		s := &badClose{}
		s.Results = []any{1}
		b := flow.Block(s)
		v, err := b.Next()
		assert.NilError(t, err)
		assert.Equal(t, v, 1)
		_, err = b.Next()
		assertCloseBoom(t, err)
		_, err = b.Next()
		assert.Assert(t, twisted.ClassOf(err).IsSubclass(twisted.StopIteration), "%v", err)
		assert.Equal(t, s.closed, 1)
	})
	t.Run("Block All left early", func(t *testing.T) {
		var log bytes.Buffer
		defer slog.SetDefault(slog.Default())
		slog.SetDefault(slog.New(slog.NewTextHandler(&log, nil)))
		s := &badClose{}
		s.Results = []any{1, 2}
		var got []any
		for v, err := range flow.Block(s).All() {
			if err != nil {
				assertCloseBoom(t, err)
				break
			}
			got = append(got, v)
			break
		}
		assert.DeepEqual(t, got, []any{1})
		assert.Equal(t, s.closed, 1)
		assert.Assert(t, is.Contains(log.String(), "Unhandled Error"), "the close panic was lost")
		assert.Assert(t, is.Contains(log.String(), "close boom"))
	})
	t.Run("Block All, a generator holding it", func(t *testing.T) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield(1) && yield(&badClose{}) && yield(2)
				return nil
			}
		}
		var got []any
		var last error
		for v, err := range flow.Block(flow.Map(nil, gen())).All() { // push mode
			if err != nil {
				last = err
				break
			}
			got = append(got, v)
		}
		assert.Equal(t, repr(got), "[(1,), (2,)]")
		assertCloseBoom(t, last)
		out, err := flow.Block(gen()).List()
		assert.Equal(t, repr(out), "[1, 2]")
		assertCloseBoom(t, err)
	})
	t.Run("a generator failing on close", func(t *testing.T) {
		r, log := protoLog()
		d := flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			defer func() { panic("close boom") }()
			_ = yield(flow.Cooperate(1)) && yield(1)
			return nil
		}))
		d.Cancel()
		assert.Equal(t, deferredFailure(t, d).Type, deferred.CancelledError)
		assert.Assert(t, is.Contains(log.String(), "close boom"), "the close panic was lost")

		// Returning an error once yield has said false raises it, as
		// Python's close raises what the generator raises on
		// GeneratorExit.
		s := flow.Wrap(flow.Generator(func(yield func(any) bool) error {
			if !yield(1) {
				return twisted.KeyError.New("on the way out")
			}
			return nil
		}))
		_, err := flow.Block(flow.Generator(func(yield func(any) bool) error {
			_ = yield(s) && yield(flow.Wrap([]any{2}))
			return nil
		})).List()
		assert.Equal(t, twisted.ClassOf(err), twisted.KeyError, "%v", err)
	})
	t.Run("Deferred cancelled", func(t *testing.T) {
		r, log := protoLog()
		d := flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			_ = yield(&badClose{}) && yield(flow.Cooperate(1)) && yield(1)
			return nil
		}))
		d.Cancel()
		assert.Equal(t, deferredFailure(t, d).Type, deferred.CancelledError)
		assert.Assert(t, is.Contains(log.String(), "close boom"), "the close panic was lost")
		for _, c := range r.GetDelayedCalls() {
			assert.Assert(t, !c.Active(), "a wake-up left pending")
		}
	})
	t.Run("Protocol", func(t *testing.T) {
		r, log := protoLog()
		p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) any { return &badClose{} })()
		tr := connect(p)
		assert.Assert(t, tr.lost, "the connection is left open")
		assert.Assert(t, is.Contains(log.String(), "close boom"))
		assert.Equal(t, strings.Count(log.String(), "Unhandled Error"), 1)
	})
	t.Run("Protocol failing", func(t *testing.T) {
		r, log := protoLog()
		p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				if !yield(&badClose{}) {
					return nil
				}
				return twisted.ValueError.New("flow failed")
			}
		})()
		tr := connect(p)
		assert.Assert(t, tr.lost, "the connection is left open")
		assert.Assert(t, is.Contains(log.String(), "flow failed"))
		assert.Assert(t, is.Contains(log.String(), "close boom"))
		assert.Equal(t, strings.Count(log.String(), "Unhandled Error"), 2)
	})
}

// Defect 4 of issue 15: a generator resumed from inside itself (it pushes
// into the Callback it is consuming, which runs the flow again, inside
// it). The original's inner run meets Python's ValueError "generator
// already executing", which the trap catches: the Deferred fires with
// [ValueError] (testdata of flow edges/gen.resumedFromInside).
func TestDefect4GeneratorResumedFromInside(t *testing.T) {
	gen := func(cb *flow.CallbackStage, held ...flow.Stage) flow.Generator {
		return func(yield func(any) bool) error {
			for _, s := range held {
				if !yield(s) {
					return nil
				}
			}
			if !yield(cb) {
				return nil
			}
			cb.Result(2)
			yield("after")
			return nil
		}
	}
	t.Run("trapped", func(t *testing.T) {
		clock := reactor.NewClock()
		cb := flow.Callback()
		d := flow.DeferredOn(clock, gen(cb), twisted.ValueError)
		cb.Result(1)
		assert.Assert(t, d.Called())
		assert.Equal(t, repr(d.Result()), "[<type 'exceptions.ValueError'>]")
		noCallsLeft(t, clock)
	})
	t.Run("not trapped", func(t *testing.T) {
		clock := reactor.NewClock()
		cb := flow.Callback()
		d := flow.DeferredOn(clock, gen(cb))
		cb.Result(1)
		f := deferredFailure(t, d)
		assert.Equal(t, f.Type, twisted.ValueError)
		assert.Equal(t, f.GetErrorMessage(), "generator already executing")
	})
	// Block(s).Next() inside s's own generator: the inner Next fails with
	// the ValueError, which stops s; the generator raises it, but the
	// outer Block finds s stopped. The original gives [] too.
	t.Run("Block", func(t *testing.T) {
		var s flow.Stage
		var inner error
		s = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
			_, inner = flow.Block(s).Next()
			return inner
		}))
		out, err := flow.Block(s).List()
		assert.NilError(t, err)
		assert.Equal(t, len(out), 0)
		assert.Equal(t, twisted.ClassOf(inner), twisted.ValueError, "%v", inner)
	})
	// The flow ends inside the inner run, while the outer one is still in
	// the generator: it is closed once that returns, and a panic in closing
	// it, the Deferred having fired, is logged as an unhandled error.
	t.Run("closing fails after", func(t *testing.T) {
		r, log := protoLog()
		cb := flow.Callback()
		bc := &badClose{}
		d := flow.DeferredOn(r, gen(cb, bc), twisted.ValueError)
		cb.Result(1)
		assert.Equal(t, repr(d.Result()), "[<type 'exceptions.ValueError'>]")
		assert.Equal(t, bc.closed, 1)
		assert.Assert(t, is.Contains(log.String(), "close boom"), "the close panic was lost")
	})
}

// selfish is a user stage that consumes the stage in inner, which can be
// set after it is made: a cycle through a stage of the user's own.
type selfish struct {
	flow.Base
	inner flow.Stage
}

func (s *selfish) Close() { s.inner.Close() }

func (s *selfish) Yield() flow.Instruction {
	inst := s.inner.Yield()
	st := s.inner.State()
	s.Results, st.Results = append(s.Results, st.Results...), nil
	s.Stop, s.Failure = st.Stop, st.Failure
	return inst
}

// cycleCases are flows in which a stage is yielded from inside itself,
// through every kind of stage that runs the Yield of another: each
// returns the flow and whether its generators were closed.
func cycleCases() map[string]func() (flow.Stage, func() bool) {
	// selfGen returns a generator's stage that yields what around makes
	// of the stage itself; closed tells whether the generator was closed.
	selfGen := func(around func(self flow.Stage) any) (flow.Stage, func() bool) {
		closed := false
		var st flow.Stage
		st = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
			defer func() { closed = true }()
			_ = yield("before") && yield(around(st)) && yield("after")
			return nil
		}))
		return st, func() bool { return closed }
	}
	id := func(args ...any) (any, error) { return args[0], nil }
	keep := func(any) (bool, error) { return true, nil }
	return map[string]func() (flow.Stage, func() bool){
		"itself": func() (flow.Stage, func() bool) {
			return selfGen(func(self flow.Stage) any { return self })
		},
		"a yields b yields a": func() (flow.Stage, func() bool) {
			var b flow.Stage
			a, closed := selfGen(func(flow.Stage) any { return b })
			b = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
				yield(a)
				return nil
			}))
			return a, closed
		},
		"an iterator": func() (flow.Stage, func() bool) {
			var st flow.Stage
			n := 0
			st = flow.Wrap(iteratorOf(func() (any, error) {
				if n++; n == 2 {
					return st, nil
				}
				return "one", nil
			}))
			return st, func() bool { return true }
		},
		"Map": func() (flow.Stage, func() bool) { return selfGen(func(s flow.Stage) any { return flow.Map(id, s) }) },
		"Zip": func() (flow.Stage, func() bool) {
			return selfGen(func(s flow.Stage) any { return flow.Zip([]any{1}, s) })
		},
		"Filter": func() (flow.Stage, func() bool) {
			return selfGen(func(s flow.Stage) any { return flow.Filter(keep, s) })
		},
		"LineBreak": func() (flow.Stage, func() bool) {
			return selfGen(func(s flow.Stage) any { return flow.LineBreak(s, flow.LineBreakOptions{}) })
		},
		"Merge": func() (flow.Stage, func() bool) {
			return selfGen(func(s flow.Stage) any { return flow.Merge(s, []any{1}) })
		},
		"Concurrent": func() (flow.Stage, func() bool) { return selfGen(func(s flow.Stage) any { return flow.Concurrent(s) }) },
		"Block":      func() (flow.Stage, func() bool) { return selfGen(func(s flow.Stage) any { return flow.Block(s) }) },
		"a stage of the user's own": func() (flow.Stage, func() bool) {
			u := &selfish{}
			u.inner = flow.Map(id, u)
			return u, func() bool { return true }
		},
		"a Block of a stage of the user's own": func() (flow.Stage, func() bool) {
			u := &selfish{}
			u.inner = flow.Block(u)
			return u, func() bool { return true }
		},
	}
}

// iteratorOf is an Iterator whose Next is f.
type iteratorOf func() (any, error)

func (f iteratorOf) Next() (any, error) { return f() }

// assertCycle checks that err is the RecursionError of a cycle of stages.
func assertCycle(t *testing.T, err error) {
	t.Helper()
	assert.Assert(t, err != nil, "no failure")
	f := twisted.NewFailure(err)
	assert.Equal(t, f.Type, twisted.RecursionError, "%v", err)
	assert.Assert(t, f.Check(twisted.RuntimeError) != nil, "a RecursionError is a RuntimeError")
	assert.Assert(t, is.Contains(f.GetErrorMessage(), "maximum recursion depth exceeded: a cycle of stages, "))
}

// Defect 2 of issue 15: a generator that yields its own stage overflowed
// the stack (a fatal error) under flow.Deferred and Block. Every path on
// which a stage runs another's Yield, given a cycle, fails the flow with
// a RecursionError (the original raises RuntimeError 'maximum recursion
// depth exceeded' out of the flow), and the process goes on.
func TestDefect2GeneratorYieldsItsOwnStage(t *testing.T) {
	for name, make := range cycleCases() {
		t.Run(name+" under Block.Next", func(t *testing.T) {
			st, closed := make()
			b := flow.Block(st)
			var err error
			for err == nil {
				_, err = b.Next()
			}
			assertCycle(t, err)
			assert.Assert(t, closed(), "the generator was not closed")
		})
		t.Run(name+" under Block.List", func(t *testing.T) {
			st, closed := make()
			_, err := flow.Block(st).List()
			assertCycle(t, err)
			assert.Assert(t, closed(), "the generator was not closed")
		})
		t.Run(name+" under Block.All of a Map", func(t *testing.T) {
			st, closed := make()
			_, err := flow.Block(flow.Map(nil, st)).List() // push mode where it applies
			assertCycle(t, err)
			assert.Assert(t, closed(), "the generator was not closed")
		})
		t.Run(name+" under Deferred", func(t *testing.T) {
			clock := reactor.NewClock()
			st, closed := make()
			d := flow.DeferredOn(clock, st)
			assertCycle(t, deferredFailure(t, d))
			assert.Assert(t, closed(), "the generator was not closed")
		})
		t.Run(name+" under a Protocol", func(t *testing.T) {
			r, log := protoLog()
			st, closed := make()
			p := flow.MakeProtocolOn(r, func(*flow.Protocol) any { return st })()
			tr := connect(p)
			assert.Assert(t, tr.lost, "the connection is left open")
			assert.Assert(t, is.Contains(log.String(), "RecursionError"))
			assert.Assert(t, closed(), "the generator was not closed")
		})
	}
}

// The failure names the stages of the cycle.
func TestYieldCycleNamesTheCycle(t *testing.T) {
	var a, b flow.Stage
	a = flow.Wrap(flow.Generator(func(yield func(any) bool) error { yield(b); return nil }))
	b = flow.Wrap(flow.Generator(func(yield func(any) bool) error { yield(a); return nil }))
	_, err := flow.Block(a).Next()
	msg := twisted.NewFailure(err).GetErrorMessage()
	want := "maximum recursion depth exceeded: a cycle of stages, " +
		repr(a) + " yields " + repr(b) + " yields " + repr(a)
	assert.Equal(t, msg, want)
	assert.Assert(t, strings.HasPrefix(repr(a), "<twisted.flow.wrap._Iterable instance at 0x"))
}

// Defect 5 of issue 15: a delimiter cut by the end of a block was lost
// (["one\r", "\ntwo\r\n"] gave ['one\r\ntwo'], as in the original): the
// lines are those of the whole stream, however it is cut (a recorded
// deviation, flow edges/linebreak.splitDelimiter).
func TestDefect5LineBreakDelimiterCutAcrossBlocks(t *testing.T) {
	out, err := flow.Block(flow.LineBreak([]any{"one\r", "\ntwo\r\n"}, flow.LineBreakOptions{})).List()
	assert.NilError(t, err)
	assert.Equal(t, repr(out), "['one', 'two']")

	// A line protocol whose peer writes "one\r", pauses, then "\ntwo\r\n".
	r, log := protoLog()
	var lines []any
	p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			in := flow.LineBreak(conn, flow.LineBreakOptions{})
			for {
				if !yield(in) {
					return nil
				}
				line, err := in.Next()
				if err != nil {
					return err
				}
				lines = append(lines, line)
			}
		}
	})()
	connect(p)
	p.DataReceived([]byte("one\r"))
	p.DataReceived([]byte("\ntwo\r\n"))
	p.ConnectionLost(reactor.ConnectionDoneFailure())
	assert.Equal(t, repr(lines), "['one', 'two']")
	assert.Equal(t, log.String(), "")
}

// Defect 8 of issue 15: LineBreakOptions{MaxLength: -1} failed on the
// first line, even an empty one. A negative MaxLength is no limit, as -1
// is in Python's read(-1) (the original never enforced maxlength).
func TestDefect8LineBreakNegativeMaxLength(t *testing.T) {
	long := strings.Repeat("x", 20000)
	out, err := flow.Block(flow.LineBreak([]any{"\n", long, "\nend"}, flow.LineBreakOptions{
		Delimiter: "\n", MaxLength: -1, Trailer: true})).List()
	assert.NilError(t, err)
	assert.DeepEqual(t, out, []any{"", long, "end"})
	_, err = flow.Block(flow.LineBreak([]any{long + "\n"}, flow.LineBreakOptions{Delimiter: "\n"})).List()
	assert.ErrorContains(t, err, "line length exceeds maxlength 16384", "0 is still the default")
}

// chunkSource is a chunked source whose chunks are given.
type chunkSource struct{ chunks []any }

func (c *chunkSource) Next() (any, error) {
	if len(c.chunks) == 0 {
		return nil, twisted.StopIteration.New()
	}
	v := c.chunks[0]
	c.chunks = c.chunks[1:]
	return v, nil
}

func (*chunkSource) Chunked() bool { return true }

// Defect 9 of issue 15: Threaded over a string failed ("'abc' object is
// not iterable", naming the value), where Python iterates its characters;
// a chunk "ab" of a chunked source gave ['ab'], Python ['a', 'b']. Python
// iterates, and names the type in its TypeError (from the 2009 Python:
// testdata of flow edges/threaded.strings and threaded.notIterable).
func TestDefect9ThreadedOverAString(t *testing.T) {
	run := func(source any) *deferred.Deferred {
		th := flowtest.NewThreads()
		d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, source))
		th.RunUntil(d)
		return d
	}
	for source, want := range map[any]string{
		"abc":                          "['a', 'b', 'c']",
		"h\u00e9\xff!":                 `['h', '\xc3\xa9', '\xff', '!']`,
		&chunkSource{[]any{"ab", "c"}}: "['a', 'b', 'c']",
		&chunkSource{[]any{[]byte("xy"), []any{1, 2}}}: "['x', 'y', 1, 2]",
	} {
		assert.Equal(t, repr(run(source).Result()), want, "%v", source)
	}
	type mine struct{}
	for source, want := range map[any]string{
		5:                        "'int' object is not iterable",
		3.5:                      "'float' object is not iterable",
		nil:                      "'NoneType' object is not iterable",
		(*chunkSource)(nil):      "'NoneType' object is not iterable",
		mine{}:                   "'mine' object is not iterable",
		&chunkSource{[]any{5}}:   "'int' object is not iterable",
		&chunkSource{[]any{nil}}: "'NoneType' object is not iterable",
	} {
		f := deferredFailure(t, run(source))
		assert.Equal(t, f.Type, twisted.TypeError)
		assert.Equal(t, f.GetErrorMessage(), want)
	}
}
