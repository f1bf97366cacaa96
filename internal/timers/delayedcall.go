package timers

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// A DelayedCall is a call scheduled by CallLater (Twisted's
// twisted.internet.base.DelayedCall, the IDelayedCall interface): it can be
// cancelled, delayed or reset until it runs.
//
// Its methods are safe to call from any goroutine. Once the call has run
// or been cancelled, Cancel, Delay and Reset return an AlreadyCalled or
// AlreadyCancelled error and change nothing.
type DelayedCall struct {
	q *Queue
	f func()

	// time and delayedTime are Twisted's: a Delay or a later Reset only
	// grows delayedTime, and GetTime is their sum, computed as Twisted
	// does so that the float results agree to the last bit.
	time, delayedTime float64
	called, cancelled bool

	// The key it is queued under: its GetTime and rank at the last
	// settle. dirty means it was moved since.
	at    float64
	seq   int64
	dirty bool
}

// GetTime returns the time at which this call will fire: for a Reactor
// the number of seconds after the epoch at which it is scheduled, for a
// Clock the Clock's own time.
func (d *DelayedCall) GetTime() float64 {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	return d.getTime()
}

func (d *DelayedCall) getTime() float64 { return d.time + d.delayedTime }

func (d *DelayedCall) pending() bool { return !d.called && !d.cancelled }

// Cancel unschedules this call. It returns an AlreadyCancelled error if
// the call has already been unscheduled, an AlreadyCalled error if it has
// already been made (or is being made: a call that cancels itself gets
// AlreadyCalled).
func (d *DelayedCall) Cancel() error {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	if err := d.check(); err != nil {
		return err
	}
	d.cancelled = true
	d.f = nil // let the closure go, as Twisted deletes func, args, kw
	d.q.cancelled()
	return nil
}

// Reset reschedules this call for a different time: secondsFromNow
// seconds from the time of the Reset. It is equivalent to cancelling the
// call and scheduling it again with CallLater, except that the same
// DelayedCall stays in use. It returns AlreadyCancelled or AlreadyCalled
// as Cancel does. A NaN time panics with an AssertionError (CheckTime).
func (d *DelayedCall) Reset(secondsFromNow float64) error {
	CheckTime(secondsFromNow)
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	if err := d.check(); err != nil {
		return err
	}
	newTime := d.q.Now() + secondsFromNow
	if newTime < d.time {
		d.delayedTime = 0
		d.time = newTime
	} else {
		d.delayedTime = newTime - d.time
	}
	d.q.moved(d)
	return nil
}

// Delay reschedules this call for a later time: secondsLater seconds
// after the time it is scheduled for now (a negative amount brings it
// forward). It returns AlreadyCancelled or AlreadyCalled as Cancel does.
// A NaN time panics with an AssertionError (CheckTime).
func (d *DelayedCall) Delay(secondsLater float64) error {
	CheckTime(secondsLater)
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	if err := d.check(); err != nil {
		return err
	}
	d.delayedTime += secondsLater
	if d.delayedTime < 0 {
		d.time += d.delayedTime
		d.delayedTime = 0
	}
	d.q.moved(d)
	return nil
}

// Active reports whether this call is still pending: true if it has not
// yet been made or cancelled.
func (d *DelayedCall) Active() bool {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	return !d.called && !d.cancelled
}

// Called reports whether the call has been made (Twisted's dc.called). It
// is true from the moment the function starts running.
func (d *DelayedCall) Called() bool {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	return d.called
}

// Cancelled reports whether the call has been cancelled (dc.cancelled).
func (d *DelayedCall) Cancelled() bool {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	return d.cancelled
}

// String describes the call as Twisted's repr does:
//
//	<DelayedCall 0xc000118000 [4.5s] called=0 cancelled=0 main.tick()>
//
// with the seconds left until it is due, and the function's name while
// the call is pending (the function is released once it runs or is
// cancelled).
func (d *DelayedCall) String() string {
	d.q.Mu.Lock()
	defer d.q.Mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "<DelayedCall %p [%ss] called=%d cancelled=%d", d, twisted.Repr(d.time-d.q.Now()), b2i(d.called), b2i(d.cancelled))
	if d.f != nil {
		name := "?"
		if fn := runtime.FuncForPC(reflect.ValueOf(d.f).Pointer()); fn != nil {
			name = fn.Name()
		}
		fmt.Fprintf(&b, " %s()", name)
	}
	b.WriteByte('>')
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// check returns the error Cancel, Delay and Reset raise once the call is
// no longer pending. Twisted tests cancelled first.
func (d *DelayedCall) check() error {
	if d.cancelled {
		return errAlreadyCancelled()
	}
	if d.called {
		return errAlreadyCalled()
	}
	return nil
}
