package flow_test

import (
	"context"
	"errors"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// runReactor runs start on a new reactor as it runs, and Run to its end.
func runReactor(t *testing.T, start func(r *reactor.Reactor)) {
	t.Helper()
	r := newStopReactor()
	r.CallWhenRunning(func() { start(r) })
	runBounded(t, r)
}

// stopWith stops r once d fires, recording the result.
func stopWith(r *reactor.Reactor, d *deferred.Deferred, res *any) {
	d.AddBoth(func(v any) (any, error) {
		*res = v
		_ = r.Stop()
		return nil, nil
	})
}

func TestChanUnderBlock(t *testing.T) {
	leakcheck.Check(t)
	ch := make(chan int)
	go func() {
		for i := range 3 {
			ch <- i
		}
		close(ch)
	}()
	out, err := flow.Block(ch).List()
	assert.NilError(t, err)
	assert.Equal(t, repr(out), "[0, 1, 2]")
}

func TestChanUnderDeferred(t *testing.T) {
	leakcheck.Check(t)
	const n = 2000
	ch := make(chan string, 7)
	var res any
	runReactor(t, func(r *reactor.Reactor) {
		stopWith(r, flow.DeferredOn(r, ch), &res)
		go func() {
			for i := range n {
				ch <- strings.Repeat("x", i%5)
			}
			close(ch)
		}()
	})
	got, err := flow.ResultsOf[string](res)
	assert.NilError(t, err)
	assert.Equal(t, len(got), n)
	for i, s := range got {
		if len(s) != i%5 {
			t.Fatalf("result %d is %q: out of order", i, s)
		}
	}
}

// What is in the channel already is taken without a goroutine, under a
// Clock too; a wait there has no goroutine to come back on.
func TestChanUnderClock(t *testing.T) {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	assert.Equal(t, repr(flowtest.Result(t, flow.DeferredOn(reactor.NewClock(), ch))), "[1, 2]")

	open := make(chan int, 1)
	open <- 1
	res := flowtest.Result(t, flow.DeferredOn(reactor.NewClock(), open))
	f, ok := res.(*twisted.Failure)
	assert.Assert(t, ok && f.Check(twisted.RuntimeError) != nil, "fired with %s", repr(res))
	assert.Equal(t, len(open), 0)
}

// A channel never closed: the reactor's Stop cancels the flow, and its
// goroutine ends.
func TestChanNeverClosedStop(t *testing.T) {
	leakcheck.Check(t)
	ch := make(chan int)
	var o outcomes
	runReactor(t, func(r *reactor.Reactor) {
		d := flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			for v, err := range flow.Each(yield, ch) {
				if err != nil {
					return err
				}
				yield(v)
			}
			return nil
		}))
		o.watch(d)
		r.CallLater(0, func() { assert.NilError(t, r.Stop()) })
	})
	o.allCancelled(t, 1)
}

// Cancelled, the flow takes no more values: one sent afterwards stays in
// the channel.
func TestChanCancelTakesNoMore(t *testing.T) {
	leakcheck.Check(t)
	ch := make(chan int, 1)
	var o outcomes
	runReactor(t, func(r *reactor.Reactor) {
		d := flow.DeferredOn(r, ch)
		o.watch(d)
		r.CallLater(0, func() {
			d.Cancel()
			ch <- 5
			r.CallLater(0, func() { _ = r.Stop() })
		})
	})
	o.allCancelled(t, 1)
	assert.Equal(t, len(ch), 1)
}

func TestChanNil(t *testing.T) {
	var ch chan int
	_, err := flow.Block(ch).List()
	assert.Equal(t, twisted.ClassOf(err), twisted.ValueError)
	assert.Equal(t, twisted.NewFailure(err).Value.Error(), "A wrapper is not available for None")
	var send chan<- int = make(chan int)
	_, err = flow.Block(send).List()
	assert.Equal(t, twisted.ClassOf(err), twisted.ValueError)
}

// BlockContext's context ends the wait on a channel never closed.
func TestChanBlockContext(t *testing.T) {
	leakcheck.Check(t)
	ch := make(chan int, 1)
	ch <- 1
	ctx, cancel := context.WithCancel(context.Background())
	b := flow.BlockContext(ctx, ch)
	v, err := b.Next()
	assert.NilError(t, err)
	assert.Equal(t, v, 1)
	go cancel()
	_, err = b.Next()
	assert.ErrorIs(t, err, context.Canceled)
}

func TestReaderLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\nb\nc", "['a\\n', 'b\\n', 'c']"},
		{"a\n\nb\n", "['a\\n', '\\n', 'b\\n']"},
		{"", "[]"},
		{"\n", "['\\n']"},
	} {
		for name, r := range map[string]io.Reader{
			"whole":    strings.NewReader(c.in),
			"one byte": iotest.OneByteReader(strings.NewReader(c.in)),
		} {
			out, err := flow.Block(r).List()
			assert.NilError(t, err)
			assert.Equal(t, repr(out), c.want, "%q, %s", c.in, name)
		}
	}
}

