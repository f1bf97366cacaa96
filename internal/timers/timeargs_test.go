package timers_test

import (
	"math"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
	"gotest.tools/v3/assert"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// panicMessage runs f and returns the AssertionError's str it panics with,
// failing unless it panics with an AssertionError.
func panicMessage(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		t.Helper()
		err, ok := recover().(*twisted.Error)
		if !ok || err.Class != twisted.AssertionError {
			t.Fatalf("panic %v, want an AssertionError", err)
		}
		msg = err.PyStr()
	}()
	f()
	t.Fatalf("no panic")
	return ""
}

const nanError = "nan is not a number of seconds"

// Issue 15, defect 6: NaN time values. Twisted 22.4 (checked live) takes
// NaN everywhere but in the reactor's callLater, and then misbehaves: a
// Clock or a call at time nan never runs anything, a LoopingCall never
// ticks, addTimeout never times out; this port spun for ever
// (LoopingCall.Start(NaN) then Clock.Advance), or ran the call at once
// (Reset, Delay, AddTimeout). Every time argument now goes through
// timers.CheckTime: the same AssertionError, and nothing changed.
func TestNaNTimeValues(t *testing.T) {
	nan := math.NaN()
	clock := reactor.NewClock()
	ran := 0
	dc := clock.CallLater(1, func() { ran++ })
	r := reactor.New()
	for _, c := range []struct {
		name string
		call func()
	}{
		{"Clock.CallLater", func() { clock.CallLater(nan, func() { ran++ }) }},
		{"DelayedCall.Reset", func() { _ = dc.Reset(nan) }},
		{"DelayedCall.Delay", func() { _ = dc.Delay(nan) }},
		{"Clock.Advance", func() { clock.Advance(nan) }},
		{"Clock.Pump", func() { clock.Pump([]float64{0.5, nan}) }},
		{"LoopingCall.Start", func() {
			lc := task.NewLoopingCall(func() (any, error) { ran++; return nil, nil })
			lc.Clock = clock
			defer func() { assert.Assert(t, !lc.Running()) }()
			lc.Start(nan, true)
		}},
		{"DeferLater", func() { task.DeferLater(clock, nan, func() (any, error) { ran++; return nil, nil }) }},
		{"Deferred.AddTimeout", func() { deferred.New().AddTimeout(nan, clock, nil) }},
		{"Reactor.Iterate", func() { r.Iterate(nan) }},
		{"Reactor.ConnectTCP", func() { r.ConnectTCP("127.0.0.1", 1, &protocol.ClientFactory{}, nan) }},
		{"flow.Cooperate", func() { flow.Cooperate(nan) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, panicMessage(t, c.call), nanError)
		})
	}
	// The reactor's CallLater keeps Twisted's own assertion.
	assert.Equal(t, panicMessage(t, func() { r.CallLater(nan, func() {}) }), "nan is not greater than or equal to 0 seconds")

	// Nothing changed: the call is still due at 1, the clock at 0.
	assert.Equal(t, clock.Seconds(), 0.0)
	assert.Equal(t, dc.GetTime(), 1.0)
	assert.Equal(t, len(clock.GetDelayedCalls()), 1)
	clock.Advance(1)
	assert.Equal(t, ran, 1)
	assert.Equal(t, len(clock.GetDelayedCalls()), 0)
}

// An amount a Clock advances by must also be finite: at an infinite time
// the clock could never come back (Twisted's stays there for ever, and a
// LoopingCall on it would reschedule itself at that time without end).
func TestInfiniteClockAdvance(t *testing.T) {
	clock := reactor.NewClock()
	ran := 0
	clock.CallLater(1, func() { ran++ })
	assert.Equal(t, panicMessage(t, func() { clock.Advance(math.Inf(1)) }), "inf is not a finite number of seconds")
	assert.Equal(t, panicMessage(t, func() { clock.Advance(math.Inf(-1)) }), "-inf is not a finite number of seconds")
	assert.Equal(t, panicMessage(t, func() { clock.Pump([]float64{1, math.Inf(1)}) }), "inf is not a finite number of seconds")
	assert.Equal(t, clock.Seconds(), 0.0)
	assert.Equal(t, ran, 0)
	// Finite amounts adding up to an infinite time.
	big := reactor.NewClock()
	big.Advance(1e308)
	assert.Equal(t, panicMessage(t, func() { big.Advance(1e308) }), "inf is not a finite number of seconds")
	assert.Equal(t, big.Seconds(), 1e308)
	// Negative amounts are Twisted's: time goes back.
	clock.Advance(-1)
	assert.Equal(t, clock.Seconds(), -1.0)
}

// Infinite delays are kept, as Twisted keeps them: +Inf is never, -Inf is
// overdue. A LoopingCall with an infinite interval calls once (now=true)
// and never again, as in Twisted 22.4.
func TestInfiniteDelays(t *testing.T) {
	inf := math.Inf(1)
	clock := reactor.NewClock()
	var order []string
	never := clock.CallLater(inf, func() { order = append(order, "never") })
	soon := clock.CallLater(5, func() { order = append(order, "reset") })
	assert.NilError(t, soon.Reset(math.Inf(-1)))
	later := clock.CallLater(1, func() { order = append(order, "delayed") })
	assert.NilError(t, later.Delay(inf))
	ticks := 0
	lc := task.NewLoopingCall(func() (any, error) { ticks++; return nil, nil })
	lc.Clock = clock
	lc.Start(inf, true)
	clock.Advance(1e300)
	assert.DeepEqual(t, order, []string{"reset"})
	assert.Equal(t, ticks, 1)
	assert.Assert(t, never.Active() && later.Active() && lc.Running())
	lc.Stop()
}
