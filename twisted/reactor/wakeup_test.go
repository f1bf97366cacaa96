package reactor

import (
	"testing"
	"testing/synctest"
	"time"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// wakeOps are the changes another goroutine makes that must end the
// loop's wait for a call an hour away (far): each makes the reactor stop
// now, one way or another.
var wakeOps = []struct {
	name string
	op   func(r *Reactor, far *DelayedCall)
}{
	{"CallLater", func(r *Reactor, far *DelayedCall) { r.CallLater(0, func() { _ = r.Stop() }) }},
	{"Reset", func(r *Reactor, far *DelayedCall) { _ = far.Reset(0) }},
	{"Delay", func(r *Reactor, far *DelayedCall) { _ = far.Delay(-3600) }},
	{"CancelThenCallLater", func(r *Reactor, far *DelayedCall) {
		_ = far.Cancel() // leaves a stale entry at the top of the heap
		r.CallLater(1, func() { _ = r.Stop() })
	}},
	{"CallFromThread", func(r *Reactor, far *DelayedCall) { r.CallFromThread(func() { _ = r.Stop() }) }},
	{"Stop", func(r *Reactor, far *DelayedCall) { _ = r.Stop() }},
}

// runBubbled runs a reactor in a synctest bubble, whose clock moves only
// when every goroutine in it is blocked: a wake-up that is lost leaves
// the loop asleep until the hour is up, which shows as the time Run took.
// setup gets the reactor and its call an hour away (which stops it).
func runBubbled(t *testing.T, setup func(r *Reactor, far *DelayedCall)) (took time.Duration) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		r := New()
		r.NoSignalHandlers = true
		far := r.CallLater(3600, func() { _ = r.Stop() })
		setup(r, far)
		start := time.Now()
		if err := r.Run(); err != nil {
			t.Errorf("Run() = %v", err)
		}
		took = time.Since(start)
	})
	return took
}

// checkOnTime fails t unless Run took at most want (a second's grace for
// the CancelThenCallLater op's one-second call), not the hour.
func checkOnTime(t *testing.T, took time.Duration) {
	t.Helper()
	if took > time.Second {
		t.Errorf("Run took %v of the bubble's clock: a wake-up was lost", took)
	}
}

// A change of the queue from another goroutine, at each point of the
// loop's iteration it can be forced to, ends the wait the loop computes,
// in a synctest bubble (so the reactor's clock is deterministic and a lost
// wake-up is a failure, not a hang).
func TestNoLostWakeUp(t *testing.T) {
	for _, o := range wakeOps {
		t.Run(o.name, func(t *testing.T) {
			t.Run("WhileWaiting", func(t *testing.T) {
				// The loop is blocked in its wait for the hour.
				checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
					go func() {
						synctest.Wait()
						o.op(r, far)
					}()
				}))
			})
			t.Run("DuringCall", func(t *testing.T) {
				// The loop runs a call: the change sends no wake-up.
				checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
					r.CallLater(0, func() { inOtherGoroutine(func() { o.op(r, far) }) })
				}))
			})
			t.Run("DuringThreadCall", func(t *testing.T) {
				checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
					r.CallFromThread(func() { inOtherGoroutine(func() { o.op(r, far) }) })
				}))
			})
			t.Run("DuringStartup", func(t *testing.T) {
				// Before the loop's first iteration.
				checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
					r.CallWhenRunning(func() { inOtherGoroutine(func() { o.op(r, far) }) })
				}))
			})
			t.Run("DuringSelfRescheduling", func(t *testing.T) {
				// A call that reschedules itself (a Cooperate) keeps the
				// loop iterating without a wait; the change comes in its
				// fifth turn, and the loop then idles for the hour unless
				// it sees it.
				checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
					turns := 0
					var turn func()
					turn = func() {
						if turns++; turns == 5 {
							inOtherGoroutine(func() { o.op(r, far) })
							return
						}
						r.CallLater(0, turn)
					}
					r.CallLater(0, turn)
				}))
			})
		})
	}
}

// The shutdown waits on a before-shutdown trigger's Deferred, which
// another goroutine fires through CallFromThread while the loop waits
// for a call an hour away: the shutdown completes at once.
func TestNoLostWakeUpDuringShutdown(t *testing.T) {
	checkOnTime(t, runBubbled(t, func(r *Reactor, far *DelayedCall) {
		r.AddSystemEventTrigger("before", "shutdown", func() any {
			d := deferred.New()
			go func() {
				synctest.Wait() // the loop waits
				r.CallFromThread(func() { d.Callback(nil) })
			}()
			return d
		})
		r.CallLater(0, func() { _ = r.Stop() })
	}))
}

// inOtherGoroutine runs f on a new goroutine and waits for it to return.
func inOtherGoroutine(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
}
