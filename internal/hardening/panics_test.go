package hardening

import (
	"bytes"
	"log/slog"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// boom is what every user function below panics with.
var boom = twisted.KeyError.New("boom")

// panicIf panics with boom if method is panicIn, the one method of a
// test's user type that is to panic; each method of such a type calls it
// with its own name first.
func panicIf(panicIn, method string) {
	if panicIn == method {
		panic(boom)
	}
}

// failureOf returns the failure a fired Deferred holds, consuming it.
func failureOf(t *testing.T, d *deferred.Deferred) *twisted.Failure {
	t.Helper()
	assert.Assert(t, d.Called(), "the Deferred never fired")
	var got *twisted.Failure
	d.AddErrback(func(f *twisted.Failure) (any, error) { got = f; return nil, nil })
	assert.Assert(t, got != nil, "the Deferred fired with %s, not a failure", twisted.Repr(d.Result()))
	return got
}

// assertBoom checks that f is the failure of the panic, KeyError('boom').
func assertBoom(t *testing.T, f *twisted.Failure) {
	t.Helper()
	assert.Equal(t, f.Type, twisted.KeyError)
	assert.Equal(t, f.GetErrorMessage(), "'boom'")
}

// iteratorFunc is a Go iterator type with a Next method.
type iteratorFunc func() (any, error)

func (f iteratorFunc) Next() (any, error) { return f() }

func TestPanicInDeferredCallbacks(t *testing.T) {
	t.Run("callback", func(t *testing.T) {
		d := deferred.New()
		d.AddCallback(func(any) (any, error) { panic(boom) })
		d.Callback(1)
		assertBoom(t, failureOf(t, d))
	})
	t.Run("errback", func(t *testing.T) {
		d := deferred.New()
		d.AddErrback(func(*twisted.Failure) (any, error) { panic(boom) })
		d.Errback(twisted.ValueError.New("first"))
		assertBoom(t, failureOf(t, d))
	})
	t.Run("runtime error in a callback", func(t *testing.T) {
		d := deferred.New()
		zero := 0
		d.AddCallback(func(v any) (any, error) { return v.(int) / zero, nil })
		d.Callback(1)
		assert.Equal(t, failureOf(t, d).Type, twisted.ZeroDivisionError)
	})
	t.Run("InlineCallbacks body", func(t *testing.T) {
		d := deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
			if _, err := await(deferred.Succeed(1)); err != nil {
				return nil, err
			}
			panic(boom)
		})
		assertBoom(t, failureOf(t, d))
	})
	t.Run("MaybeDeferred", func(t *testing.T) {
		assertBoom(t, failureOf(t, deferred.MaybeDeferred(func() (any, error) { panic(boom) })))
	})
}

func TestPanicInFlowFunctions(t *testing.T) {
	cases := map[string]func() any{
		"generator body": func() any {
			return flow.Generator(func(yield func(any) bool) error {
				yield(1)
				panic(boom)
			})
		},
		"iterator Next": func() any {
			n := 0
			return iteratorFunc(func() (any, error) {
				n++
				if n > 1 {
					panic(boom)
				}
				return n, nil
			})
		},
		"Map function": func() any {
			return flow.Map(func(args ...any) (any, error) {
				if args[0].(int) > 1 {
					panic(boom)
				}
				return args[0], nil
			}, []any{1, 2})
		},
		"Filter function": func() any {
			return flow.Filter(func(v any) (bool, error) {
				if v.(int) > 1 {
					panic(boom)
				}
				return true, nil
			}, []any{1, 2})
		},
	}
	for name, source := range cases {
		t.Run(name+" under Block", func(t *testing.T) {
			blk := flow.Block(source())
			v, err := blk.Next()
			assert.NilError(t, err)
			assert.Equal(t, v, 1, "the result before the panic is delivered")
			_, err = blk.Next()
			assertBoom(t, twisted.NewFailure(err))
		})
		t.Run(name+" under Deferred", func(t *testing.T) {
			clock := reactor.NewClock()
			d := flow.DeferredOn(clock, source())
			clock.Advance(0)
			assertBoom(t, failureOf(t, d))
		})
	}
}

func TestPanicInThreadedSource(t *testing.T) {
	r := reactor.New()
	source := iteratorFunc(func() (any, error) { panic(boom) })
	var got *twisted.Failure
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, flow.ThreadedOn(r, source))
		d.AddErrback(func(f *twisted.Failure) (any, error) { got = f; return nil, nil })
		d.AddBoth(func(any) (any, error) { return nil, r.Stop() })
	})
	assert.NilError(t, r.Run())
	assert.Assert(t, got != nil)
	assertBoom(t, got)
}

func TestPanicInScheduledCallsIsLoggedAndTheLoopGoesOn(t *testing.T) {
	var log bytes.Buffer
	r := reactor.New()
	r.Logger = slog.New(slog.NewTextHandler(&log, nil))
	ran := false
	r.CallLater(0, func() { panic(boom) })
	r.CallLater(0, func() { ran = true })
	r.CallLater(0.001, func() { _ = r.Stop() })
	r.CallFromThread(func() { panic(boom) })
	assert.NilError(t, r.Run())
	assert.Assert(t, ran, "the call after the panicking one ran")
	assert.Assert(t, is.Contains(log.String(), "Unhandled Error"))
	assert.Equal(t, bytes.Count(log.Bytes(), []byte("Unhandled Error")), 2)
}

func TestPanicInTaskFunctions(t *testing.T) {
	t.Run("LoopingCall", func(t *testing.T) {
		clock := task.NewClock()
		calls := 0
		lc := task.NewLoopingCall(func() (any, error) {
			calls++
			if calls == 2 {
				panic(boom)
			}
			return nil, nil
		})
		lc.Clock = clock
		d := lc.Start(1, true)
		clock.Advance(1)
		assertBoom(t, failureOf(t, d))
		assert.Assert(t, !lc.Running(), "the loop stops")
		clock.Advance(5)
		assert.Equal(t, calls, 2)
	})
	t.Run("DeferLater", func(t *testing.T) {
		clock := task.NewClock()
		d := task.DeferLater(clock, 1, func() (any, error) { panic(boom) })
		clock.Advance(1)
		assertBoom(t, failureOf(t, d))
	})
	t.Run("Cooperator iterator", func(t *testing.T) {
		var steps []func()
		c := task.NewCooperator(task.WithScheduler(func(step func()) task.Cancellable {
			steps = append(steps, step)
			return nil
		}))
		d := c.Coiterate(task.IteratorFunc(func() (any, error) { panic(boom) }))
		for len(steps) > 0 && !d.Called() {
			step := steps[0]
			steps = steps[1:]
			step()
		}
		assertBoom(t, failureOf(t, d))
	})
}

// A canceller that raises: Twisted's cancel() does not catch it, so the
// exception reaches cancel's caller, and the Deferred is left uncalled.
func TestPanicInCancellerReachesTheCaller(t *testing.T) {
	d := deferred.NewWithCanceller(func(*deferred.Deferred) { panic(boom) })
	func() {
		defer func() {
			v := recover()
			assert.Assert(t, v != nil, "Cancel swallowed the canceller's panic")
			assertBoom(t, twisted.FailureFromPanic(v))
		}()
		d.Cancel()
	}()
	assert.Assert(t, !d.Called())
}