// An error after part of a line: the part, then the error.
func TestReaderErrorMidLine(t *testing.T) {
	r := io.MultiReader(strings.NewReader("x\nab"), iotest.ErrReader(twisted.IOError.New("disk")))
	out, err := flow.Block(r).List()
	assert.Equal(t, repr(out), "['x\\n', 'ab']")
	assert.Equal(t, twisted.ClassOf(err), twisted.IOError)

	r = io.MultiReader(strings.NewReader("x\nab"), iotest.ErrReader(twisted.IOError.New("disk")))
	out, err = flow.Block(r, twisted.IOError).List()
	assert.NilError(t, err)
	assert.Equal(t, repr(out), "['x\\n', 'ab', <type 'exceptions.IOError'>]")
}

type panickyReader struct{}

func (panickyReader) Read([]byte) (int, error) { panic(twisted.KeyError.New("k")) }

func TestReaderPanics(t *testing.T) {
	leakcheck.Check(t)
	_, err := flow.Block(panickyReader{}).List()
	assert.Equal(t, twisted.ClassOf(err), twisted.KeyError)
	var res any
	runReactor(t, func(r *reactor.Reactor) { stopWith(r, flow.DeferredOn(r, panickyReader{}), &res) })
	f, ok := res.(*twisted.Failure)
	assert.Assert(t, ok && f.Check(twisted.KeyError) != nil, "fired with %s", repr(res))
}

// Lines written to a pipe in pieces arrive under flow.Deferred while the
// reactor goes on.
func TestReaderUnderDeferred(t *testing.T) {
	leakcheck.Check(t)
	pr, pw := io.Pipe()
	var res any
	runReactor(t, func(r *reactor.Reactor) {
		stopWith(r, flow.DeferredOn(r, pr), &res)
		go func() {
			for _, s := range []string{"one\ntw", "o\n", "three"} {
				_, _ = pw.Write([]byte(s))
			}
			pw.Close()
		}()
	})
	assert.Equal(t, repr(res), "['one\\n', 'two\\n', 'three']")
}

// A reader that blocks forever and is an io.Closer: cancelling the flow
// closes it, and the stage's goroutine ends.
func TestReaderBlockedCancel(t *testing.T) {
	leakcheck.Check(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	var o outcomes
	runReactor(t, func(r *reactor.Reactor) {
		d := flow.DeferredOn(r, pr)
		o.watch(d)
		r.CallLater(0, func() {
			d.Cancel()
			_ = r.Stop()
		})
	})
	o.allCancelled(t, 1)
	_, err := pw.Write([]byte("x"))
	assert.ErrorIs(t, err, io.ErrClosedPipe) // the reader was closed
}

// The same reader, left running when the reactor stops: its shutdown
// closes the flow and the reader.
func TestReaderBlockedStop(t *testing.T) {
	leakcheck.Check(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	var o outcomes
	runReactor(t, func(r *reactor.Reactor) {
		o.watch(flow.DeferredOn(r, pr))
		r.CallLater(0, func() { _ = r.Stop() })
	})
	o.allCancelled(t, 1)
	_, err := pw.Write([]byte("x"))
	assert.ErrorIs(t, err, io.ErrClosedPipe)
}

// A reader that cannot be interrupted (no io.Closer): the flow is
// cancelled at once, without blocking the reactor; the stage's goroutine
// stays in Read until it returns, and what it read is dropped.
func TestReaderUninterruptible(t *testing.T) {
	leakcheck.Check(t)
	pr, pw := io.Pipe()
	var o outcomes
	runReactor(t, func(r *reactor.Reactor) {
		d := flow.DeferredOn(r, struct{ io.Reader }{pr})
		o.watch(d)
		r.CallLater(0, func() {
			d.Cancel()
			_ = r.Stop()
		})
	})
	o.allCancelled(t, 1)
	// The Read under way (if the goroutine had reached it) returns once
	// the writer closes: the goroutine then ends.
	pw.Close()
}

// A reader whose Read fails at once under flow.Deferred.
func TestReaderFailsUnderDeferred(t *testing.T) {
	leakcheck.Check(t)
	var res any
	runReactor(t, func(r *reactor.Reactor) {
		stopWith(r, flow.DeferredOn(r, iotest.ErrReader(errors.New("broken"))), &res)
	})
	_, ok := res.(*twisted.Failure)
	assert.Assert(t, ok, "fired with %s", repr(res))
}

// Block waits for one source at a time: a channel among a Merge's
// branches is Unsupported there; under flow.Deferred it is waited for.
func TestChanInMerge(t *testing.T) {
	leakcheck.Check(t)
	ch := make(chan int)
	_, err := flow.Block(flow.Merge(ch, []any{1})).List()
	assert.Equal(t, twisted.ClassOf(err), flow.Unsupported)

	ch = make(chan int)
	var res any
	runReactor(t, func(r *reactor.Reactor) {
		stopWith(r, flow.DeferredOn(r, flow.Merge(ch, []any{"a"})), &res)
		go func() {
			ch <- 7
			close(ch)
		}()
	})
	got, err := flow.ResultsOf[any](res)
	assert.NilError(t, err)
	assert.Equal(t, len(got), 2, "results %s", repr(res))
}
