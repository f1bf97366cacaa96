package task

import (
	"math"
	"reflect"
	"runtime"

	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A LoopingCall calls a function repeatedly (twisted.internet.task.
// LoopingCall).
//
// If the function returns a *[deferred.Deferred], rescheduling does not take
// place until that Deferred has fired. The result value is ignored; a
// failure (a returned error, a panic, or a Deferred that fails) stops the
// loop and fails the Deferred that [LoopingCall.Start] returned.
//
// Calls are scheduled on fixed interval boundaries counted from the start:
// when a call (or the reactor) runs late, the intervals that went by are
// skipped and the next call is made at the next boundary still in the
// future. [NewLoopingCallWithCount] tells the function how many intervals
// went by.
//
// A LoopingCall is not safe for concurrent use: use it from the goroutine
// that runs its Clock.
type LoopingCall struct {
	// F is the function to call. Its arguments, which Python passes to
	// LoopingCall as *a and **kw, are whatever the closure captures.
	F func() (any, error)

	// Clock schedules the calls: reactor.Default() unless set, to another
	// reactor or to a Clock in tests. Set it before Start.
	Clock reactor.IReactorTime

	// Interval is the number of seconds between calls, set by Start. It
	// may be changed while the loop runs: the next call is scheduled with
	// the new value.
	Interval float64

	call       *reactor.DelayedCall
	running    bool
	started    bool // Start was called: Interval and starttime are set
	deferred   *deferred.Deferred
	runAtStart bool
	starttime  float64

	// realLastTime is, when counting skips, the time at which the count
	// was last taken; hasLastTime says whether it is set.
	realLastTime float64
	hasLastTime  bool

	// The method values the loop schedules and chains, bound once.
	runFunc func()
	cb      func(any) (any, error)
	eb      func(*twisted.Failure) (any, error)
}

// NewLoopingCall returns a LoopingCall of f on the default reactor. It
// does not call f until [LoopingCall.Start].
func NewLoopingCall(f func() (any, error)) *LoopingCall {
	return &LoopingCall{F: f, Clock: reactor.Default()}
}

// NewLoopingCallWithCount returns a LoopingCall (Twisted's
// LoopingCall.withCount) that passes countCallable the number of calls
// which should have occurred since it was last invoked.
//
// The count is the discrete number of intervals that went by: with a
// LoopingCall driving an animation, the number of frames to advance. It is
// normally 1, but can be higher: if the reactor is blocked and takes too
// long to invoke the LoopingCall, if a Deferred returned by a previous
// call does not fire before an interval has elapsed, or if the function
// itself blocks for longer than an interval. With an interval of 0 the
// count is always 1.
//
// A nil countCallable is a LoopingCall without F: its first call fails
// with Python's TypeError for calling None, as NewLoopingCall(nil)'s.
func NewLoopingCallWithCount(countCallable func(count int) (any, error)) *LoopingCall {
	lc := NewLoopingCall(nil)
	if countCallable == nil {
		return lc
	}
	lc.F = func() (any, error) {
		now := lc.Clock.Seconds()
		if lc.Interval == 0 {
			lc.realLastTime, lc.hasLastTime = now, true
			return countCallable(1)
		}
		lastTime := lc.realLastTime
		if !lc.hasLastTime {
			lastTime = lc.starttime
			if lc.runAtStart {
				lastTime -= lc.Interval
			}
		}
		count := lc.intervalOf(now) - lc.intervalOf(lastTime)
		if count > 0 {
			lc.realLastTime, lc.hasLastTime = now, true
			return countCallable(count)
		}
		return nil, nil
	}
	return lc
}

// intervalOf returns the number of whole intervals passed, as of time t,
// since the start.
func (lc *LoopingCall) intervalOf(t float64) int {
	return int((t - lc.starttime) / lc.Interval)
}

// Running reports whether F is scheduled to be called, or is being
// called. It becomes true at Start, and false at Stop or when F fails; in
// either case it is false by the time the Deferred returned by Start
// fires.
func (lc *LoopingCall) Running() bool { return lc.running }

// Start starts calling F every interval seconds. The interval may be less
// than one; precision depends on the reactor. If now is true, F is called
// right away; otherwise the first call waits until the interval has
// elapsed.
//
// The returned Deferred fires with the LoopingCall itself when [LoopingCall.Stop] is
// called, or fails with F's failure when F returns an error, panics, or
// returns a Deferred that fails.
//
// Start panics with an AssertionError if the LoopingCall is already
// running, and with a ValueError if interval is negative. It panics with
// an AssertionError too if the LoopingCall was stopped while F's Deferred
// was pending and that Deferred has not fired yet: the earlier run's
// Deferred fires then. (Twisted starts anew: the earlier run's Deferred
// never fires, and when F's Deferred does, the call after it is
// scheduled besides the new run's.)
func (lc *LoopingCall) Start(interval float64, now bool) *deferred.Deferred {
	if lc.running {
		panic(twisted.AssertionError.New("Tried to start an already running LoopingCall."))
	}
	if lc.deferred != nil {
		panic(twisted.AssertionError.New("Tried to start a LoopingCall whose last call has not finished."))
	}
	timers.CheckTime(interval)
	if interval < 0 {
		panic(twisted.ValueError.New("interval must be >= 0"))
	}
	if lc.Clock == nil {
		lc.Clock = reactor.Default()
	}
	lc.running = true
	// The loop may fail at once (when now is true) and clear lc.deferred:
	// keep our own reference to return.
	d := deferred.New()
	lc.deferred = d
	lc.starttime = lc.Clock.Seconds()
	lc.Interval = interval
	lc.started = true
	lc.runAtStart = now
	if now {
		lc.run()
	} else {
		lc.scheduleFrom(lc.starttime)
	}
	return d
}

// Stop stops calling F. If no call is in progress, the Deferred returned
// by Start fires at once; otherwise it fires when the call in progress
// (or the Deferred it returned) completes. Stop panics with an
// AssertionError if the LoopingCall is not running.
func (lc *LoopingCall) Stop() {
	if !lc.running {
		panic(twisted.AssertionError.New("Tried to stop a LoopingCall that was not running."))
	}
	lc.running = false
	if lc.call != nil {
		_ = lc.call.Cancel()
		lc.call = nil
		d := lc.deferred
		lc.deferred = nil
		d.Callback(lc)
	}
}

// Reset skips the next iteration and resets the timer: the next call is
// one interval from now, and the intervals are counted from now. It
// panics with an AssertionError if the LoopingCall is not running.
func (lc *LoopingCall) Reset() {
	if !lc.running {
		panic(twisted.AssertionError.New("Tried to reset a LoopingCall that was not running."))
	}
	if lc.call != nil {
		_ = lc.call.Cancel()
		lc.call = nil
		lc.starttime = lc.Clock.Seconds()
		lc.scheduleFrom(lc.starttime)
	}
}

// run makes one call of F (Python's __call__) and, when it completes,
// schedules the next one or ends the loop.
func (lc *LoopingCall) run() {
	lc.call = nil
	if lc.runFunc == nil {
		lc.runFunc, lc.cb, lc.eb = lc.run, lc.callDone, lc.callFailed
	}
	d := deferred.MaybeDeferred(lc.F)
	d.AddCallback(lc.cb)
	d.AddErrback(lc.eb)
}

// callDone follows a call that succeeded: it schedules the next one, or
// fires Start's Deferred if the loop was stopped meanwhile.
func (lc *LoopingCall) callDone(any) (any, error) {
	if lc.running {
		lc.scheduleFrom(lc.Clock.Seconds())
	} else {
		d := lc.deferred
		lc.deferred = nil
		d.Callback(lc)
	}
	return nil, nil
}

// callFailed follows a call that failed: the loop ends, and Start's
// Deferred fails with the failure.
func (lc *LoopingCall) callFailed(f *twisted.Failure) (any, error) {
	lc.running = false
	d := lc.deferred
	lc.deferred = nil
	d.Errback(f)
	return nil, nil
}

// scheduleFrom schedules the next call, at the next interval boundary
// after when (the present).
func (lc *LoopingCall) scheduleFrom(when float64) {
	if lc.runFunc == nil {
		lc.runFunc, lc.cb, lc.eb = lc.run, lc.callDone, lc.callFailed
	}
	lc.call = lc.Clock.CallLater(lc.howLong(when), lc.runFunc)
}

// howLong returns the delay until the next interval boundary after when.
func (lc *LoopingCall) howLong(when float64) float64 {
	if lc.Interval == 0 {
		// Go as fast as possible: call again at once.
		return 0
	}
	runningFor := when - lc.starttime
	untilNextInterval := lc.Interval - pyMod(runningFor, lc.Interval)
	// A delay so small next to when that adding it changes nothing is
	// effectively zero: it is time to tick over into the next interval.
	if when == when+untilNextInterval {
		return lc.Interval
	}
	return untilNextInterval
}

// pyMod is Python's float %: the remainder has the sign of the divisor.
func pyMod(a, b float64) float64 {
	r := math.Mod(a, b)
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return r
}

// String describes the LoopingCall as Twisted's repr does, with the
// interval (None before Start) and the function's name:
// LoopingCall<0.5>(main.tick).
func (lc *LoopingCall) String() string {
	interval := "None"
	if lc.started {
		interval = twisted.Repr(lc.Interval)
	}
	name := "None"
	if lc.F != nil {
		name = "?"
		if fn := runtime.FuncForPC(reflect.ValueOf(lc.F).Pointer()); fn != nil {
			name = fn.Name()
		}
	}
	return "LoopingCall<" + interval + ">(" + name + ")"
}
